// Seeding (issue 3): `deed seed --citizens 100000` into the seven registers, as a user runs it;
// target <= 60 s, peak memory printed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchDatabase, repoRoot } from './support.mjs';

export const name = 'seed';

const CITIZENS = Number(process.env.BENCH_SEED_CITIZENS ?? 100_000);

export async function run() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deed-bench-seed-'));
  const database = await benchDatabase();
  try {
    const started = performance.now();
    const output = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['apps/cli/bin/deed.js', 'seed', '--citizens', String(CITIZENS)], {
        cwd: repoRoot,
        env: { ...process.env, DEED_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: database.url ?? '' },
      });
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.stderr.on('data', (d) => (text += d));
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(text))));
    });
    const seconds = (performance.now() - started) / 1000;
    const peak = /peak memory (\d+) MiB/.exec(output)?.[1] ?? '?';
    return [
      {
        figure: `deed seed --citizens ${CITIZENS.toLocaleString('en')} (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`,
        measured: `${seconds.toFixed(1)} s, peak ${peak} MiB`,
        limit: '60 s',
        ratio: seconds / 60,
        target: '<= 1.00',
        pass: seconds <= 60,
      },
    ];
  } finally {
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
