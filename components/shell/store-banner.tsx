'use client';

import { useHealth } from '../panels/live-overview/use-live-overview';
import { storeBannerLines } from './store-banner-model';
import styles from './store-banner.module.css';

/** One line of the banner; full-height views subtract the whole (`--store-banner-h`), as they do the others. */
const LINE_HEIGHT_PX = 34;

/**
 * The history store's faults from /api/v1/health, on every dashboard page while they last: the file, what is not
 * recorded and the fix. The live view keeps working meanwhile, so it is news, not a blocked page.
 */
export function StoreBanner() {
  const lines = storeBannerLines(useHealth());
  if (lines.length === 0) return null;
  return (
    <>
      <style>{`:root{--store-banner-h:${LINE_HEIGHT_PX * lines.length}px}`}</style>
      <section className={styles.banner} role="alert" aria-label="History store" data-testid="store-banner">
        {lines.map((line) => (
          <p key={line} className={styles.line}>
            <DiskIcon />
            <span>
              <strong>History store</strong> {line}
            </span>
          </p>
        ))}
      </section>
    </>
  );
}

function DiskIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" className={styles.icon}>
      <ellipse cx="8" cy="4" rx="5.5" ry="2" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path
        d="M2.5 4v8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2V4M2.5 8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
      />
    </svg>
  );
}
