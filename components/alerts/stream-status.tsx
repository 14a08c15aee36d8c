'use client';

import { useEffect, useState } from 'react';
import type { StreamState } from './use-alert-stream';
import styles from './alerts-chrome.module.css';

/** A first connection gets this long before it counts as trouble worth a banner. */
const FIRST_CONNECT_GRACE_MS = 3_000;

/**
 * Says so when the alert stream is down. Always in the page (data-state for scripts and tests); the banner shows
 * once the stream was open and dropped, or when the first connection takes too long.
 */
export function StreamStatus({ state }: { state: StreamState }) {
  const [wasOpen, setWasOpen] = useState(false);
  const [slowStart, setSlowStart] = useState(false);
  if (state === 'open' && !wasOpen) setWasOpen(true);
  useEffect(() => {
    const id = window.setTimeout(() => setSlowStart(true), FIRST_CONNECT_GRACE_MS);
    return () => window.clearTimeout(id);
  }, []);
  const show = state !== 'open' && (wasOpen || slowStart);
  return (
    <div
      className={styles.streamStatus}
      data-testid="alert-stream-status"
      data-state={state}
      data-visible={show}
      role="status"
    >
      {show ? (
        <>
          <span className={styles.streamDot} aria-hidden="true" />
          Alert stream disconnected — retrying… New alerts will appear once it is back.
        </>
      ) : null}
    </div>
  );
}
