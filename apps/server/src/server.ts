import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';
import type { App, Module, PlatformContext } from './module.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrations.js';
import { buildApp } from './platform/http/app.js';
import { KeyStore } from './platform/keys/key-store.js';
import { platformKeyPurposes } from './platform/keys/purposes.js';
import { createPlatformModules } from './modules/index.js';
import { createMetricsRegistry } from './platform/http/metrics.js';
import { AdminAuth } from './platform/http/admin-auth.js';

export const version: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** The built web app, next to this package in the monorepo. */
export const defaultWebRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface ServerOptions {
  /** The modules to run; the platform's own by default. */
  modules?: (context: PlatformContext) => readonly Module[];
  webRoot?: string | undefined;
  bodyLimit?: number;
  /** How long close() waits for requests in flight before cutting connections. */
  shutdownGraceMs?: number;
}

export interface DeedServer {
  app: App;
  /** A module by name, for the command line and tests (modules talk to each other through their own interfaces). */
  module<T extends Module>(name: string): T;
  database: Database;
  keys: KeyStore;
  /** Starts listening on the configured host and port; resolves to the base URL. */
  listen(): Promise<string>;
  /** Stops accepting, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

/** Applies every module's pending migrations, then closes the database: `deed migrate`. */
export async function migrateDatabase(config: Config, options: Pick<ServerOptions, 'modules'> = {}): Promise<string[]> {
  const database = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    const context: PlatformContext = {
      config,
      database,
      keys: new KeyStore(config.dataDir, platformKeyPurposes),
      metrics: createMetricsRegistry(),
      admin: new AdminAuth(config.dataDir),
    };
    return await migrate(database, (options.modules ?? createPlatformModules)(context));
  } finally {
    await database.close();
  }
}

/** Opens storage, applies migrations, makes missing keys, and composes the modules into one app. */
export async function createServer(config: Config, options: ServerOptions = {}): Promise<DeedServer> {
  const database = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const started: Module[] = [];
  try {
    const keys = new KeyStore(config.dataDir, platformKeyPurposes);
    keys.ensureKeys();
    const context: PlatformContext = { config, database, keys, metrics: createMetricsRegistry(), admin: new AdminAuth(config.dataDir) };
    context.admin.token();
    const modules = (options.modules ?? createPlatformModules)(context);
    await migrate(database, modules);
    for (const module of modules) {
      await module.start?.();
      started.push(module);
    }
    const app = await buildApp({
      context,
      modules,
      webRoot: options.webRoot === undefined && !('webRoot' in options) ? defaultWebRoot : options.webRoot,
      version,
      ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    });
    let closing: Promise<void> | undefined;
    return {
      app,
      module: <T extends Module>(name: string) => {
        const found = modules.find((m) => m.name === name);
        if (!found) throw new Error(`no module "${name}"`);
        return found as T;
      },
      database,
      keys,
      listen: async () => {
        await app.listen({ port: config.port, host: config.host });
        const address = app.server.address();
        const port = typeof address === 'object' && address ? address.port : config.port;
        const host = config.host.includes(':') ? `[${config.host}]` : config.host;
        return `http://${host}:${port}`;
      },
      close: () =>
        (closing ??= (async () => {
          // A client that stops reading must not hold the process forever.
          const grace = setTimeout(() => app.server.closeAllConnections(), options.shutdownGraceMs ?? 10_000);
          try {
            await app.close();
          } finally {
            clearTimeout(grace);
          }
          await stopModules(started);
          await database.close();
        })()),
    };
  } catch (error) {
    await stopModules(started);
    await database.close();
    throw error;
  }
}

async function stopModules(modules: readonly Module[]): Promise<void> {
  for (const module of [...modules].reverse()) await module.stop?.();
}
