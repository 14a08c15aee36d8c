import type { InstanceDto } from '@/lib/api/snapshot-dto';
import { Skeleton } from '../../ui/skeleton';
import { SourceCard } from './source-card';
import styles from './sources.module.css';

export interface SourcesStripProps {
  instances: readonly InstanceDto[];
  clockOffsetMs: number;
}

/** One card per configured HAProxy source. */
export function SourcesStrip({ instances, clockOffsetMs }: SourcesStripProps) {
  return (
    <section className={styles.strip} aria-label="Sources">
      {instances.map((instance) => (
        <SourceCard key={instance.name} instance={instance} clockOffsetMs={clockOffsetMs} />
      ))}
    </section>
  );
}

export function SourcesStripSkeleton({ count = 2 }: { count?: number }) {
  return (
    <section className={styles.strip} aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className={styles.card}>
          <Skeleton width="45%" height={16} />
          <Skeleton width="80%" />
          <Skeleton width="60%" />
        </div>
      ))}
    </section>
  );
}
