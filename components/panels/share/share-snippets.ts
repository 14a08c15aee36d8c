/**
 * What the share dialog hands out: embed URL, <iframe> snippet, the wiki's resize one-liner, badge snippets.
 * Pure; attribute values are escaped so a backend called `a"b` cannot break the snippet.
 */
import { sparklineBadgeUrl, statusBadgeUrl, uptimeBadgeUrl } from '@/lib/api/urls';
import {
  embedPath,
  HISTORY_PANELS,
  type EmbedPanel,
  type EmbedRange,
  type EmbedTarget,
  type EmbedTheme,
} from '@/lib/embeds/embed-params';

export interface ShareChoice {
  panel: EmbedPanel;
  target: EmbedTarget;
  label: string;
}

export interface ShareOptions {
  theme: EmbedTheme;
  range: EmbedRange;
  title: boolean;
  legend: boolean;
  transparent: boolean;
  height: number;
}

const escapeAttr = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** History panels depend on the range and have a legend; live ones ignore both, so they stay out of their URL. */
export const takesRange = (panel: EmbedPanel) => HISTORY_PANELS.has(panel);
export const takesLegend = (panel: EmbedPanel) => HISTORY_PANELS.has(panel);

/** `token`: a share link's, for readers who are not signed in (a wiki's); null for people signed in. */
export function embedUrl(
  origin: string,
  choice: ShareChoice,
  options: ShareOptions,
  token: string | null = null,
): string {
  const path = embedPath(
    {
      panel: choice.panel,
      target: choice.target,
      theme: options.theme,
      title: options.title,
      legend: takesLegend(choice.panel) ? options.legend : undefined,
      transparent: options.transparent,
      range: takesRange(choice.panel) ? options.range : undefined,
      token,
    },
    0,
  );
  return `${origin}${path}`;
}

export function iframeSnippet(url: string, label: string, height: number): string {
  return (
    `<iframe src="${escapeAttr(url)}" title="${escapeAttr(`hapscope: ${label}`)}" width="100%" ` +
    `height="${Math.round(height)}" style="border:0;max-width:100%" loading="lazy" ` +
    `sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>`
  );
}

/** For wikis that allow scripts: sizes each hapscope frame to its content (messages from `origin` only). */
export function resizeSnippet(origin: string): string {
  return (
    `<script>addEventListener('message',function(e){var d=e.data;if(e.origin!==${JSON.stringify(origin)}||!d||` +
    `d.type!=='hapscope:height')return;document.querySelectorAll('iframe').forEach(function(f){` +
    `if(f.contentWindow===e.source)f.style.height=d.height+'px'})})</script>`
  );
}

/**
 * The SVG badge that says the same thing, for wikis that refuse iframes; null for panels without one. A share
 * link's `token` reads every badge of its target.
 */
export function badgePath(
  choice: ShareChoice,
  range: EmbedRange,
  token: string | null = null,
): string | null {
  const path = badgeOf(choice, range);
  if (!path || !token) return path;
  return `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
}

function badgeOf(choice: ShareChoice, range: EmbedRange): string | null {
  const t = choice.target;
  if (t.type === 'none') return null;
  if (choice.panel === 'uptime') return uptimeBadgeUrl(t, range === '6h' ? '24h' : range);
  if ((choice.panel === 'latency' || choice.panel === 'session-rate') && t.type === 'server') {
    const sparkRange = range === '7d' || range === '30d' ? '24h' : range;
    return sparklineBadgeUrl(t, choice.panel === 'latency' ? 'latency' : 'rate', sparkRange);
  }
  return statusBadgeUrl(t);
}

export function markdownBadge(badgeUrl: string, label: string, linkUrl: string): string {
  const alt = label.replace(/[[\]]/g, '');
  return `[![${alt}](${badgeUrl})](${linkUrl})`;
}

export function htmlBadge(badgeUrl: string, label: string, linkUrl: string): string {
  return `<a href="${escapeAttr(linkUrl)}"><img src="${escapeAttr(badgeUrl)}" alt="${escapeAttr(label)}"></a>`;
}
