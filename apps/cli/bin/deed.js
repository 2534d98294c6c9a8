#!/usr/bin/env node
// The CLI is compiled TypeScript; `npm install` and `npm start` build it.
import { existsSync } from 'node:fs';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('deed: the CLI is not built yet. Run `npm run build` in the repository first.');
  process.exit(1);
}
await import(main.href);
