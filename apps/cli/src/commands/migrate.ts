import { Command } from 'commander';
import { loadConfig, migrate, openDatabase, platformModules } from '@deed/server';

export function migrateCommand(): Command {
  return new Command('migrate').description('apply pending database migrations and exit (the server also does this at start)').action(async () => {
    const config = loadConfig();
    const database = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    try {
      const applied = await migrate(database, platformModules);
      console.log(applied.length ? `Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m}`).join('\n')}` : 'The database is up to date.');
    } finally {
      await database.close();
    }
  });
}
