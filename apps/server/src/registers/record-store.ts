import type { Kysely, Migration } from 'kysely';
import type { Database } from '../platform/db/database.js';

/**
 * A register's storage: typed records (JSON documents of the register's own record types) and
 * the citizens each record is about, with their role in it (a birth record is about the child,
 * the mother and the father). Every register has these two tables in its own database.
 */
export interface RecordTables {
  records: { id: string; kind: string; ref: string | null; status: string; data: string };
  record_parties: { record_id: string; citizen: string; role: string };
}

export const recordStorageMigration: Migration = {
  async up(db) {
    await db.schema
      .createTable('records')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ref', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('records_kind_ref').on('records').columns(['kind', 'ref']).execute();
    await db.schema
      .createTable('record_parties')
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('citizen', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('record_parties_pk', ['record_id', 'citizen', 'role'])
      .execute();
    await db.schema.createIndex('record_parties_citizen').on('record_parties').columns(['citizen', 'record_id']).execute();
  },
};

export interface StoredRecord<T = unknown> {
  id: string;
  kind: string;
  /** The record's number or key for lookups (a document number, a plate), if it has one. */
  ref: string | null;
  status: string;
  data: T;
  parties: { citizen: string; role: string }[];
}

export interface FoundRecord<T = unknown> {
  id: string;
  kind: string;
  status: string;
  role: string;
  data: T;
}

/** Reads and writes a register's records; registers build their typed services on it. */
export class RecordStore {
  readonly db: Kysely<RecordTables>;

  constructor(private readonly database: Database) {
    this.db = database.as<RecordTables>();
  }

  /**
   * Bulk load (seeding): the driver's fastest path where it has one. Only while nothing else
   * writes to this register.
   */
  async load(records: readonly StoredRecord[]): Promise<void> {
    const bulkInsert = this.database.bulkInsert;
    if (!bulkInsert) return this.insert(records);
    bulkInsert(
      'records',
      ['id', 'kind', 'ref', 'status', 'data'],
      records.map((r) => [r.id, r.kind, r.ref, r.status, JSON.stringify(r.data)]),
    );
    bulkInsert(
      'record_parties',
      ['record_id', 'citizen', 'role'],
      records.flatMap((r) => r.parties.map((p) => [r.id, p.citizen, p.role])),
    );
  }

  async insert(records: readonly StoredRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      const rows = records.map((r) => ({ id: r.id, kind: r.kind, ref: r.ref, status: r.status, data: JSON.stringify(r.data) }));
      for (let i = 0; i < rows.length; i += 400)
        await trx
          .insertInto('records')
          .values(rows.slice(i, i + 400))
          .execute();
      const parties = records.flatMap((r) => r.parties.map((p) => ({ record_id: r.id, citizen: p.citizen, role: p.role })));
      for (let i = 0; i < parties.length; i += 800)
        await trx
          .insertInto('record_parties')
          .values(parties.slice(i, i + 800))
          .execute();
    });
  }

  /** The records of the given kinds that a citizen is a party to. */
  async about<T>(citizen: string, kinds: readonly string[]): Promise<FoundRecord<T>[]> {
    const rows = await this.db
      .selectFrom('record_parties')
      .innerJoin('records', 'records.id', 'record_parties.record_id')
      .select(['records.id', 'records.kind', 'records.status', 'records.data', 'record_parties.role'])
      .where('record_parties.citizen', '=', citizen)
      .where('records.kind', 'in', kinds)
      .orderBy('records.id')
      .execute();
    return rows.map((row) => ({ id: row.id, kind: row.kind, status: row.status, role: row.role, data: JSON.parse(row.data) as T }));
  }

  async byRef<T>(kind: string, ref: string): Promise<Omit<StoredRecord<T>, 'parties'> | undefined> {
    const row = await this.db.selectFrom('records').selectAll().where('kind', '=', kind).where('ref', '=', ref).executeTakeFirst();
    return row && { id: row.id, kind: row.kind, ref: row.ref, status: row.status, data: JSON.parse(row.data) as T };
  }

  /** Whether a citizen is a party to a record. */
  async isParty(recordId: string, citizen: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('record_parties')
      .select('role')
      .where('record_id', '=', recordId)
      .where('citizen', '=', citizen)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Replaces a record's data and status (a register's write, e.g. a new address). */
  async update(id: string, status: string, data: unknown): Promise<void> {
    await this.db
      .updateTable('records')
      .set({ status, data: JSON.stringify(data) })
      .where('id', '=', id)
      .execute();
  }

  async page<T>(kind: string, limit: number, offset: number): Promise<{ id: string; data: T }[]> {
    const rows = await this.db
      .selectFrom('records')
      .select(['id', 'data'])
      .where('kind', '=', kind)
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map((row) => ({ id: row.id, data: JSON.parse(row.data) as T }));
  }

  async count(kind?: string): Promise<number> {
    let query = this.db.selectFrom('records').select((eb) => eb.fn.countAll<number | string>().as('n'));
    if (kind) query = query.where('kind', '=', kind);
    return Number((await query.executeTakeFirstOrThrow()).n);
  }
}
