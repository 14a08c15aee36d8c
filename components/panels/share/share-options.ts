/** The options the share dialog opens with, for the panel it opens on. Pure. */
import type { EmbedPanel } from '@/lib/embeds/embed-params';
import type { ShareOptions } from './share-snippets';

/** Heights that fit each panel's usual content; the preview offers the measured one. */
const DEFAULT_HEIGHT: Partial<Record<EmbedPanel, number>> = {
  backend: 260,
  server: 230,
  alerts: 160,
  'pool-matrix': 220,
};
const FALLBACK_HEIGHT = 280;

export function initialShareOptions(panel: EmbedPanel): ShareOptions {
  return {
    theme: 'auto',
    range: panel === 'uptime' ? '24h' : '1h',
    title: true,
    legend: true,
    transparent: false,
    height: DEFAULT_HEIGHT[panel] ?? FALLBACK_HEIGHT,
  };
}
