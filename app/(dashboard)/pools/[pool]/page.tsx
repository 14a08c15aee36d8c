import Link from 'next/link';
import { POOLS_PAGE } from '@/lib/api/urls';
import { PoolDetailPanel } from '@/components/panels/pools/pool-detail';
import styles from '@/components/panels/pools/pools.module.css';

export async function generateMetadata({ params }: { params: Promise<{ pool: string }> }) {
  return { title: `${decodeURIComponent((await params).pool)} · Pools` };
}

export default async function PoolPage({ params }: { params: Promise<{ pool: string }> }) {
  const pool = decodeURIComponent((await params).pool);
  return (
    <div className={styles.page}>
      <Link href={POOLS_PAGE} className={styles.muted}>
        ← All pools
      </Link>
      <PoolDetailPanel name={pool} />
    </div>
  );
}
