import { verifyEntries } from '@deed/access-log';
import { Command } from 'commander';
import { verifyEd25519, type AccessLogModule } from '@deed/server';
import { withPlatform } from '../platform.js';

export function logCommand(): Command {
  const log = new Command('log').description("the citizens' access log");
  log
    .command('verify')
    .description("verify a citizen's entries against the current signed checkpoint, as their app does")
    .requiredOption('--citizen <unzr>', 'whose entries')
    .action((options: { citizen: string }) =>
      withPlatform(async (server) => {
        const accessLog = server.module<AccessLogModule>('access-log').accessLog;
        let verified = 0;
        let size = 0;
        for (let before: number | undefined; ;) {
          const page = await accessLog.entriesFor(options.citizen, { limit: 200, ...(before !== undefined ? { beforeSeq: before } : {}) });
          if (page.entries.length === 0) break;
          ({ size } = await verifyEntries(page.checkpoint, page.entries, verifyEd25519));
          verified += page.entries.length;
          before = page.entries[page.entries.length - 1]!.seq;
        }
        console.log(`Verified ${verified} entries of ${options.citizen} against the signed checkpoint of ${size} entries.`);
      }),
    );
  return log;
}
