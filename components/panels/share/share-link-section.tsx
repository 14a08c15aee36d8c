'use client';

import { useState, type FormEvent } from 'react';
import { useEmbedSettings } from '../../hooks/use-embed-settings';
import { useAccess } from '../../shell/access-context';
import { Button } from '../../ui/button';
import { EXPIRY_CHOICES, type ExpiryDays } from '../admin/api-tokens-view';
import { CopyField } from './copy-field';
import { shareAccessView, shareLinkRequest } from './share-link-model';
import { createShareLink } from './share-link-requests';
import type { ShareChoice } from './share-snippets';
import styles from './share.module.css';

/**
 * Who can open the snippets, and for an admin "Create share link": a token for this panel and target, which the
 * dialog then puts into every snippet. The token is shown this once (the server keeps only its hash).
 */
export function ShareLinkSection({
  choice,
  token,
  onCreated,
}: {
  choice: ShareChoice;
  /** The token minted for this choice, if any. */
  token: string | null;
  onCreated: (token: string) => void;
}) {
  const access = useAccess();
  const settings = useEmbedSettings();
  const view = shareAccessView({
    mode: access.mode,
    isAdmin: access.can('admin'),
    publicEmbeds: settings.data?.publicEmbeds ?? null,
    minted: token !== null,
  });
  return (
    <section className={styles.shareLink} aria-label="Share link" data-testid="share-link">
      <p className={styles.note} role={token ? 'status' : undefined} data-testid="share-link-note">
        {view.note}
      </p>
      {token ? <CopyField label="Share token (shown once)" value={token} rows={1} /> : null}
      {view.canCreate ? <CreateShareLinkForm choice={choice} onCreated={onCreated} /> : null}
    </section>
  );
}

function CreateShareLinkForm({
  choice,
  onCreated,
}: {
  choice: ShareChoice;
  onCreated: (token: string) => void;
}) {
  const [label, setLabel] = useState('');
  const [expiry, setExpiry] = useState<ExpiryDays>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await createShareLink(shareLinkRequest(choice, label, expiry));
      onCreated(created.token);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.shareLinkForm} onSubmit={submit} aria-label="Create a share link" noValidate>
      <label>
        Label
        <input
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          placeholder="where it is used: team wiki, status page"
          maxLength={120}
          autoComplete="off"
          data-testid="share-link-label"
        />
      </label>
      <label>
        Expires
        <select
          value={expiry === null ? 'never' : String(expiry)}
          onChange={(e) => setExpiry(expiryChoice(e.target.value))}
          data-testid="share-link-expiry"
        >
          {EXPIRY_CHOICES.map((c) => (
            <option key={c.label} value={c.days === null ? 'never' : String(c.days)}>
              {c.days === null ? c.label : `in ${c.label}`}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" disabled={busy} data-testid="share-link-create">
        Create share link
      </Button>
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

const expiryChoice = (value: string): ExpiryDays =>
  EXPIRY_CHOICES.find((c) => String(c.days ?? 'never') === value)?.days ?? null;
