import type { ShareLinkDto } from '@/lib/api/schemas/access';
import { formatWhen, relativeTo } from './admin-time';
import { AdminTable, LastUsedCell, RevocableStateCell, RevokeButton } from './admin-table';
import styles from './admin.module.css';
import { sortTokens } from './api-tokens-view';
import { describeShareTarget, shareEmbedPath } from './share-links-view';

export interface ShareLinksTableProps {
  shares: readonly ShareLinkDto[];
  now: number;
  onRevoke(id: string): Promise<void>;
}

const COLUMNS = ['Shows', 'Label', 'Created', 'Expires', 'Last used', 'State'] as const;

/** Every share link, active first: what it shows, who made it, when it ends and was last used, Open and Revoke. */
export function ShareLinksTable({ shares, now, onRevoke }: ShareLinksTableProps) {
  return (
    <AdminTable testId="shares-table" columns={COLUMNS} actions>
      {sortTokens(shares).map((share) => (
        <ShareLinkRow key={share.id} share={share} now={now} onRevoke={onRevoke} />
      ))}
    </AdminTable>
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
      <LastUsedCell at={share.lastUsedAt} now={now} />
      <RevocableStateCell item={share} now={now} />
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
          <RevokeButton
            item={share}
            ariaLabel={`Revoke the share link for ${shows}`}
            question={`Revoke this link to ${shows}? Wikis that use it show “revoked” at once.`}
            onRevoke={onRevoke}
            testId="revoke-share"
          />
        </div>
      </td>
    </tr>
  );
}
