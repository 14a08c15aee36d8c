/**
 * The part of the fleet a share's target names (its embedTargetKey: `instance/backend/server`,
 * `instance/backend`, `pool:<name>`, `*`), so that the reads answering many targets at once (snapshot, pools,
 * alerts) answer a share link with its own part only. Pure.
 */
import { embedPath, parseEmbedParams, type EmbedPanel, type EmbedTarget } from '@/lib/embeds/embed-params';
import type { Identity } from './identity';

export type ShareTarget =
  | { type: 'all' }
  | { type: 'backend'; instance: string; backend: string }
  | { type: 'server'; instance: string; backend: string; server: string }
  | { type: 'pool'; pool: string }
  /** A key of no known shape: it names nothing, so a share of it reads nothing. */
  | { type: 'nothing' };

/** HAProxy names hold no `/` (letters, digits, - _ . :), so the key splits without ambiguity. */
export function parseShareTarget(key: string): ShareTarget {
  if (key === '*') return { type: 'all' };
  if (key.startsWith('pool:')) {
    const pool = key.slice('pool:'.length);
    return pool ? { type: 'pool', pool } : { type: 'nothing' };
  }
  const parts = key.split('/');
  if (parts.some((part) => part.length === 0)) return { type: 'nothing' };
  const [instance, backend, server] = parts;
  if (parts.length === 2) return { type: 'backend', instance: instance!, backend: backend! };
  if (parts.length === 3) return { type: 'server', instance: instance!, backend: backend!, server: server! };
  return { type: 'nothing' };
}

/** What a request may see of a many-target read: everything for a person or token, the share's target for a share. */
export const visibleTarget = (who: Identity | undefined): ShareTarget =>
  who?.kind === 'share' ? parseShareTarget(who.scope.target) : { type: 'all' };

/** Whether something about `about` (an alert's target, say) belongs to `target`. */
export function targetHolds(
  target: ShareTarget,
  about: { instance: string | null; backend: string | null; server: string | null; pool: string | null },
): boolean {
  switch (target.type) {
    case 'all':
      return true;
    case 'pool':
      return about.pool === target.pool;
    case 'backend':
      return about.instance === target.instance && about.backend === target.backend;
    case 'server':
      return (
        about.instance === target.instance &&
        about.backend === target.backend &&
        about.server === target.server
      );
    case 'nothing':
      return false;
  }
}

/** The embed target a share's target names (`*` as no target); null for a key of no known shape. */
export function toEmbedTarget(target: ShareTarget): EmbedTarget | null {
  if (target.type === 'nothing') return null;
  return target.type === 'all' ? { type: 'none' } : target;
}

/**
 * Why a share link cannot be made for this panel and target, or null: the target must be one the panel's embed
 * takes (as its URL says it), or `*` for any.
 */
export function shareTargetProblem(panel: EmbedPanel, key: string): string | null {
  if (key === '*') return null;
  const target = toEmbedTarget(parseShareTarget(key));
  if (!target)
    return `target: must be instance/backend/server, instance/backend, pool:<name> or *, got "${key}"`;
  const query = embedPath({ panel, target }, 0).split('?')[1] ?? '';
  const parsed = parseEmbedParams(panel, new URLSearchParams(query), 1000);
  const problem = parsed.ok ? undefined : parsed.errors.find((e) => e.param === 'target');
  return problem ? `target: ${problem.message} (or *), got "${key}"` : null;
}
