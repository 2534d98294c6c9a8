// Registers and the exchange (issue 3): an in-process exchange call (signed request, rights
// check, lookup, signed response, both message logs written) against the same lookup done
// directly on the register's table, both at 32 concurrent; target ratio >= 0.25, p99 <= 15 ms.
import { catalogue } from '@deed/server';
import { saturate, startPlatform } from './in-process.mjs';

export const name = 'exchange';

export async function run() {
  const { server, close } = await startPlatform();
  try {
    const exchangeModule = server.module('exchange');
    const population = exchangeModule.hosts.get('population');
    const { people } = await exchangeModule
      .exchange()
      .call('population', catalogue.population.personSample, { purpose: 'administration', body: { limit: 100, offset: 0 } });
    const citizen = (i) => people[i % people.length].unzr;
    const client = exchangeModule.exchange().client;
    // The same lookup: what the service does for a call, without the exchange around it.
    const personRead = population.definition.services(population.store).find((s) => s.definition.name === 'person.read');
    const direct = () => (i) => personRead.handler({}, { citizen: citizen(i) });
    const viaExchange = () => (i) =>
      client.call('population', 'person.read', { purpose: 'administration', citizen: citizen(i), caseId: `bench-${i}`, body: {} });
    await saturate(direct(), { seconds: 1 });
    await saturate(viaExchange(), { seconds: 1 });
    const lookups = [];
    const calls = [];
    for (let round = 0; round < 3; round++) {
      lookups.push(await saturate(direct(), { seconds: 2 }));
      calls.push(await saturate(viaExchange(), { seconds: 2 }));
    }
    const best = (runs) => runs.reduce((a, b) => (b.rate > a.rate ? b : a));
    const lookup = best(lookups);
    const call = best(calls);
    const worstP99 = Math.max(...calls.map((c) => c.p99));
    return [
      {
        figure: 'exchange call vs direct lookup (32 concurrent)',
        measured: `${Math.round(call.rate)} calls/s`,
        limit: `${Math.round(lookup.rate)} lookups/s`,
        ratio: call.rate / lookup.rate,
        target: '>= 0.25',
        pass: call.rate / lookup.rate >= 0.25,
      },
      {
        figure: 'exchange call p99 at 32 concurrent',
        measured: `${worstP99.toFixed(2)} ms (p50 ${call.p50.toFixed(2)} ms)`,
        limit: '15 ms',
        ratio: worstP99 / 15,
        target: '<= 1.00',
        pass: worstP99 <= 15,
      },
    ];
  } finally {
    await close();
  }
}
