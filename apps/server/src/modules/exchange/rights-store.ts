import { AccessRights, type Grant } from '@deed/exchange';
import type { Kysely } from 'kysely';
import type { ExchangeTables } from './exchange.tables.js';

/** How long another node may act on rights an administrator has just changed. */
const TTL_MS = 2000;

/**
 * The exchange's access rights, kept in the platform's database. Providers read them through
 * `current()`: cached briefly, and refreshed at once on this node when they change here.
 */
export class RightsStore {
  #cached: { at: number; rights: Promise<AccessRights> } | undefined;

  constructor(private readonly db: Kysely<ExchangeTables>) {}

  async list(): Promise<(Grant & { purposes: string[] })[]> {
    const rows = await this.db.selectFrom('exchange_rights').selectAll().orderBy('provider').orderBy('service').orderBy('client').execute();
    return rows.map((row) => ({
      client: row.client,
      provider: row.provider,
      service: row.service,
      purposes: JSON.parse(row.purposes) as string[],
    }));
  }

  readonly current = (): Promise<AccessRights> => {
    const now = Date.now();
    if (!this.#cached || now - this.#cached.at > TTL_MS)
      this.#cached = { at: now, rights: this.list().then((grants) => new AccessRights(grants)) };
    return this.#cached.rights;
  };

  /** Sets the purposes a client may give for a service (replacing what it had). */
  async grant(grant: Grant): Promise<void> {
    new AccessRights([grant]); // validates member ids, service name and purposes
    await this.db
      .insertInto('exchange_rights')
      .values({
        client: grant.client,
        provider: grant.provider,
        service: grant.service,
        purposes: JSON.stringify([...new Set(grant.purposes)]),
      })
      .onConflict((oc) =>
        oc.columns(['client', 'provider', 'service']).doUpdateSet({ purposes: JSON.stringify([...new Set(grant.purposes)]) }),
      )
      .execute();
    this.#cached = undefined;
  }

  /** Removes a client's right to a service; returns whether there was one. */
  async revoke(client: string, provider: string, service: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('exchange_rights')
      .where('client', '=', client)
      .where('provider', '=', provider)
      .where('service', '=', service)
      .executeTakeFirst();
    this.#cached = undefined;
    return Number(result.numDeletedRows) > 0;
  }
}
