import type { ReplayGuard } from '@deed/exchange';
import type { Kysely } from 'kysely';
import type { ExchangeStorageTables } from './storage.tables.js';

interface Pending {
  client: string;
  requestId: string;
  expiresAt: number;
  resolve(fresh: boolean): void;
  reject(error: unknown): void;
}

/**
 * Replay protection in the provider's database: the primary key on (client, request_id) makes
 * the check atomic across every node of the member. Requests arriving together are checked in
 * one statement (`INSERT ... ON CONFLICT DO NOTHING RETURNING`: the ids not returned were seen
 * before). Expired ids are swept now and then.
 */
export class SqlReplayGuard implements ReplayGuard {
  #queue: Pending[] = [];
  #flushing: Promise<void> | undefined;
  #inserted = 0;

  constructor(
    private readonly db: Kysely<ExchangeStorageTables>,
    private readonly now: () => number = Date.now,
  ) {}

  remember(client: string, requestId: string, expiresAt: number): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ client, requestId, expiresAt, resolve, reject });
      this.#flushing ??= this.#flush();
    });
  }

  async #flush(): Promise<void> {
    // Let the calls of this turn of the event loop join the batch: one commit for all of them.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, 500);
        try {
          // The same id twice in one batch: only its first occurrence can be fresh.
          const first = new Map<string, Pending>();
          for (const p of batch) if (!first.has(`${p.client}\u0000${p.requestId}`)) first.set(`${p.client}\u0000${p.requestId}`, p);
          const rows = await this.db
            .insertInto('exchange_replay')
            .values([...first.values()].map((p) => ({ client: p.client, request_id: p.requestId, expires_at: p.expiresAt })))
            .onConflict((oc) => oc.columns(['client', 'request_id']).doNothing())
            .returning(['client', 'request_id'])
            .execute();
          const fresh = new Set(rows.map((r) => `${r.client}\u0000${r.request_id}`));
          for (const p of batch) {
            const key = `${p.client}\u0000${p.requestId}`;
            p.resolve(first.get(key) === p && fresh.has(key));
          }
          this.#inserted += rows.length;
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
        if (this.#inserted >= 1000) {
          this.#inserted = 0;
          // Keep one more window of margin for clock differences between nodes.
          await this.db
            .deleteFrom('exchange_replay')
            .where('expires_at', '<', Math.floor(this.now() / 1000) - 120)
            .execute();
        }
      }
    } finally {
      this.#flushing = undefined;
    }
  }
}
