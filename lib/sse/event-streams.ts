/**
 * Every open Server-Sent Events stream of the process: shutdown ends them all (they hold the server open), and one
 * client address holds at most `maxPerClient` of them, so one client cannot take the server's memory and sockets.
 */
export class EventStreams {
  /** One entry per stream (a stream's stop may be any function, shared or not). */
  private readonly open = new Set<{ stop: () => void }>();
  private readonly perClient = new Map<string, number>();
  /** Since start: streams refused to a client at its cap; streams dropped because their client stopped reading. */
  readonly totals = { refused: 0, dropped: 0 };

  constructor(readonly maxPerClient: number) {}

  get count(): number {
    return this.open.size;
  }

  countOf(client: string): number {
    return this.perClient.get(client) ?? 0;
  }

  /**
   * Registers a stream of `client` (null: an address nobody stamped, not capped); null when that client already
   * holds `maxPerClient`. The function returned forgets the stream, once however often it is called.
   */
  add(client: string | null, stop: () => void): (() => void) | null {
    if (client !== null) {
      const held = this.countOf(client);
      if (held >= this.maxPerClient) {
        this.totals.refused += 1;
        return null;
      }
      this.perClient.set(client, held + 1);
    }
    const entry = { stop };
    this.open.add(entry);
    return () => {
      if (!this.open.delete(entry) || client === null) return;
      const left = this.countOf(client) - 1;
      if (left > 0) this.perClient.set(client, left);
      else this.perClient.delete(client);
    };
  }

  noteDropped(): void {
    this.totals.dropped += 1;
  }

  closeAll(): void {
    for (const { stop } of [...this.open]) stop();
  }
}
