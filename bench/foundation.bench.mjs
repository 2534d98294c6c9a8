// Foundation (issue 2): GET /health of the full server against a bare Fastify hello route,
// started in the same run (target ratio >= 0.7), and the idle server's resident memory (<= 150 MB).
import { cpuSeconds, load, median, residentMiB, sleep, startDeed, startProcess } from './support.mjs';

export const name = 'foundation';

export async function run() {
  const deed = await startDeed();
  const bare = await startProcess(['bench/bare-fastify.mjs']);
  try {
    await sleep(2000);
    const idleAtStart = residentMiB(deed.child.pid);
    // Warm both up, then alternate short rounds so drift on a shared machine hits both alike.
    await load(`${deed.url}/health`, { seconds: 2 });
    await load(`${bare.url}/hello`, { seconds: 2 });
    const full = [];
    const base = [];
    // Server CPU per request too: on a shared machine it moves less than throughput does.
    const measure = async (server, url, into) => {
      const cpu = cpuSeconds(server.child.pid);
      const result = await load(url, { seconds: 3 });
      into.push({ ...result, cpuPerRequest: (cpuSeconds(server.child.pid) - cpu) / result.requests });
    };
    for (let round = 0; round < 5; round++) {
      await measure(deed, `${deed.url}/health`, full);
      await measure(bare, `${bare.url}/hello`, base);
    }
    await sleep(3000);
    const idleAfterLoad = residentMiB(deed.child.pid);
    const fullRps = median(full.map((r) => r.rps));
    const bareRps = median(base.map((r) => r.rps));
    const memoryLimit = 150;
    return [
      {
        figure: 'GET /health req/s vs bare Fastify',
        measured: `${Math.round(fullRps)} req/s (p99 ${median(full.map((r) => r.p99))} ms, ${Math.round(median(full.map((r) => r.cpuPerRequest)) * 1e6)} µs CPU/req)`,
        limit: `${Math.round(bareRps)} req/s bare (${Math.round(median(base.map((r) => r.cpuPerRequest)) * 1e6)} µs CPU/req)`,
        ratio: fullRps / bareRps,
        target: '>= 0.70',
        pass: fullRps / bareRps >= 0.7,
      },
      ...[
        ['idle RSS at start', idleAtStart],
        ['idle RSS after load', idleAfterLoad],
      ].map(([figure, mib]) => ({
        figure,
        measured: `${mib.toFixed(1)} MiB`,
        limit: `${memoryLimit} MB`,
        ratio: (mib * 1.048576) / memoryLimit,
        target: '<= 1.00',
        pass: (mib * 1.048576) / memoryLimit <= 1,
      })),
    ];
  } finally {
    await Promise.all([deed.stop(), bare.stop()]);
  }
}
