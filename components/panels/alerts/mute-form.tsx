'use client';

import { useId, useState, type FormEvent } from 'react';
import type { AlertTarget } from '@/lib/alerts/types';
import { useAlerts } from '../../alerts/use-alerts';
import { Button } from '../../ui/button';
import styles from './alert-center.module.css';

const PRESETS = [
  { label: '15 min', minutes: 15 },
  { label: '1 h', minutes: 60 },
  { label: '4 h', minutes: 240 },
  { label: '24 h', minutes: 1440 },
] as const;

/** Silences notifications for a target for a while; kept on the server, so every browser and tab honours it. */
export function MuteForm({ target, onDone }: { target: AlertTarget; onDone(): void }) {
  const { mute } = useAlerts();
  const id = useId();
  const [choice, setChoice] = useState<number | 'custom'>(60);
  const [custom, setCustom] = useState('90');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const what =
    [
      target.backend && target.server ? `${target.backend}/${target.server}` : target.backend,
      target.pool && `pool ${target.pool}`,
    ]
      .filter(Boolean)
      .join(', ') ||
    target.instance ||
    'this target';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const minutes = choice === 'custom' ? Number(custom) : choice;
    if (!Number.isInteger(minutes) || minutes < 1)
      return setError('Enter a whole number of minutes (1 or more).');
    setBusy(true);
    setError(null);
    try {
      await mute(target, minutes, reason.trim() || null);
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.muteForm} onSubmit={submit} data-testid="mute-form">
      <fieldset>
        <legend>Mute notifications for {what}</legend>
        <div className={styles.segmented} role="radiogroup" aria-label="Duration">
          {PRESETS.map((p) => (
            <label key={p.minutes}>
              <input
                type="radio"
                name={`${id}-duration`}
                checked={choice === p.minutes}
                onChange={() => setChoice(p.minutes)}
                data-testid="mute-duration"
                value={p.minutes}
              />
              {p.label}
            </label>
          ))}
          <label>
            <input
              type="radio"
              name={`${id}-duration`}
              checked={choice === 'custom'}
              onChange={() => setChoice('custom')}
            />
            Custom
          </label>
        </div>
        {choice === 'custom' ? (
          <label className={styles.field}>
            Minutes
            <input
              type="number"
              min={1}
              step={1}
              value={custom}
              onChange={(e) => setCustom(e.target.value)}
              data-testid="mute-custom-minutes"
            />
          </label>
        ) : null}
        <label className={styles.field}>
          Reason (optional)
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />
        </label>
        {error ? (
          <p className={styles.error} role="alert">
            {error}
          </p>
        ) : null}
        <div className={styles.formActions}>
          <Button type="submit" disabled={busy} data-testid="mute-submit">
            Mute
          </Button>
          <Button variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
