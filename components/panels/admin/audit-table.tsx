import type { AuditEntryDto } from '@/lib/api/schemas/access';
import { formatWhen } from './admin-time';
import styles from './admin.module.css';
import { actionLabel, targetLabel } from './audit-view';

/** Who did what to what, newest first. */
export function AuditTable({ entries }: { entries: readonly AuditEntryDto[] }) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Did</th>
            <th scope="col">To</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
