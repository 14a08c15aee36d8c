/**
 * Ages shown in the browser are measured against the server's clock: the snapshot's answer says the server's time
 * (header x-hapscope-now), the browser notes when it arrived, and the difference absorbs any skew between the two
 * clocks.
 */

/** How far the browser clock is ahead of the server's, as of one answer. */
export function clockOffsetMs(serverNow: string, receivedAt: number): number {
  const server = Date.parse(serverNow);
  return Number.isFinite(server) ? receivedAt - server : 0;
}

/** A server timestamp on the browser's clock, or null. */
export function toClientMs(iso: string | null, offsetMs: number): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms + offsetMs : null;
}
