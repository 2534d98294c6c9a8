import path from 'node:path';
import { Command } from 'commander';
import { createServer, loadConfig } from '@deed/server';

/** Shows loopback and wildcard addresses as localhost, which is what a person types. */
function openableUrl(url: string): string {
  return url.replace(/\/\/(127\.0\.0\.1|0\.0\.0\.0|\[::1?\])(:\d+)$/, '//localhost$2');
}

export function serveCommand(): Command {
  return new Command('serve').description('start the platform: API and web app in one process').action(async () => {
    const config = loadConfig();
    const server = await createServer(config);
    const url = openableUrl(await server.listen());
    const where =
      server.database.dialect === 'sqlite' ? `SQLite at ${server.database.location}` : `PostgreSQL at ${server.database.location}`;
    const demo = config.demo ? `\n  Demo mode: sign in as a synthetic citizen at ${url}/sign-in (set DEED_DEMO=off in production)` : '';
    console.log(
      `\nDeed is running. Open ${url}${demo}\n  Administration: ${url}/admin (token in ${path.join(config.dataDir, 'admin-token')})\n` +
        `  API docs: ${url}/api/docs\n  Data: ${where}\nPress Ctrl-C to stop.\n`,
    );
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: finishing requests in flight, then stopping.`);
      server.close().then(
        () => console.log('Deed stopped.'),
        (error: unknown) => {
          console.error('deed: error while stopping', error);
          process.exitCode = 1;
        },
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
}
