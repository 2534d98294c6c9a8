// Shared pieces of the benchmarks: child processes on loopback, bounded load, and the report.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Starts a node process and resolves once it prints a loopback URL. */
export function startProcess(args, env = {}, urlPattern = /(http:\/\/(?:localhost|127\.0\.0\.1):\d+)/) {
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk.toString();
      const match = urlPattern.exec(output);
      if (match) {
        child.stdout.off('data', onData);
        resolve({ child, url: match[1], stop: () => stopProcess(child) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`process exited with ${code}:\n${output}`)));
    setTimeout(() => reject(new Error(`process did not start in 30 s:\n${output}`)), 30_000).unref();
  });
}

function stopProcess(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.on('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** Starts `deed serve` on a random port with a fresh data directory. */
export async function startDeed(env = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deed-bench-'));
  const deed = await startProcess(['apps/cli/bin/deed.js', 'serve'], { PORT: '0', DEED_DATA_DIR: dataDir, ...env });
  return {
    ...deed,
    stop: async () => {
      await deed.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resident memory of a process in MiB, from /proc. */
export function residentMiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Requests per second and latency percentiles for `seconds` of load at `connections`. */
export async function load(url, { seconds = 5, connections = 32 } = {}) {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * One line per figure: what was measured, the limit it chases, and the ratio that decides,
 * computed in the same run so that a noisy shared machine moves both sides together.
 */
export function report(rows) {
  const table = rows.map((r) => ({
    figure: r.figure,
    measured: r.measured,
    limit: r.limit,
    ratio: r.ratio.toFixed(2),
    target: r.target,
    verdict: r.pass ? 'ok' : 'MISSED',
  }));
  console.table(table);
  return rows.every((r) => r.pass);
}

/**
 * With DATABASE_URL set, a fresh PostgreSQL database for one benchmark, dropped by `drop()`;
 * without it, undefined (SQLite in the benchmark's data directory).
 */
export async function benchDatabase() {
  const admin = process.env.DATABASE_URL;
  if (!admin) return { url: undefined, drop: async () => undefined };
  const name = `deed_bench_${Date.now().toString(36)}`;
  const run = async (statement) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
