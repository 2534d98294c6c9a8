import { exchangeStorageMigration } from '../../exchange/storage.migrations.js';
import type { ModuleMigrations } from '../../platform/db/migrations.js';
import { defaultGrants } from './default-rights.js';

export const exchangeMigrations: ModuleMigrations = {
  '0001_storage': exchangeStorageMigration,
  '0002_rights': {
    async up(db) {
      await db.schema
        .createTable('exchange_rights')
        .addColumn('client', 'text', (c) => c.notNull())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('service', 'text', (c) => c.notNull())
        .addColumn('purposes', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('exchange_rights_pk', ['client', 'provider', 'service'])
        .execute();
      await db
        .insertInto('exchange_rights' as never)
        .values(
          defaultGrants.map((g) => ({
            client: g.client,
            provider: g.provider,
            service: g.service,
            purposes: JSON.stringify(g.purposes),
          })) as never,
        )
        .execute();
    },
  },
};
