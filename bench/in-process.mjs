// Helpers for benchmarks that drive the platform in this process (no HTTP in between).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer, loadConfig } from '@deed/server';
import { benchDatabase } from './support.mjs';

/** The real platform on a fresh data directory (SQLite, or a fresh PostgreSQL database when DATABASE_URL is set). */
export async function startPlatform(env = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deed-bench-'));
  const database = await benchDatabase();
  const config = loadConfig({
    DEED_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PORT: '0',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const server = await createServer(config, { webRoot: undefined });
  return {
    server,
    dataDir,
    close: async () => {
      await server.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `task` from `concurrency` workers for `seconds` (and at most `limit` calls); returns the rate and latency percentiles. */
export async function saturate(task, { concurrency = 32, seconds = 4, limit = Infinity } = {}) {
  const latencies = [];
  const deadline = performance.now() + seconds * 1000;
  let started = 0;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline && started < limit) {
        const i = started++;
        const t = performance.now();
        await task(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - begin) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { rate: latencies.length / elapsed, count: latencies.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}
