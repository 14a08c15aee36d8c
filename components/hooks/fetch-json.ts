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

/** A session that ended (idle, expired, signed out elsewhere): to sign in, then back to this page. */
function toSignIn(): void {
  const here = `${window.location.pathname}${window.location.search}`;
  // A full navigation on purpose: the session is gone, so is every state the app held for it.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/signin?next=${encodeURIComponent(here)}`);
}

export async function fetchJson<T>(url: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (shareToken) headers.authorization = `Bearer ${shareToken}`;
  const res = await fetch(url, { cache: 'no-store', headers });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    if (res.status === 401 && !shareToken && typeof window !== 'undefined') toSignIn();
    throw new ApiError(res.status, body?.error?.message ?? `HTTP ${res.status} ${res.statusText}`.trim());
  }
  return (await res.json()) as T;
}
