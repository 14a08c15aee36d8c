'use client';

import { useId, useState } from 'react';
import type { AlertTarget } from '@/lib/alerts/types';
import { useAlerts } from '../../alerts/use-alerts';
import { Button } from '../../ui/button';
import styles from './alert-center.module.css';
import { muteMinutes, muteTargetText, type MuteChoice } from './mute-form-model';

const PRESETS = [
  { label: '15 min', minutes: 15 },
  { label: '1 h', minutes: 60 },
  { label: '4 h', minutes: 240 },
  { label: '24 h', minutes: 1440 },
] as const;

/** Silences notifications for a target for a while; kept on the server, so every browser and tab honours it. */
export function MuteForm({ target, onDone }: { target: AlertTarget; onDone(): void }) {
  const [choice, setChoice] = useState<MuteChoice>(60);
  const [custom, setCustom] = useState('90');
  const [reason, setReason] = useState('');
  const { submit, error, busy } = useMuteSubmit(target, onDone);
  return (
    <form
      className={styles.muteForm}
      onSubmit={(event) => {
        event.preventDefault();
        void submit(muteMinutes(choice, custom), reason);
      }}
      data-testid="mute-form"
    >
      <fieldset>
        <legend>Mute notifications for {muteTargetText(target)}</legend>
        <DurationPicker choice={choice} onChoice={setChoice} custom={custom} onCustom={setCustom} />
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

/** Sends the mute (`minutes` null when the input was not a valid length); `onDone` once the server has it. */
function useMuteSubmit(target: AlertTarget, onDone: () => void) {
  const { mute } = useAlerts();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (minutes: number | null, reason: string) => {
    if (minutes === null) return setError('Enter a whole number of minutes (1 or more).');
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
  return { submit, error, busy };
}

/** The preset lengths and "Custom" as radios; a minutes field when "Custom" is chosen. */
function DurationPicker({
  choice,
  onChoice,
  custom,
  onCustom,
}: {
  choice: MuteChoice;
  onChoice: (choice: MuteChoice) => void;
  custom: string;
  onCustom: (custom: string) => void;
}) {
  const name = `${useId()}-duration`;
  return (
    <>
      <div className={styles.segmented} role="radiogroup" aria-label="Duration">
        {PRESETS.map((p) => (
          <label key={p.minutes}>
            <input
              type="radio"
              name={name}
              checked={choice === p.minutes}
              onChange={() => onChoice(p.minutes)}
              data-testid="mute-duration"
              value={p.minutes}
            />
            {p.label}
          </label>
        ))}
        <label>
          <input type="radio" name={name} checked={choice === 'custom'} onChange={() => onChoice('custom')} />
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
            onChange={(e) => onCustom(e.target.value)}
            data-testid="mute-custom-minutes"
          />
        </label>
      ) : null}
    </>
  );
}
