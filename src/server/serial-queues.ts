/** One serial queue per key (a match): a task starts after every earlier task of the same key has settled. */
export class SerialQueues {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, fn: () => Promise<T> | T): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  /** Resolves when every queued task of every key has run. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.allSettled([...this.tails.values()]);
  }
}

/**
 * Heavy tasks one at a time, each started on a later turn of the event loop than the last one ended,
 * so a burst of them (a lobby flood's accepted creates) cannot hold up the socket messages between them.
 */
export class LoopTurns {
  private readonly queue = new SerialQueues();

  run<T>(fn: () => Promise<T> | T): Promise<T> {
    return this.queue.run('turn', async () => {
      // An immediate queued while immediates run waits for the next loop turn, after its poll for I/O.
      await new Promise<void>((resolve) => setImmediate(resolve));
      return fn();
    });
  }
}
