/**
 * The polls the store has not taken yet, oldest first, bounded by time span and by weight (server and backend
 * rows): when full the oldest go, and are counted, so history shows "no data" for them, never up or down. Pure.
 */
export interface BufferLimits {
  /** The newest poll minus the oldest kept, at most. */
  maxSpanMs: number;
  /** Rows held (a poll weighs its servers plus its backends, a failed poll 1), at most. */
  maxWeight: number;
}

export class PollBuffer<T extends { at: number }> {
  private items: { item: T; weight: number }[] = [];
  private weight = 0;
  /** Polls dropped since the buffer was last empty. */
  dropped = 0;

  constructor(
    private readonly limits: BufferLimits,
    private readonly weigh: (item: T) => number,
  ) {}

  get size(): number {
    return this.items.length;
  }

  /** The oldest poll not yet written. */
  peek(): T | undefined {
    return this.items[0]?.item;
  }

  /** Adds the newest poll; drops the oldest while over a limit (the newest is always kept). */
  push(item: T): void {
    const weight = Math.max(1, this.weigh(item));
    this.items.push({ item, weight });
    this.weight += weight;
    while (this.items.length > 1 && this.overLimit(item.at)) {
      this.weight -= this.items.shift()!.weight;
      this.dropped++;
    }
  }

  /** The oldest poll was written. */
  shift(): void {
    const first = this.items.shift();
    if (first) this.weight -= first.weight;
    if (this.items.length === 0) this.dropped = 0;
  }

  /** `item` was written (or given up): it goes, unless the buffer dropped it while it was being written. */
  written(item: T): void {
    if (this.items[0]?.item === item) this.shift();
  }

  private overLimit(newestAt: number): boolean {
    return newestAt - this.items[0]!.item.at > this.limits.maxSpanMs || this.weight > this.limits.maxWeight;
  }
}
