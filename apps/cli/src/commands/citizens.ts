import { Command } from 'commander';
import { catalogue, PURPOSES, type ExchangeModule } from '@deed/server';
import { wholeNumber, withPlatform } from '../platform.js';

export function citizensCommand(): Command {
  const citizens = new Command('citizens').description('the synthetic citizens of the demo data');
  citizens
    .command('list')
    .description('register numbers and names, from the Population register')
    .option('--limit <n>', 'how many', wholeNumber('--limit', 1, 100), 20)
    .action((options: { limit: number }) =>
      withPlatform(async (server) => {
        const { people, total } = await server
          .module<ExchangeModule>('exchange')
          .exchange()
          .call('population', catalogue.population.personSample, {
            purpose: PURPOSES.administration,
            body: { limit: options.limit, offset: 0 },
          });
        for (const p of people) console.log(`${p.unzr}  ${p.lastName} ${p.firstName} ${p.patronymic}  ${p.dateOfBirth}`);
        console.log(`(${people.length} of ${total})`);
      }),
    );
  return citizens;
}
