/**
 * A small ring of recent samples (epoch ms, value) per key. No clock: callers pass `at` and `now`, so tests
 * and the collector decide what time it is.
 */
export class LatencyWindow {
  private readonly rings = new Map<
    string,
    { at: Float64Array; value: Float64Array; next: number; size: number }
  >();

  constructor(
    readonly windowMs: number,
    readonly capacity: number,
  ) {}

  add(key: string, at: number, value: number): void {
    let ring = this.rings.get(key);
    if (!ring) {
      ring = {
        at: new Float64Array(this.capacity),
        value: new Float64Array(this.capacity),
        next: 0,
        size: 0,
      };
      this.rings.set(key, ring);
    }
    ring.at[ring.next] = at;
    ring.value[ring.next] = value;
    ring.next = (ring.next + 1) % this.capacity;
    ring.size = Math.min(ring.size + 1, this.capacity);
  }

  /** Samples of `key` taken within the window before `now`. */
  values(key: string, now: number, into: number[] = []): number[] {
    const ring = this.rings.get(key);
    if (!ring) return into;
    for (let i = 0; i < ring.size; i++) {
      if (now - ring.at[i]! <= this.windowMs) into.push(ring.value[i]!);
    }
    return into;
  }

  /** Drops the keys `keep` refuses (servers that left HAProxy's configuration). */
  retain(keep: (key: string) => boolean): void {
    for (const key of this.rings.keys()) if (!keep(key)) this.rings.delete(key);
  }
}
