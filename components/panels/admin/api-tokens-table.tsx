import type { ApiTokenDto } from '@/lib/api/schemas/access';
import { formatWhen, relativeTo } from './admin-time';
import { AdminTable, CreatedCell, LastUsedCell, RevocableStateCell, RevokeButton } from './admin-table';
import styles from './admin.module.css';
import { sortTokens } from './api-tokens-view';

export interface ApiTokensTableProps {
  tokens: readonly ApiTokenDto[];
  now: number;
  onRevoke(id: string): Promise<void>;
}

const COLUMNS = ['Name', 'Role', 'Created', 'Expires', 'Last used', 'State'] as const;

/** Every API token, active first: who made it, when it ends, when it was last used, and Revoke. */
export function ApiTokensTable({ tokens, now, onRevoke }: ApiTokensTableProps) {
  return (
    <AdminTable testId="tokens-table" columns={COLUMNS} actions>
      {sortTokens(tokens).map((token) => (
        <tr key={token.id} data-testid="token-row" data-token={token.id} data-state={token.state}>
          <td>
            <span className={styles.name}>{token.name}</span>
            <span className={`${styles.sub} ${styles.mono} ${styles.when}`}>{token.id}</span>
          </td>
          <td>{token.role}</td>
          <CreatedCell at={token.createdAt} by={token.createdBy} />
          <td>
            <span className={styles.when}>{token.expiresAt ? formatWhen(token.expiresAt) : 'never'}</span>
            {token.expiresAt && token.state === 'active' ? (
              <span className={styles.sub}>{relativeTo(token.expiresAt, now)}</span>
            ) : null}
          </td>
          <LastUsedCell at={token.lastUsedAt} now={now} />
          <RevocableStateCell item={token} now={now} />
          <td>
            {token.state === 'active' ? (
              <div className={styles.rowActions}>
                <RevokeButton
                  item={token}
                  ariaLabel={`Revoke ${token.name}`}
                  question={`Revoke “${token.name}”? It stops working at once.`}
                  onRevoke={onRevoke}
                  testId="revoke-token"
                />
              </div>
            ) : null}
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}
