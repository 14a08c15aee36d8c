import 'server-only';
/**
 * Where a request comes from. hapscope's server (server.mjs) stamps the TCP peer on every request as
 * `x-hapscope-peer`, overwriting whatever a client sent: Next.js itself keeps a client's own X-Forwarded-For, so
 * that header alone proves nothing. Only a peer inside AUTH_PROXY_TRUSTED may speak for someone else.
 */
import { BlockList, isIP } from 'node:net';

export const PEER_HEADER = 'x-hapscope-peer';

export interface TrustedProxies {
  contains(address: string): boolean;
}

/** AUTH_PROXY_TRUSTED's CIDRs, as the config loader validated them. */
export function trustedProxies(cidrs: readonly { address: string; prefix: number }[]): TrustedProxies {
  const list = new BlockList();
  for (const { address, prefix } of cidrs)
    list.addSubnet(address, prefix, isIP(address) === 6 ? 'ipv6' : 'ipv4');
  return {
    contains(raw: string): boolean {
      const address = raw.startsWith('::ffff:') && isIP(raw.slice(7)) === 4 ? raw.slice(7) : raw;
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

/** The TCP peer; null when the request did not come through server.mjs (e.g. a bare `next start`). */
export const peerAddress = (headers: Headers): string | null => headers.get(PEER_HEADER) || null;

/**
 * The client, for sign-in throttling and logs: behind a trusted proxy, the last X-Forwarded-For hop that proxy
 * added; otherwise the peer itself.
 */
export function clientAddress(headers: Headers, trusted: TrustedProxies): string {
  const peer = peerAddress(headers) ?? 'unknown';
  if (!trusted.contains(peer)) return peer;
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  return hops.at(-1) ?? peer;
}
