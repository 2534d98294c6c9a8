import { Provider, type Directory, type RightsSource } from '@deed/exchange';
import type { Config } from '../config.js';
import { memberKeyStore, signingKeyOf } from '../exchange/members.js';
import { SqlMessageLog } from '../exchange/sql-message-log.js';
import { SqlReplayGuard } from '../exchange/sql-replay-guard.js';
import { exchangeStorageMigration } from '../exchange/storage.migrations.js';
import type { ExchangeStorageTables } from '../exchange/storage.tables.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrations.js';
import { RecordStore, recordStorageMigration } from './record-store.js';
import type { RegisterDefinition } from './register.js';

export interface RegisterHostOptions {
  config: Config;
  directory: Directory;
  rights: RightsSource;
  /** Told of a service failure the client only sees as 'internal' (no personal data in it). */
  onInternalError?: (error: unknown) => void;
}

/**
 * One register at work: its own database (its own SQLite file, or its own PostgreSQL schema),
 * its own signing key, and a Provider that answers the exchange. The same host runs inside the
 * platform's process or alone (`deed register NAME`).
 */
export class RegisterHost {
  private constructor(
    readonly definition: RegisterDefinition,
    readonly database: Database,
    readonly store: RecordStore,
    readonly messageLog: SqlMessageLog,
    readonly provider: Provider,
  ) {}

  /** Opens and migrates the register's own database (also for seeding, without a provider). */
  static async openStorage(definition: RegisterDefinition, config: Config): Promise<Database> {
    const database = openDatabase({
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
      sqliteFile: `registers/${definition.id}.sqlite`,
      schema: `register_${definition.id.replaceAll('-', '_')}`,
    });
    try {
      await migrate(database, [
        { name: 'exchange', migrations: { '0001_storage': exchangeStorageMigration } },
        { name: 'records', migrations: { '0001_storage': recordStorageMigration } },
        { name: definition.id, ...(definition.migrations ? { migrations: definition.migrations } : {}) },
      ]);
      return database;
    } catch (error) {
      await database.close();
      throw error;
    }
  }

  static async open(definition: RegisterDefinition, options: RegisterHostOptions): Promise<RegisterHost> {
    const database = await RegisterHost.openStorage(definition, options.config);
    const store = new RecordStore(database);
    const storage = database.as<ExchangeStorageTables>();
    const messageLog = new SqlMessageLog(storage);
    const provider = new Provider({
      signingKey: signingKeyOf(definition.id, memberKeyStore(options.config.dataDir, definition.id)),
      resolveKey: options.directory.resolveKey,
      rights: options.rights,
      replayGuard: new SqlReplayGuard(storage),
      log: messageLog,
      services: definition.services(store),
      ...(options.onInternalError ? { onInternalError: options.onInternalError } : {}),
    });
    return new RegisterHost(definition, database, store, messageLog, provider);
  }

  async close(): Promise<void> {
    await this.messageLog.drain();
    await this.database.close();
  }
}
