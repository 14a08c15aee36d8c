/**
 * A JSON answer read again at a fixed pace while started, in the overview's worker: every page's banners (health)
 * and the overview's pool matrix read here, so that neither a timer, nor a response, nor its parsing costs the
 * page's thread anything. `onAnswer` hears each answer; a failed read is tried again at the next turn, and the
 * reader keeps what it had meanwhile.
 */
export class PolledFeed<T> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Each start begins a loop of its own: a read still in flight from before a stop ends that old loop. */
  private loop = 0;
  private running = false;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly everyMs: number,
    private readonly onAnswer: (answer: T) => void,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.turn(++this.loop);
  }

  stop(): void {
    this.running = false;
    this.loop++;
    clearTimeout(this.timer);
  }

  private async turn(loop: number): Promise<void> {
    try {
      const answer = await this.read();
      if (loop === this.loop) this.onAnswer(answer);
    } catch {
      // Kept: what the reader had. The page says why elsewhere (health, or the snapshot's own error).
    } finally {
      if (loop === this.loop) this.timer = setTimeout(() => void this.turn(loop), this.everyMs);
    }
  }
}

/**
 * `post` for a value only when it differs from the last one posted (compared as JSON): an answer that carries the
 * same thing as the last one crosses to the page not at all.
 */
export function changesOnly<T>(post: (value: T) => void): (value: T) => void {
  let last: string | null = null;
  return (value) => {
    const key = JSON.stringify(value);
    if (key === last) return;
    last = key;
    post(value);
  };
}
