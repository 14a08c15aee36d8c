'use client';

import { useState } from 'react';
import type { ApiTokenDto } from '@/lib/api/schemas/access';
import { useApiTokens } from '../../hooks/use-api-tokens';
import { EmptyState } from '../../ui/empty-state';
import { useNow } from '../../ui/use-now';
import { AdminListState } from './admin-list-state';
import styles from './admin.module.css';
import { createApiToken, revokeApiToken } from './admin-requests';
import { ApiTokensTable } from './api-tokens-table';
import { CreateTokenForm } from './create-token-form';
import { TokenSecret } from './token-secret';

/** /admin/tokens: tokens for scripts (`Authorization: Bearer …`), created, listed and revoked here. */
export function ApiTokensPanel({ publicOrigin }: { publicOrigin: string | null }) {
  const { data, error, isLoading, mutate } = useApiTokens();
  const [created, setCreated] = useState<{ token: ApiTokenDto; secret: string } | null>(null);
  const now = useNow(30_000);
  return (
    <>
      {created ? (
        <TokenSecret
          token={created.token}
          secret={created.secret}
          origin={publicOrigin ?? window.location.origin}
          onDismiss={() => setCreated(null)}
        />
      ) : null}
      <section className={`${styles.section} ${styles.card}`} aria-labelledby="create-token-heading">
        <h2 id="create-token-heading" className={styles.sectionTitle}>
          Create an API token
        </h2>
        <p className={styles.lead}>
          For scripts and other tools: they send it as <code>Authorization: Bearer …</code> and may do what
          its role may. Give each tool its own token, so you can revoke one without the others.
        </p>
        <CreateTokenForm
          onCreate={async (body) => {
            setCreated(await createApiToken(body));
            await mutate();
          }}
        />
      </section>
      <section className={styles.section} aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className={styles.sectionTitle}>
          API tokens {data ? `(${data.tokens.filter((t) => t.state === 'active').length} active)` : ''}
        </h2>
        <AdminListState
          load={{ data, error, isLoading }}
          failed="Could not load the API tokens"
          loading="Loading API tokens…"
          isEmpty={(list) => list.tokens.length === 0}
          empty={
            <EmptyState title="No API tokens yet">
              Create one above, or on the server: npm run token -- create.
            </EmptyState>
          }
        >
          {(list) => (
            <ApiTokensTable
              tokens={list.tokens}
              now={now}
              onRevoke={async (id) => {
                await revokeApiToken(id);
                await mutate();
              }}
            />
          )}
        </AdminListState>
      </section>
    </>
  );
}
