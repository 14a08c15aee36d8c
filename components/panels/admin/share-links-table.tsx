import type { ShareLinkDto } from '@/lib/api/schemas/access';
import { Badge } from '../../ui/badge';
import { formatWhen, relativeTo } from './admin-time';
import styles from './admin.module.css';
import { sortTokens, tokenStateView } from './api-tokens-view';
import { ConfirmButton } from './confirm-button';
import { describeShareTarget, shareEmbedPath } from './share-links-view';

export interface ShareLinksTableProps {
  shares: readonly ShareLinkDto[];
  now: number;
  onRevoke(id: string): Promise<void>;
}

/** Every share link, active first: what it shows, who made it, when it ends and was last used, Open and Revoke. */
export function ShareLinksTable({ shares, now, onRevoke }: ShareLinksTableProps) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid="shares-table">
        <thead>
          <tr>
            <th scope="col">Shows</th>
            <th scope="col">Label</th>
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
          {sortTokens(shares).map((share) => (
            <ShareLinkRow key={share.id} share={share} now={now} onRevoke={onRevoke} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ShareLinkRow({
  share,
  now,
  onRevoke,
}: {
  share: ShareLinkDto;
  now: number;
  onRevoke(id: string): Promise<void>;
}) {
  const state = tokenStateView(share, now);
  const embed = shareEmbedPath(share);
  const shows = `the ${share.panel} panel of ${describeShareTarget(share.target)}`;
  return (
    <tr data-testid="share-row" data-share={share.id} data-state={share.state}>
      <td>
        <span className={styles.name}>{share.panel}</span>
        <span className={`${styles.sub} ${styles.mono}`}>{describeShareTarget(share.target)}</span>
      </td>
      <td>{share.label ?? <span className={styles.sub}>–</span>}</td>
      <td>
        {formatWhen(share.createdAt)}
        <span className={styles.sub}>by {share.createdBy}</span>
      </td>
      <td title={share.expiresAt ? formatWhen(share.expiresAt) : undefined}>
        {share.expiresAt ? formatWhen(share.expiresAt) : 'never'}
        {share.expiresAt && share.state === 'active' ? (
          <span className={styles.sub}>{relativeTo(share.expiresAt, now)}</span>
        ) : null}
      </td>
      <td title={share.lastUsedAt ? formatWhen(share.lastUsedAt) : undefined}>
        {relativeTo(share.lastUsedAt, now)}
      </td>
      <td>
        <Badge tone={state.tone} size="sm">
          {state.label}
        </Badge>
        {share.state !== 'active' ? <span className={styles.sub}>{state.detail}</span> : null}
      </td>
      <td>
        <div className={styles.rowActions}>
          {embed ? (
            <a
              href={embed}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={`Open ${shows}`}
              data-testid="open-share"
            >
              Open ↗
            </a>
          ) : null}
          {share.state === 'active' ? (
            <ConfirmButton
              label="Revoke"
              ariaLabel={`Revoke the share link for ${shows}`}
              question={`Revoke this link to ${shows}? Wikis that use it show “revoked” at once.`}
              onConfirm={() => onRevoke(share.id)}
              testId="revoke-share"
            />
          ) : null}
        </div>
      </td>
    </tr>
  );
}
