'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { EMBED_RANGES, EMBED_THEMES } from '@/lib/embeds/embed-params';
import { Button } from '../../ui/button';
import { CopyField } from './copy-field';
import {
  badgePath,
  embedUrl,
  htmlBadge,
  iframeSnippet,
  markdownBadge,
  resizeSnippet,
  takesLegend,
  takesRange,
  type ShareChoice,
  type ShareOptions,
} from './share-snippets';
import styles from './share.module.css';

const DEFAULT_HEIGHT: Record<string, number> = { backend: 260, server: 230, alerts: 160, 'pool-matrix': 220 };

/**
 * The embed URL, an <iframe> snippet with the chosen options, a live preview, and the badge for wikis without
 * iframes. A native modal <dialog>: the page behind is inert (focus stays inside), Esc closes, labelled by its title.
 */
export function ShareDialog({
  choices,
  label,
  onClose,
}: {
  choices: readonly ShareChoice[];
  label: string;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [index, setIndex] = useState(0);
  const choice = choices[index] ?? choices[0]!;
  const [options, setOptions] = useState<ShareOptions>({
    theme: 'auto',
    range: choice.panel === 'uptime' ? '24h' : '1h',
    title: true,
    legend: true,
    transparent: false,
    height: DEFAULT_HEIGHT[choice.panel] ?? 280,
  });
  const set = <K extends keyof ShareOptions>(key: K, value: ShareOptions[K]) =>
    setOptions((prev) => ({ ...prev, [key]: value }));

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // The preview reports its content height like any embed: offered as the snippet's height.
  const preview = useRef<HTMLIFrameElement>(null);
  const [measured, setMeasured] = useState<number | null>(null);
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: string; height?: number } | null;
      if (event.source !== preview.current?.contentWindow || data?.type !== 'hapscope:height') return;
      if (typeof data.height === 'number') setMeasured(Math.ceil(data.height));
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const url = embedUrl(origin, choice, options);
  const badge = useMemo(() => badgePath(choice, options.range), [choice, options.range]);
  const dashboardUrl = typeof window === 'undefined' ? '' : window.location.href;

  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(event) => {
        if (event.target === ref.current) ref.current.close();
      }}
      data-testid="share-dialog"
    >
      <div className={styles.body}>
        <header className={styles.dialogHead}>
          <h2 id={titleId}>Share {label}</h2>
          <Button size="sm" variant="ghost" onClick={() => ref.current?.close()} aria-label="Close">
            ✕
          </Button>
        </header>
        <div className={styles.options}>
          {choices.length > 1 ? (
            <label>
              Panel
              <select
                value={index}
                onChange={(e) => setIndex(Number(e.target.value))}
                data-testid="share-panel"
              >
                {choices.map((c, i) => (
                  <option key={`${c.panel}-${c.label}`} value={i}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label>
            Theme
            <select
              value={options.theme}
              onChange={(e) => set('theme', e.target.value as ShareOptions['theme'])}
            >
              {EMBED_THEMES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
          {takesRange(choice.panel) ? (
            <label>
              Range
              <select
                value={options.range}
                onChange={(e) => set('range', e.target.value as ShareOptions['range'])}
              >
                {EMBED_RANGES.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </label>
          ) : null}
          <label>
            Height
            <input
              type="number"
              min={80}
              max={2000}
              step={10}
              value={options.height}
              onChange={(e) => set('height', Math.max(80, Number(e.target.value) || 0))}
            />
          </label>
          <label className={styles.check}>
            <input
              type="checkbox"
              checked={!options.title}
              onChange={(e) => set('title', !e.target.checked)}
            />
            Hide title
          </label>
          {takesLegend(choice.panel) ? (
            <label className={styles.check}>
              <input
                type="checkbox"
                checked={!options.legend}
                onChange={(e) => set('legend', !e.target.checked)}
              />
              Hide legend
            </label>
          ) : null}
          <label className={styles.check}>
            <input
              type="checkbox"
              checked={options.transparent}
              onChange={(e) => set('transparent', e.target.checked)}
            />
            Transparent background
          </label>
        </div>
        <div className={styles.columns}>
          <div className={styles.snippets}>
            <CopyField label="Embed URL" value={url} rows={2} />
            <CopyField
              label="<iframe> snippet"
              value={iframeSnippet(url, choice.label, options.height)}
              rows={4}
            />
            <CopyField
              label="Auto-height script (wikis that allow scripts; once per page)"
              value={resizeSnippet(origin)}
              rows={3}
            />
            {badge ? (
              <>
                <CopyField
                  label="Badge, Markdown"
                  value={markdownBadge(`${origin}${badge}`, choice.label, dashboardUrl)}
                  rows={2}
                />
                <CopyField
                  label="Badge, HTML"
                  value={htmlBadge(`${origin}${badge}`, choice.label, dashboardUrl)}
                  rows={2}
                />
              </>
            ) : (
              <p className={styles.note}>
                This panel has no badge; badges exist for servers, backends and pools.
              </p>
            )}
          </div>
          <div className={styles.previews}>
            <p className={styles.previewLabel}>Preview</p>
            <iframe
              ref={preview}
              key={url}
              src={url}
              title={`Preview: ${choice.label}`}
              className={styles.preview}
              style={{ height: options.height }}
              data-testid="share-preview"
            />
            {measured !== null && measured !== options.height ? (
              <p className={styles.note}>
                The content is {measured} px high.{' '}
                <Button size="sm" onClick={() => set('height', measured)} data-testid="share-use-height">
                  Use {measured} px
                </Button>
              </p>
            ) : null}
            {badge ? (
              <p className={styles.badgePreview}>
                {/* eslint-disable-next-line @next/next/no-img-element -- an SVG from our own API, as wikis use it */}
                <img src={badge} alt={`Badge: ${choice.label}`} data-testid="share-badge-preview" />
              </p>
            ) : null}
          </div>
        </div>
      </div>
    </dialog>
  );
}
