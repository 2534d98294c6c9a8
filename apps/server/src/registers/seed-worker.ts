/**
 * Seeds registers in a worker thread: the generator's working memory lives and dies with the
 * worker, so a server that seeds its demo population on first start does not keep it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config.js';
import { registers } from './index.js';
import { RecordStore } from './record-store.js';
import { RegisterHost } from './register-host.js';
import { seedRegisters, type SeedOptions } from './seed.js';

const { config, registerIds, options } = workerData as { config: Config; registerIds: string[]; options: SeedOptions };
const definitions = registers.filter((r) => registerIds.includes(r.id));
const databases = await Promise.all(definitions.map((r) => RegisterHost.openStorage(r, config)));
try {
  const stores = new Map(definitions.map((r, i) => [r.id, new RecordStore(databases[i]!)]));
  parentPort!.postMessage(await seedRegisters(stores, options));
} finally {
  await Promise.all(databases.map((d) => d.close()));
}
