import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';
import type { App, Module } from './module.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrations.js';
import { buildApp } from './platform/http/app.js';
import { KeyStore } from './platform/keys/key-store.js';
import { platformKeyPurposes } from './platform/keys/purposes.js';
import { platformModules } from './modules/index.js';

export const version: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** The built web app, next to this package in the monorepo. */
export const defaultWebRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface ServerOptions {
  modules?: readonly Module[];
  webRoot?: string | undefined;
  bodyLimit?: number;
  /** How long close() waits for requests in flight before cutting connections. */
  shutdownGraceMs?: number;
}

export interface DeedServer {
  app: App;
  database: Database;
  keys: KeyStore;
  /** Starts listening on the configured host and port; resolves to the base URL. */
  listen(): Promise<string>;
  /** Stops accepting, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

/** Opens storage, applies migrations, makes missing keys, and composes the modules into one app. */
export async function createServer(config: Config, options: ServerOptions = {}): Promise<DeedServer> {
  const modules = options.modules ?? platformModules;
  const database = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    await migrate(database, modules);
    const keys = new KeyStore(config.dataDir, platformKeyPurposes);
    keys.ensureKeys();
    const app = await buildApp({
      context: { config, database, keys },
      modules,
      webRoot: options.webRoot === undefined && !('webRoot' in options) ? defaultWebRoot : options.webRoot,
      version,
      ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    });
    let closing: Promise<void> | undefined;
    return {
      app,
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
          await database.close();
        })()),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
