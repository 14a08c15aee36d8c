/** The share links page's words: what each link shows, and where its embed opens. Pure. */
import { parseShareTarget, toEmbedTarget } from '@/lib/access/share-target';
import type { ShareLinkDto } from '@/lib/api/schemas/access';
import { embedPath, isEmbedPanel, parseEmbedParams } from '@/lib/embeds/embed-params';

/** "server main/api/api1", "pool pool-a", "every target". */
export function describeShareTarget(target: string): string {
  const parsed = parseShareTarget(target);
  if (parsed.type === 'all') return 'every target';
  if (parsed.type === 'pool') return `pool ${parsed.pool}`;
  if (parsed.type === 'server') return `server ${parsed.instance}/${parsed.backend}/${parsed.server}`;
  if (parsed.type === 'backend') return `backend ${parsed.instance}/${parsed.backend}`;
  return target;
}

/**
 * The link's embed, as an admin opens it (with their own session: the token is not kept, only its hash); null
 * when the link names no single embed (a `*` target of a panel that needs one).
 */
export function shareEmbedPath(share: Pick<ShareLinkDto, 'panel' | 'target'>): string | null {
  const target = toEmbedTarget(parseShareTarget(share.target));
  if (!target || !isEmbedPanel(share.panel)) return null;
  const path = embedPath({ panel: share.panel, target }, 0);
  const valid = parseEmbedParams(share.panel, new URLSearchParams(path.split('?')[1] ?? ''), 1000).ok;
  return valid ? path : null;
}
