import { GENESIS_HASH } from '@deed/exchange';
import type { Migration } from 'kysely';

/** The exchange storage of one member; every member's database runs it. */
export const exchangeStorageMigration: Migration = {
  async up(db) {
    await db.schema
      .createTable('exchange_message_log')
      .addColumn('seq', 'bigint', (c) => c.primaryKey())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('request_jws', 'text', (c) => c.notNull())
      .addColumn('response_jws', 'text')
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('client', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('service', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('exchange_message_log_case').on('exchange_message_log').column('case_id').execute();
    await db.schema
      .createTable('exchange_message_log_head')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db
      .insertInto('exchange_message_log_head' as never)
      .values({ id: 1, seq: 0, hash: GENESIS_HASH } as never)
      .execute();
    await db.schema
      .createTable('exchange_replay')
      .addColumn('client', 'text', (c) => c.notNull())
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('exchange_replay_pk', ['client', 'request_id'])
      .execute();
  },
};
