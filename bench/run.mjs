// `npm run bench [name...]`: runs the benchmarks (bench/*.bench.mjs), loopback only, each
// bounded in time, and prints every figure beside the limit it chases. Not part of npm test.
import fs from 'node:fs';
import { report } from './support.mjs';

const wanted = process.argv.slice(2);
const files = fs
  .readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort();
let allPass = true;
for (const file of files) {
  const bench = await import(new URL(file, import.meta.url).href);
  if (wanted.length && !wanted.includes(bench.name)) continue;
  console.log(`\n== ${bench.name} (${file})`);
  const started = Date.now();
  const rows = await bench.run();
  allPass = report(rows) && allPass;
  console.log(`   ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
console.log(allPass ? '\nEvery figure within its limit.' : '\nSome figures missed their limits (see MISSED).');
