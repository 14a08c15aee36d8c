import type { ApiTokenDto } from '@/lib/api/schemas/access';
import { Badge } from '../../ui/badge';
import { ago, formatWhen, relativeTo } from './admin-time';
import styles from './admin.module.css';
import { sortTokens, tokenStateView } from './api-tokens-view';
import { ConfirmButton } from './confirm-button';

export interface ApiTokensTableProps {
  tokens: readonly ApiTokenDto[];
  now: number;
  onRevoke(id: string): Promise<void>;
}

/** Every API token, active first: who made it, when it ends, when it was last used, and Revoke. */
export function ApiTokensTable({ tokens, now, onRevoke }: ApiTokensTableProps) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid="tokens-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sortTokens(tokens).map((token) => {
            const state = tokenStateView(token, now);
            return (
              <tr key={token.id} data-testid="token-row" data-token={token.id} data-state={token.state}>
                <td>
                  <span className={styles.name}>{token.name}</span>
                  <span className={`${styles.sub} ${styles.mono} ${styles.when}`}>{token.id}</span>
                </td>
                <td>{token.role}</td>
                <td>
                  <span className={styles.when}>{formatWhen(token.createdAt)}</span>
                  <span className={styles.sub}>by {token.createdBy}</span>
                </td>
                <td>
                  <span className={styles.when}>
                    {token.expiresAt ? formatWhen(token.expiresAt) : 'never'}
                  </span>
                  {token.expiresAt && token.state === 'active' ? (
                    <span className={styles.sub}>{relativeTo(token.expiresAt, now)}</span>
                  ) : null}
                </td>
                <td title={token.lastUsedAt ? formatWhen(token.lastUsedAt) : undefined}>
                  {ago(token.lastUsedAt, now)}
                </td>
                <td>
                  <Badge tone={state.tone} size="sm">
                    {state.label}
                  </Badge>
                  {token.state !== 'active' ? <span className={styles.sub}>{state.detail}</span> : null}
                </td>
                <td>
                  {token.state === 'active' ? (
                    <div className={styles.rowActions}>
                      <ConfirmButton
                        label="Revoke"
                        ariaLabel={`Revoke ${token.name}`}
                        question={`Revoke “${token.name}”? It stops working at once.`}
                        onConfirm={() => onRevoke(token.id)}
                        testId="revoke-token"
                      />
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
