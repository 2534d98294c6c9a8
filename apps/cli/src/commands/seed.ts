import { Command } from 'commander';
import { loadConfig, RecordStore, RegisterHost, registers, seedRegisters } from '@deed/server';
import { CommandError, wholeNumber } from '../platform.js';

export function seedCommand(): Command {
  return new Command('seed')
    .description("fill every register with a synthetic population (demo data; replaces the registers' records)")
    .requiredOption('--citizens <n>', 'how many persons', wholeNumber('--citizens', 1, 10_000_000))
    .option('--seed <text>', 'the same seed gives the same people', 'deed-demo')
    .option('--today <date>', 'the day the data is as of (YYYY-MM-DD)', new Date().toISOString().slice(0, 10))
    .action(async (options: { citizens: number; seed: string; today: string }) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today)) throw new CommandError(`--today must be a date YYYY-MM-DD (got "${options.today}")`);
      const config = loadConfig();
      const started = performance.now();
      const databases = await Promise.all(registers.map((r) => RegisterHost.openStorage(r, config)));
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
      try {
        const stores = new Map(registers.map((r, i) => [r.id, new RecordStore(databases[i]!)]));
        const summary = await seedRegisters(stores, options);
        const seconds = (performance.now() - started) / 1000;
        console.log(
          `Seeded ${summary.persons} persons (${summary.living} living, ${summary.deceased} deceased) in ${summary.households} households: ` +
            `${summary.records} records in ${registers.length} registers, in ${seconds.toFixed(1)} s (peak memory ${Math.round(peak / 2 ** 20)} MiB).`,
        );
      } finally {
        clearInterval(sampler);
        await Promise.all(databases.map((d) => d.close()));
      }
    });
}
