import type { ReplayGuard } from '@deed/exchange';
import type { Kysely } from 'kysely';
import { Batcher } from '../platform/batcher.js';
import type { ExchangeStorageTables } from './storage.tables.js';

interface Seen {
  client: string;
  requestId: string;
  expiresAt: number;
}

const keyOf = (client: string, requestId: string) => `${client}\u0000${requestId}`;

/**
 * Replay protection in the provider's database: the primary key on (client, request_id) makes
 * the check atomic across every node of the member. Requests arriving together are checked in
 * one statement (`INSERT ... ON CONFLICT DO NOTHING RETURNING`: the ids not returned were seen
 * before). Expired ids are swept now and then.
 */
export class SqlReplayGuard implements ReplayGuard {
  #inserted = 0;
  readonly #batches = new Batcher<Seen, boolean>((items) => this.#remember(items), 500);

  constructor(
    private readonly db: Kysely<ExchangeStorageTables>,
    private readonly now: () => number = Date.now,
  ) {}

  remember(client: string, requestId: string, expiresAt: number): Promise<boolean> {
    return this.#batches.submit({ client, requestId, expiresAt });
  }

  async #remember(items: Seen[]): Promise<boolean[]> {
    // The same id twice in one batch: only its first occurrence can be fresh.
    const first = new Map<string, Seen>();
    for (const item of items) if (!first.has(keyOf(item.client, item.requestId))) first.set(keyOf(item.client, item.requestId), item);
    const rows = await this.db
      .insertInto('exchange_replay')
      .values([...first.values()].map((s) => ({ client: s.client, request_id: s.requestId, expires_at: s.expiresAt })))
      .onConflict((oc) => oc.columns(['client', 'request_id']).doNothing())
      .returning(['client', 'request_id'])
      .execute();
    const fresh = new Set(rows.map((r) => keyOf(r.client, r.request_id)));
    this.#inserted += rows.length;
    if (this.#inserted >= 1000) {
      this.#inserted = 0;
      // Keep one more window of margin for clock differences between nodes.
      await this.db
        .deleteFrom('exchange_replay')
        .where('expires_at', '<', Math.floor(this.now() / 1000) - 120)
        .execute();
    }
    return items.map((item) => {
      const key = keyOf(item.client, item.requestId);
      return first.get(key) === item && fresh.has(key);
    });
  }
}
