import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import { withFileLock } from '../file-lock.js';
import type { Database } from './database.js';

/** Migrations of one module, keyed by a name that sorts in the order they must run. */
export type ModuleMigrations = Record<string, Migration>;

export interface MigrationSource {
  name: string;
  migrations?: ModuleMigrations;
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(`Migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationError';
  }
}

/**
 * Applies every module's pending migrations, named `module/name`. Modules are independent, so
 * their migrations may interleave; within a module, names sort in the order they run.
 * Kysely takes a lock (an advisory lock on PostgreSQL), so nodes starting together are safe.
 */
export async function migrate(database: Database, modules: readonly MigrationSource[]): Promise<string[]> {
  const all: ModuleMigrations = {};
  for (const module of modules) {
    for (const [name, migration] of Object.entries(module.migrations ?? {})) all[`${module.name}/${name}`] = migration;
  }
  const migrator = new Migrator({
    db: database.as<unknown>(),
    provider: { getMigrations: async () => all },
    migrationTableName: 'deed_migrations',
    migrationLockTableName: 'deed_migrations_lock',
    // A register's schema has its own migration record (introspection would see other schemas' tables).
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
    allowUnorderedMigrations: true,
  });
  // Kysely locks migrations on PostgreSQL; for a SQLite file shared by processes, a lock file does.
  const result: MigrationResultSet =
    database.dialect === 'sqlite'
      ? await withFileLock(`${database.location}.migrating`, () => migrator.migrateToLatest())
      : await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(failed, result.error);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
