/** GET a JSON API route; a non-2xx answer throws with the API's own error message when it has one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * An embed opened through a share link reads the API with the link's token (a frame in a wiki has no session
 * cookie): EmbedView sets it once, before its panel's first request.
 */
let shareToken: string | null = null;
export function setShareToken(token: string | null): void {
  shareToken = token;
}
export const hasShareToken = () => shareToken !== null;

/** A session that ended (idle, expired, signed out elsewhere): to sign in, then back to this page. */
export function toSignIn(): void {
  const here = `${window.location.pathname}${window.location.search}`;
  // A full navigation on purpose: the session is gone, so is every state the app held for it.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/signin?next=${encodeURIComponent(here)}`);
}

function requestHeaders(): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (shareToken) headers.authorization = `Bearer ${shareToken}`;
  return headers;
}

async function failure(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (res.status === 401 && !shareToken && typeof window !== 'undefined') toSignIn();
  return new ApiError(res.status, body?.error?.message ?? `HTTP ${res.status} ${res.statusText}`.trim());
}

export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { cache: 'no-store', headers: requestHeaders() });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

/** The last answer per URL that carried an entity tag, for fetchJsonIfChanged. */
const held = new Map<string, { etag: string; data: unknown }>();
const MAX_HELD = 20;

/**
 * GET a JSON route that tags its answers (the snapshot, uptime): the tag of the answer held is sent along, and a
 * 304 hands back the very object parsed before — no bytes, no parsing, and a consumer that compares by identity
 * sees nothing changed. Also returns the answer's headers (per-request facts such as the server's clock).
 */
export async function fetchJsonIfChanged<T>(url: string): Promise<{ data: T; headers: Headers }> {
  const headers = requestHeaders();
  const previous = held.get(url);
  if (previous) headers['if-none-match'] = previous.etag;
  const res = await fetch(url, { cache: 'no-store', headers });
  if (res.status === 304 && previous) return { data: previous.data as T, headers: res.headers };
  if (!res.ok) throw await failure(res);
  const data = (await res.json()) as T;
  const etag = res.headers.get('etag');
  if (etag) {
    if (!held.has(url) && held.size >= MAX_HELD) held.clear();
    held.set(url, { etag, data });
  }
  return { data, headers: res.headers };
}
