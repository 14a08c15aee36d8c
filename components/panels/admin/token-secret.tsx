'use client';

import { useEffect, useRef } from 'react';
import type { ApiTokenDto } from '@/lib/api/schemas/access';
import { Button } from '../../ui/button';
import { CopyField } from '../share/copy-field';
import styles from './admin.module.css';
import { curlExample } from './api-tokens-view';

export interface TokenSecretProps {
  token: Pick<ApiTokenDto, 'name' | 'role'>;
  secret: string;
  /** hapscope's address as users reach it (PUBLIC_URL, else this page's origin). */
  origin: string;
  onDismiss(): void;
}

/** The new token's secret, this once: hapscope keeps only its hash. */
export function TokenSecret({ token, secret, origin, onDismiss }: TokenSecretProps) {
  const box = useRef<HTMLElement>(null);
  // Where the eye and the keyboard go next: the form that made it is below.
  useEffect(() => box.current?.focus(), [secret]);
  return (
    <section
      ref={box}
      tabIndex={-1}
      className={styles.secret}
      aria-labelledby="token-secret-heading"
      data-testid="token-secret"
    >
      <h2 id="token-secret-heading" className={styles.sectionTitle}>
        API token “{token.name}” ({token.role}) created
      </h2>
      <p className={styles.warning} role="status">
        Copy the secret now: it will not be shown again. hapscope keeps only a hash of it; if it is lost,
        revoke the token and create another.
      </p>
      <CopyField label="Secret" value={secret} rows={1} />
      <CopyField label="Try it" value={curlExample(origin, secret)} rows={2} />
      <div>
        <Button size="sm" onClick={onDismiss} data-testid="token-secret-done">
          I have copied it
        </Button>
      </div>
    </section>
  );
}
