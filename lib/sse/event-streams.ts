/** Every open Server-Sent Events stream of the process, so shutdown can end them (they hold the server open). */
export class EventStreams {
  private readonly open = new Set<() => void>();

  get count(): number {
    return this.open.size;
  }

  add(stop: () => void): () => void {
    this.open.add(stop);
    return () => {
      this.open.delete(stop);
    };
  }

  closeAll(): void {
    for (const stop of [...this.open]) stop();
  }
}
