'use client';

import { CopyField } from './copy-field';
import { htmlBadge, iframeSnippet, markdownBadge, resizeSnippet, type ShareChoice } from './share-snippets';
import styles from './share.module.css';

/** What to paste: the embed URL, the <iframe>, the resize script and, where the panel has one, its badge. */
export function ShareSnippetsColumn({
  origin,
  url,
  badge,
  choice,
  height,
}: {
  origin: string;
  url: string;
  /** The badge's path, or null when the panel has none. */
  badge: string | null;
  choice: ShareChoice;
  height: number;
}) {
  return (
    <div className={styles.snippets}>
      <CopyField label="Embed URL" value={url} rows={2} />
      <CopyField label="<iframe> snippet" value={iframeSnippet(url, choice.label, height)} rows={4} />
      <CopyField
        label="Auto-height script (wikis that allow scripts; once per page)"
        value={resizeSnippet(origin)}
        rows={3}
      />
      {badge ? (
        <BadgeSnippets badgeUrl={`${origin}${badge}`} label={choice.label} />
      ) : (
        <p className={styles.note}>This panel has no badge; badges exist for servers, backends and pools.</p>
      )}
    </div>
  );
}

function BadgeSnippets({ badgeUrl, label }: { badgeUrl: string; label: string }) {
  const dashboardUrl = typeof window === 'undefined' ? '' : window.location.href;
  return (
    <>
      <CopyField label="Badge, Markdown" value={markdownBadge(badgeUrl, label, dashboardUrl)} rows={2} />
      <CopyField label="Badge, HTML" value={htmlBadge(badgeUrl, label, dashboardUrl)} rows={2} />
    </>
  );
}
