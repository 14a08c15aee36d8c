/**
 * The host part of a HAProxy server address, in a form comparable with node addresses: `10.0.0.1:80`,
 * `[2001:db8::1]:80`, bare `2001:db8::1`, `node.example.com:80`. IPv6 is compressed and lower-cased.
 */
export function addressHost(address: string | null): string | null {
  if (!address) return null;
  const known = hostCache.get(address);
  if (known !== undefined) return known;
  // Addresses repeat poll after poll: remember them (bounded), so correlating 20,000 servers stays cheap.
  if (hostCache.size >= HOST_CACHE_LIMIT) hostCache.clear();
  const host = parseHost(address.trim());
  hostCache.set(address, host);
  return host;
}

const HOST_CACHE_LIMIT = 200_000;
const hostCache = new Map<string, string | null>();

function parseHost(text: string): string | null {
  let host: string;
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    if (end < 0) return null;
    host = text.slice(1, end);
  } else {
    const colons = text.split(':').length - 1;
    host = colons === 1 ? text.slice(0, text.indexOf(':')) : text;
  }
  return host ? normalizeHost(host) : null;
}

const V4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** Lower-case, no trailing dot, IPv6 without zone and in canonical compressed form, v4-mapped v6 as v4. */
export function normalizeHost(host: string): string {
  let value = host.trim().toLowerCase().replace(/\.$/, '');
  if (!value.includes(':')) return value;
  value = value.replace(/%.*$/, '');
  const mapped = V4_MAPPED.exec(value);
  if (mapped) return mapped[1]!;
  try {
    // The WHATWG URL parser is the standard IPv6 canonicalizer: 2001:0db8:0:0::1 → 2001:db8::1.
    return new URL(`http://[${value}]/`).hostname.slice(1, -1);
  } catch {
    return value;
  }
}

/** `loc-a-1.example.com` → `loc-a-1`; IP addresses have no short name. */
export function shortName(host: string): string | null {
  if (host.includes(':') || /^\d+(\.\d+){3}$/.test(host)) return null;
  const dot = host.indexOf('.');
  return dot > 0 ? host.slice(0, dot) : null;
}
