import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.js';
import type { Household, PopulationSummary } from '@deed/population';
import { withFileLock } from '../platform/file-lock.js';
import type { RecordStore, StoredRecord } from './record-store.js';
import { registers } from './index.js';

export interface SeedOptions {
  citizens: number;
  seed?: string;
  /** The day the data is as of, YYYY-MM-DD; default today (UTC). */
  today?: string;
}

/** Households of one family come one after another; its records can refer to any of them. */
function* families(households: Iterator<Household, PopulationSummary>): Generator<Household[], PopulationSummary> {
  let family: Household[] = [];
  for (;;) {
    const next = households.next();
    if (next.done) {
      if (family.length) yield family;
      return next.value;
    }
    if (family.length && family[0]!.familyId !== next.value.familyId) {
      yield family;
      family = [];
    }
    family.push(next.value);
  }
}

/**
 * Fills every register with a synthetic population (demo data only): the same seed gives the
 * same people. Each register's previous records are replaced; its message log is kept.
 */
export async function seedRegisters(stores: ReadonlyMap<string, RecordStore>, options: SeedOptions): Promise<PopulationSummary> {
  for (const store of stores.values()) {
    await store.db.deleteFrom('record_parties').execute();
    await store.db.deleteFrom('records').execute();
  }
  // Loaded only when seeding: a running server does not carry the generator's tables.
  const { generatePopulation } = await import('@deed/population');
  const generator = generatePopulation({
    seed: options.seed ?? 'deed-demo',
    citizens: options.citizens,
    today: options.today ?? new Date().toISOString().slice(0, 10),
  });
  const pending = new Map<string, StoredRecord[]>(registers.map((r) => [r.id, []]));
  const flush = async (force: boolean) => {
    for (const [id, records] of pending) {
      if (records.length >= 2000 || (force && records.length)) {
        await stores.get(id)!.load(records);
        pending.set(id, []);
      }
    }
  };
  const iterator = families(generator);
  for (;;) {
    const next = iterator.next();
    if (next.done) {
      await flush(true);
      return next.value;
    }
    const unzr = new Map(next.value.flatMap((h) => h.records.population.persons.map((p) => [p.id, p.unzr])));
    const unzrOf = (personId: string) => {
      const found = unzr.get(personId);
      if (!found) throw new Error(`person ${personId} is referred to outside their family`);
      return found;
    };
    for (const household of next.value) {
      for (const register of registers) pending.get(register.id)!.push(...register.recordsOf(household, unzrOf));
    }
    await flush(false);
  }
}

/** Runs seedRegisters in a worker thread (see seed-worker.ts) for the given registers. */
export function seedInWorker(config: Config, registerIds: readonly string[], options: SeedOptions): Promise<PopulationSummary> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./seed-worker.js', import.meta.url), { workerData: { config, registerIds, options } });
    let summary: PopulationSummary | undefined;
    worker.once('message', (message: PopulationSummary) => (summary = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (summary && code === 0 ? resolve(summary) : reject(new Error(`seeding stopped with exit code ${code}`))));
  });
}

/**
 * Seeds the demo population unless the registers already hold one. Processes that start
 * together (several nodes on one database) take turns through a lock file in the shared data
 * directory, so only the first seeds.
 */
export async function seedDemoOnce(
  config: Config,
  registerIds: readonly string[],
  isEmpty: () => Promise<boolean>,
  options: SeedOptions,
): Promise<void> {
  await withFileLock(path.join(config.dataDir, 'registers', '.seeding.lock'), async () => {
    if (await isEmpty()) await seedInWorker(config, registerIds, options);
  });
}
