import { Command } from 'commander';
import { loadConfig, registers, startRegisterProcess } from '@deed/server';
import { wholeNumber } from '../platform.js';

export function registerCommand(): Command {
  return new Command('register')
    .description(`run one register as a separate process on the exchange (${registers.map((r) => r.id).join(', ')})`)
    .argument('<name>', 'the register')
    .option('--port <port>', 'port to listen on (default: PORT)', wholeNumber('--port', 0, 65535))
    .option('--platform <url>', 'the platform, for the signed access rights', 'http://127.0.0.1:8080')
    .action(async (name: string, options: { port?: number; platform: string }) => {
      const config = loadConfig();
      const running = await startRegisterProcess({ ...config, port: options.port ?? config.port }, name, options.platform);
      console.log(
        `Register ${name} is running. Exchange endpoint: ${running.url}/exchange/v1\nSet DEED_REGISTER_URLS=${name}=${running.url} for the platform.`,
      );
      const stop = () => void running.close().then(() => console.log(`Register ${name} stopped.`));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
