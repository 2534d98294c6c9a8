import { Command } from 'commander';
import { ExchangeError, ServiceError } from '@deed/exchange';
import { ConfigError, MigrationError, UnknownKeyPurposeError, version } from '@deed/server';
import { CommandError } from './platform.js';
import { citizensCommand } from './commands/citizens.js';
import { exchangeCommand } from './commands/exchange.js';
import { keysCommand } from './commands/keys.js';
import { logCommand } from './commands/log.js';
import { registerCommand } from './commands/register.js';
import { seedCommand } from './commands/seed.js';
import { migrateCommand } from './commands/migrate.js';
import { serveCommand } from './commands/serve.js';

const program = new Command('deed')
  .description(
    "Deed: citizens' documents and public services on open standards.\nConfiguration comes from the environment: PORT, HOST, DEED_DATA_DIR, DATABASE_URL, LOG_LEVEL.",
  )
  .version(version)
  .showHelpAfterError()
  .addCommand(serveCommand())
  .addCommand(migrateCommand())
  .addCommand(keysCommand())
  .addCommand(seedCommand())
  .addCommand(registerCommand())
  .addCommand(exchangeCommand())
  .addCommand(logCommand())
  .addCommand(citizensCommand());

try {
  await program.parseAsync();
} catch (error) {
  // Expected failures get one clear line; anything else keeps its stack for a bug report.
  if (
    error instanceof ConfigError ||
    error instanceof UnknownKeyPurposeError ||
    error instanceof MigrationError ||
    error instanceof CommandError
  )
    console.error(`deed: ${error.message}`);
  else if (error instanceof ExchangeError || error instanceof ServiceError)
    console.error(`deed: ${error.title}: ${error.detail ?? error.code}`);
  else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE')
    console.error(`deed: ${error.message}: another program is using this port; set PORT to another one.`);
  else console.error(error);
  process.exitCode = 1;
}
