import type { Metadata } from 'next';
import { PoolCardsPanel } from '@/components/panels/pools/pool-cards';
import styles from '@/components/panels/pools/pools.module.css';

export const metadata: Metadata = { title: 'Pools' };

export default function PoolsPage() {
  return (
    <div className={styles.page}>
      <h1 className={styles.pageTitle}>Location pools</h1>
      <PoolCardsPanel />
    </div>
  );
}
