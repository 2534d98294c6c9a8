import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer, loadConfig, type DeedServer, type ServerOptions } from '@deed/server';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestServer {
  url: string;
  server: DeedServer;
  dataDir: string;
  database: TestDatabase;
  close(): Promise<void>;
}

export function tempDir(prefix = 'deed-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The real server, in this process, on a random loopback port, with its own data and database. */
export async function startTestServer(options: ServerOptions = {}): Promise<TestServer> {
  const dataDir = tempDir();
  const database = await createTestDatabase();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DEED_DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
  });
  const server = await createServer(config, options);
  const url = await server.listen();
  return {
    url,
    server,
    dataDir,
    database,
    close: async () => {
      await server.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
