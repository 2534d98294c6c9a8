import type { ModuleMigrations } from '../../platform/db/migrations.js';

export const sessionsMigrations: ModuleMigrations = {
  '0001_sessions': {
    async up(db) {
      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('citizen', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('sessions_citizen').on('sessions').column('citizen').execute();
    },
  },
};
