/**
 * What a share link may read: its own panel's page and badge for its own target, and the API reads that panel
 * makes (the embed's data comes from the API). A scope of `*` (PUBLIC_EMBEDS, or an EMBED_TOKEN_SECRET token minted
 * for `*`) covers every panel or target. Pure: a table of which panels read which endpoint.
 */
import type { ShareScope } from './identity';

/** The API endpoints embeds read, and the panels that read each. */
const READERS = {
  snapshot: ['backend', 'server'],
  pools: ['pool', 'pool-matrix'],
  alerts: ['alerts'],
  uptime: ['uptime'],
  'server-history': ['uptime', 'latency', 'session-rate', 'queue', 'response-time', 'errors'],
  'backend-history': ['response-time', 'errors'],
} as const satisfies Record<string, readonly string[]>;

export type ShareableEndpoint = keyof typeof READERS;

const panelCovers = (scope: ShareScope, panel: string) => scope.panel === '*' || scope.panel === panel;
const targetCovers = (scope: ShareScope, target: string) => scope.target === '*' || scope.target === target;

/** An embed page: `/embed/{panel}` for `target` (embedTargetKey). */
export const shareReadsEmbed = (scope: ShareScope, panel: string, target: string) =>
  panelCovers(scope, panel) && targetCovers(scope, target);

/** A badge of `target`: any share of that target shows its badges (the share dialog offers both). */
export const shareReadsBadge = (scope: ShareScope, target: string) => targetCovers(scope, target);

/**
 * An API read. `target` is what the request is about (embedTargetKey), when it names one; reads that cover many
 * targets (snapshot, pools, alerts) are narrowed to the share's target by the service that answers them.
 */
export function shareReadsApi(
  scope: ShareScope,
  endpoint: ShareableEndpoint,
  target: string | null,
): boolean {
  const panels: readonly string[] = READERS[endpoint];
  if (scope.panel !== '*' && !panels.includes(scope.panel)) return false;
  return target === null || targetCovers(scope, target);
}
