import type { ModuleMigrations } from '../../platform/db/migrations.js';

export const accessLogMigrations: ModuleMigrations = {
  '0001_access_log': {
    async up(db) {
      await db.schema
        .createTable('access_log_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .execute();
      await db
        .insertInto('access_log_head' as never)
        .values({ id: 1, size: 0 } as never)
        .execute();
      await db.schema
        .createTable('access_log_entries')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('citizen', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text')
        .addColumn('salt', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('access_log_entries_citizen').on('access_log_entries').columns(['citizen', 'seq']).execute();
      await db.schema
        .createTable('access_log_nodes')
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('idx', 'bigint', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('access_log_nodes_pk', ['level', 'idx'])
        .execute();
      await db.schema
        .createTable('access_log_checkpoints')
        .addColumn('size', 'bigint', (c) => c.primaryKey())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('kid', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
