import { Command } from 'commander';
import { PURPOSES, registerById, type ExchangeModule } from '@deed/server';
import { CommandError, withPlatform } from '../platform.js';

const exchangeOf = (server: Parameters<Parameters<typeof withPlatform>[0]>[0]) => server.module<ExchangeModule>('exchange');

export function exchangeCommand(): Command {
  const exchange = new Command('exchange').description('call registers through the exchange, and manage access rights');
  exchange
    .command('call')
    .description("call a register's service as the platform and print the verified response")
    .argument('<member>', 'the register, e.g. population')
    .argument('<service>', 'the service, e.g. person.read')
    .option('--citizen <unzr>', 'on whose behalf (goes into their access log)')
    .option('--purpose <purpose>', 'why', PURPOSES.administration)
    .option('--case <id>', 'case id (default: a new one)')
    .option('--body <json>', 'the request body', '{}')
    .action(async (member: string, service: string, options: { citizen?: string; purpose: string; case?: string; body: string }) => {
      let body: unknown;
      try {
        body = JSON.parse(options.body);
      } catch {
        throw new CommandError(`--body must be JSON (got ${options.body})`);
      }
      await withPlatform(async (server) => {
        const result = await exchangeOf(server)
          .exchange()
          .call(member, service, {
            purpose: options.purpose,
            body,
            ...(options.citizen ? { citizen: options.citizen } : {}),
            ...(options.case ? { caseId: options.case } : {}),
          });
        console.log(JSON.stringify(result, null, 2));
      });
    });
  const rights = exchange.command('rights').description('list, grant and revoke access rights');
  rights
    .command('list')
    .description('every access right: client, provider, service, purposes')
    .action(() =>
      withPlatform(async (server) => {
        for (const g of await exchangeOf(server).rights.list())
          console.log(`${g.client} -> ${g.provider}/${g.service}: ${g.purposes.join(', ')}`);
      }),
    );
  rights
    .command('grant')
    .description('let a client call a service for these purposes (replaces the purposes it had)')
    .argument('<client>')
    .argument('<provider>')
    .argument('<service>')
    .argument('<purposes...>')
    .action((client: string, provider: string, service: string, purposes: string[]) =>
      withPlatform(async (server) => {
        if (!registerById(provider)?.offers.some((s) => s.name === service))
          throw new CommandError(`"${provider}" offers no service "${service}"`);
        await exchangeOf(server).rights.grant({ client, provider, service, purposes });
        console.log(`Granted: ${client} -> ${provider}/${service}: ${purposes.join(', ')}`);
      }),
    );
  rights
    .command('revoke')
    .description("remove a client's right to a service")
    .argument('<client>')
    .argument('<provider>')
    .argument('<service>')
    .action((client: string, provider: string, service: string) =>
      withPlatform(async (server) => {
        if (!(await exchangeOf(server).rights.revoke(client, provider, service)))
          throw new CommandError(`${client} has no right to ${provider}/${service}`);
        console.log(`Revoked: ${client} -> ${provider}/${service}`);
      }),
    );
  return exchange;
}
