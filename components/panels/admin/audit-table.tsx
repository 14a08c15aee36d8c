import type { AuditEntryDto } from '@/lib/api/schemas/access';
import { formatWhen } from './admin-time';
import { AdminTable } from './admin-table';
import styles from './admin.module.css';
import { actionLabel, targetLabel } from './audit-view';

const COLUMNS = ['When', 'Who', 'Did', 'To', 'Detail'] as const;

/** Who did what to what, newest first. */
export function AuditTable({ entries }: { entries: readonly AuditEntryDto[] }) {
  return (
    <AdminTable testId="audit-table" columns={COLUMNS}>
      {entries.map((entry) => (
        <tr key={entry.seq} data-testid="audit-row" data-action={entry.action}>
          <td className={styles.when}>
            <time dateTime={entry.at}>{formatWhen(entry.at, { seconds: true })}</time>
          </td>
          <td className={styles.name}>{entry.actor}</td>
          <td title={entry.action}>{actionLabel(entry.action)}</td>
          <td className={styles.mono}>{targetLabel(entry.target)}</td>
          <td>{entry.detail ?? '–'}</td>
        </tr>
      ))}
    </AdminTable>
  );
}
