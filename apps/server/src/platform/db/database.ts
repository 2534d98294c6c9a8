import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The platform's database handle. Modules receive it and type it with their own tables
 * (`database.as<MyTables>()`); they never name another module's tables.
 */
export interface Database {
  readonly dialect: Dialect;
  /** Where the data lives, without credentials, for logs and /health. */
  readonly location: string;
  /** The PostgreSQL schema its tables live in, when not the default. */
  readonly schema?: string;
  as<Tables>(): Kysely<Tables>;
  /** Cheap round trip used by /health. */
  ping(): Promise<void>;
  /**
   * SQLite only: inserts rows in one transaction straight through the driver, many times faster
   * than building the statements. For bulk loads (seeding) while nothing else writes.
   */
  readonly bulkInsert?: (table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]) => void;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  dataDir: string;
  databaseUrl: string | undefined;
  /** SQLite file name inside dataDir; registers get their own files. */
  sqliteFile?: string;
  /** PostgreSQL schema for this database's tables (registers get their own); created if missing. */
  schema?: string;
}

export function openDatabase(options: DatabaseOptions): Database {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.schema)
    : openSqlite(path.join(options.dataDir, options.sqliteFile ?? 'deed.sqlite'));
}

/** `ping` goes straight to the driver: /health is called often and needs no query builder. */
function wrap(
  dialect: Dialect,
  location: string,
  db: Kysely<unknown>,
  ping: () => Promise<unknown>,
  extra: Pick<Database, 'schema' | 'bulkInsert'> = {},
): Database {
  let closed: Promise<void> | undefined;
  return {
    dialect,
    location,
    ...extra,
    as: <Tables>() => db as unknown as Kysely<Tables>,
    ping: async () => {
      await ping();
    },
    close: () => (closed ??= db.destroy()),
  };
}

function openSqlite(file: string): Database {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const connection = new SQLite(file);
  // WAL lets readers proceed while one writer commits; NORMAL sync is durable in WAL mode
  // except for the last transactions on power loss, the usual trade for an embedded server.
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  fs.chmodSync(file, 0o600);
  const select1 = connection.prepare('select 1');
  const bulkInsert = (table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]) => {
    const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
    const statement = connection.prepare(
      `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
    );
    connection.transaction(() => {
      for (const row of rows) statement.run(...row);
    })();
  };
  return wrap(
    'sqlite',
    file,
    new Kysely({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) }),
    async () => select1.get(),
    { bulkInsert },
  );
}

/**
 * Kysely prepares every query anew, and preparing costs SQLite as much as running a small
 * query; the same SQL text reuses its statement instead (Kysely runs one query at a time on
 * this connection, so a statement is never in use twice).
 */
function withStatementCache(connection: SQLite.Database, size = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = connection.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
    close: () => connection.close(),
  } as SqliteDatabase;
}

function openPostgres(url: string, schema: string | undefined): Database {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  // BIGINT (int8) columns come back as numbers: sequence numbers and sizes stay far below 2^53.
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? Number : pg.types.getTypeParser(oid, format as 'text')),
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: types as pg.CustomTypesConfig,
    // Each connection creates its schema if needed and makes it the only one it sees.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  if (schema) pool.on('connect', (client) => void client.query(`create schema if not exists ${schema}`).catch(() => undefined));
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const parsed = new URL(url);
  const location = `postgres://${parsed.host}${parsed.pathname}${schema ? `#${schema}` : ''}`;
  return wrap('postgres', location, new Kysely({ dialect: new PostgresDialect({ pool }) }), () => pool.query('select 1'), {
    schema: schema ?? 'public',
  });
}
