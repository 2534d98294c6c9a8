import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Files under public/, as URL paths. */
function publicFiles(dir: string, prefix = '/'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? publicFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

/**
 * Emits sw.js with the exact list of files that make up the app shell, and a version derived
 * from their names (which carry content hashes), so every build replaces the previous cache.
 */
function serviceWorker(): Plugin {
  return {
    name: 'deed-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = ['/index.html', ...publicFiles(path.resolve(import.meta.dirname, 'public')), ...Object.keys(bundle).map((f) => `/${f}`)]
        .filter((f, i, all) => all.indexOf(f) === i && !f.endsWith('.map'))
        .sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(path.resolve(import.meta.dirname, 'pwa/service-worker.js'), 'utf8')
        .replace('__VERSION__', version)
        .replace('__PRECACHE__', JSON.stringify(files));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

export default defineConfig({
  plugins: [react(), serviceWorker()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/health': 'http://127.0.0.1:8080' } },
});
