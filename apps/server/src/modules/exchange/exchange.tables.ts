import type { ExchangeStorageTables } from '../../exchange/storage.tables.js';

export interface ExchangeTables extends ExchangeStorageTables {
  /** Access rights on the exchange (X-Road's access rights, kept centrally and published signed). */
  exchange_rights: { client: string; provider: string; service: string; purposes: string };
}
