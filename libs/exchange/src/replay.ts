/**
 * Replay protection: a provider accepts each (client, requestId) once. Together with the time
 * window of openRequest this means a request id need only be remembered until its `iat` leaves
 * the window (docs/exchange.md, "Replay").
 */

export interface ReplayGuard {
  /**
   * Records (client, requestId) and returns true, or returns false if it was recorded before.
   * Must be atomic across every node of the provider: a unique index on (client, request_id)
   * and an INSERT that reports a conflict is the intended implementation.
   * `expiresAt` (unix seconds) is when the request leaves the time window; the record may be
   * deleted after it (keep a margin for clock differences between nodes, e.g. one more window).
   */
  remember(client: string, requestId: string, expiresAt: number): boolean | Promise<boolean>;
}

/**
 * A ReplayGuard in this process's memory, pruned as it grows. Right for one process (the
 * in-process registers of a single node, tests); several nodes of one provider need a shared
 * store instead, or a request could be replayed to another node.
 */
export class MemoryReplayGuard implements ReplayGuard {
  private readonly seen = new Map<string, number>();
  private nextSweep = 1024;

  constructor(private readonly now: () => number = Date.now) {}

  get size(): number {
    return this.seen.size;
  }

  remember(client: string, requestId: string, expiresAt: number): boolean {
    const key = `${client} ${requestId}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, expiresAt);
    if (this.seen.size >= this.nextSweep) this.sweep();
    return true;
  }

  /** Forgets the requests whose window has passed. Amortized: runs when the map doubles. */
  sweep(): void {
    const nowSeconds = Math.floor(this.now() / 1000);
    for (const [key, expiresAt] of this.seen) if (expiresAt < nowSeconds) this.seen.delete(key);
    this.nextSweep = Math.max(1024, this.seen.size * 2);
  }
}
