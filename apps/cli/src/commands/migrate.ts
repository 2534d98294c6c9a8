import { Command } from 'commander';
import { loadConfig, migrateDatabase } from '@deed/server';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('apply pending database migrations and exit (the server also does this at start)')
    .action(async () => {
      const applied = await migrateDatabase(loadConfig());
      console.log(
        applied.length
          ? `Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m}`).join('\n')}`
          : 'The database is up to date.',
      );
    });
}
