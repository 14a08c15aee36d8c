import styles from './skeleton.module.css';

/** A shimmering placeholder block of a fixed size, so the loaded content does not shift the layout. */
export function Skeleton({ width, height = 14 }: { width?: number | string; height?: number | string }) {
  return <span className={styles.skeleton} style={{ width, height }} aria-hidden="true" />;
}
