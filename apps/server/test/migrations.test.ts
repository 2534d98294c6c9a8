import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MigrationError, migrate, openDatabase, type Database, type Module } from '@deed/server';
import { createTestDatabase, type TestDatabase } from '../../../testing/database.js';
import { tempDir } from '../../../testing/server.js';

interface NotesTables {
  notes: { id: number; text: string };
}

/** A module as a test fixture: the migration mechanism is what is under test. */
const notesModule: Module = {
  name: 'notes',
  migrations: {
    '0001_create_notes': {
      up: (db) =>
        db.schema
          .createTable('notes')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('text', 'text', (c) => c.notNull())
          .execute(),
    },
  },
};

let database: Database | undefined;
let testDb: TestDatabase | undefined;

async function open(): Promise<Database> {
  testDb = await createTestDatabase();
  database = openDatabase({ dataDir: tempDir(), databaseUrl: testDb.url });
  return database;
}

afterEach(async () => {
  await database?.close();
  await testDb?.drop();
});

describe('migrations, one set for SQLite and PostgreSQL', () => {
  it("applies each module's migrations once, named module/migration", async () => {
    const db = await open();
    expect(await migrate(db, [notesModule])).toEqual(['notes/0001_create_notes']);
    expect(await migrate(db, [notesModule])).toEqual([]);
    const notes: Kysely<NotesTables> = db.as<NotesTables>();
    await notes.insertInto('notes').values({ id: 1, text: 'kept' }).execute();
    expect(await notes.selectFrom('notes').select('text').execute()).toEqual([{ text: 'kept' }]);
  });

  it("adds a later module's migrations without touching applied ones", async () => {
    const db = await open();
    await migrate(db, [notesModule]);
    const tagsModule: Module = {
      name: 'a-tags',
      migrations: { '0001_create_tags': { up: (k) => k.schema.createTable('tags').addColumn('name', 'text').execute() } },
    };
    expect(await migrate(db, [notesModule, tagsModule])).toEqual(['a-tags/0001_create_tags']);
  });

  it('reports which migration failed and why', async () => {
    const db = await open();
    const broken: Module = {
      name: 'broken',
      migrations: { '0001_bad': { up: async (k) => void (await sql`create tabel nope ()`.execute(k)) } },
    };
    await expect(migrate(db, [broken])).rejects.toThrow(MigrationError);
    await expect(migrate(db, [broken])).rejects.toThrow(/broken\/0001_bad failed/);
  });
});
