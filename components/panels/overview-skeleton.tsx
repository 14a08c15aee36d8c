import { Skeleton } from '../ui/skeleton';
import styles from './overview.module.css';
import { SourcesStripSkeleton } from './sources/sources-strip';

/** The overview's shape before the first snapshot arrives, so nothing moves when it does. */
export function OverviewSkeleton() {
  return (
    <div
      className={styles.overview}
      aria-busy="true"
      aria-label="Loading the snapshot"
      data-testid="overview-loading"
    >
      <SourcesStripSkeleton />
      <div className={styles.skeletonRow}>
        <Skeleton width={120} height={26} />
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} width={70} height={26} />
        ))}
      </div>
      <div className={styles.skeletonRow}>
        <Skeleton width={420} height={32} />
        <Skeleton width={150} height={32} />
      </div>
      <div className={`${styles.table} ${styles.skeletonTable}`}>
        {Array.from({ length: 14 }, (_, i) => (
          <Skeleton key={i} width="100%" height={22} />
        ))}
      </div>
    </div>
  );
}
