/**
 * Ages shown in the browser are measured against the server's clock: the snapshot says when it was generated,
 * the browser notes when it arrived, and the difference absorbs any skew between the two clocks.
 */

/** How far the browser clock is ahead of the server's, as of one snapshot. */
export function clockOffsetMs(generatedAt: string, receivedAt: number): number {
  const generated = Date.parse(generatedAt);
  return Number.isFinite(generated) ? receivedAt - generated : 0;
}

/** A server timestamp on the browser's clock, or null. */
export function toClientMs(iso: string | null, offsetMs: number): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms + offsetMs : null;
}
