import type { ServiceDefinition, ServiceImplementation } from '@deed/exchange';
import type { Household } from '@deed/population';
import type { ModuleMigrations } from '../platform/db/migrations.js';
import type { RecordStore, StoredRecord } from './record-store.js';

/**
 * A national register: a separate member of the exchange with its own database, its own
 * signing key and its own typed services. The platform never reads its tables; it asks.
 */
export interface RegisterDefinition {
  /** Member id on the exchange. */
  id: string;
  name: { en: string; uk: string };
  /** The services it offers (from the catalogue); `services` implements exactly these. */
  offers: readonly Pick<ServiceDefinition, 'name' | 'description' | 'citizen'>[];
  /** Migrations beyond the record storage and exchange storage every register has. */
  migrations?: ModuleMigrations;
  services(store: RecordStore): ServiceImplementation[];
  /** The records this register keeps about a synthetic household (demo data). */
  recordsOf(household: Household, unzrOf: (personId: string) => string): StoredRecord[];
}
