/**
 * The same-origin rule (shared/reference/api-v1.md, "Access"): a state-changing request (POST, PUT, PATCH,
 * DELETE) that relies on a cookie or on no credential at all is refused unless it is same-origin and JSON. So no
 * other page a reader's browser opens (a wiki embedding hapscope's panels, say) can act through it: a cross-site
 * `fetch(…, { mode: 'no-cors' })` or a `<form>` can send neither a JSON content type nor this origin.
 * Every state-changing route starts with `refuseCrossSite` (same-origin.test.ts fails for one that does not).
 */
import { jsonError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface WriteRequest {
  method: string;
  headers: { get(name: string): string | null };
}

/**
 * Why the request must be refused, or null when it may go on. `ownOrigin` is hapscope's origin as its users reach
 * it: PUBLIC_URL's when set (behind a reverse proxy), else the one the request was addressed to.
 */
export function crossSiteWriteRefusal(request: WriteRequest, ownOrigin: string): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  // A bearer token is a credential the browser never adds by itself, and a cross-site page cannot set it
  // without a CORS preflight, which hapscope never grants.
  if (/^Bearer\s+\S/i.test(request.headers.get('authorization') ?? '')) return null;
  const origin = request.headers.get('origin');
  const site = request.headers.get('sec-fetch-site');
  const sameOrigin = site === 'same-origin' || (origin !== null && origin === ownOrigin);
  if (!sameOrigin) {
    return origin
      ? `cross-site request refused: Origin ${origin} is not ${ownOrigin}`
      : `cross-site request refused: send Origin: ${ownOrigin} (or use an API token)`;
  }
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    return `state-changing requests must be Content-Type: application/json, got ${type || 'none'}`;
  }
  return null;
}

/**
 * A route's first line: the 403 to answer, or null. hapscope's own origin is PUBLIC_URL's when set, else the
 * request's Host (with the scheme it arrived by).
 */
export function refuseCrossSite(request: Request, publicOrigin: string | null): Response | null {
  const refusal = crossSiteWriteRefusal(request, ownOrigin(request, publicOrigin));
  return refusal ? jsonError(403, 'forbidden', refusal) : null;
}

/** hapscope's origin as its users reach it: PUBLIC_URL's, else the request's Host with the scheme it came by. */
export function ownOrigin(request: Request, publicOrigin: string | null): string {
  const host = request.headers.get('host');
  const url = new URL(request.url);
  return publicOrigin ?? (host ? `${url.protocol}//${host}` : url.origin);
}
