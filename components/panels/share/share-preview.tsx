'use client';

import { useRef } from 'react';
import { Button } from '../../ui/button';
import styles from './share.module.css';
import { useReportedHeight } from './use-reported-height';

/** The embed as it will look, the height its content reports (offered for the snippet), and the badge. */
export function SharePreview({
  url,
  label,
  height,
  onHeight,
  badge,
}: {
  url: string;
  label: string;
  height: number;
  onHeight: (height: number) => void;
  /** The badge's path, or null when the panel has none. */
  badge: string | null;
}) {
  const preview = useRef<HTMLIFrameElement>(null);
  const measured = useReportedHeight(preview);
  return (
    <div className={styles.previews}>
      <p className={styles.previewLabel}>Preview</p>
      <iframe
        ref={preview}
        key={url}
        src={url}
        title={`Preview: ${label}`}
        className={styles.preview}
        style={{ height }}
        data-testid="share-preview"
      />
      {measured !== null && measured !== height ? (
        <p className={styles.note}>
          The content is {measured} px high.{' '}
          <Button size="sm" onClick={() => onHeight(measured)} data-testid="share-use-height">
            Use {measured} px
          </Button>
        </p>
      ) : null}
      {badge ? (
        <p className={styles.badgePreview}>
          {/* eslint-disable-next-line @next/next/no-img-element -- an SVG from our own API, as wikis use it */}
          <img src={badge} alt={`Badge: ${label}`} data-testid="share-badge-preview" />
        </p>
      ) : null}
    </div>
  );
}
