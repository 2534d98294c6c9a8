import { Command } from 'commander';
import { KeyStore, loadConfig, platformKeyPurposes } from '@deed/server';

function keyStore(): KeyStore {
  const store = new KeyStore(loadConfig().dataDir, platformKeyPurposes);
  store.ensureKeys();
  return store;
}

export function keysCommand(): Command {
  const keys = new Command('keys').description("list and rotate the platform's signing keys (kept in DEED_DATA_DIR/keys)");
  keys
    .command('list')
    .description('list every key: purpose, key id, algorithm, created, current or previous')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => {
      const list = keyStore().list();
      if (options.json) return console.log(JSON.stringify(list, null, 2));
      const rows = [
        ['PURPOSE', 'KEY ID', 'ALG', 'CREATED', 'STATUS'],
        ...list.map((k) => [k.purpose, k.kid, k.alg, k.createdAt, k.status]),
      ];
      const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
      for (const row of rows)
        console.log(
          row
            .map((cell, i) => cell.padEnd(widths[i]!))
            .join('  ')
            .trimEnd(),
        );
    });
  keys
    .command('rotate')
    .description(
      `make a new current key for a purpose (${platformKeyPurposes.map((p) => p.name).join(', ')}); previous keys keep verifying`,
    )
    .argument('<purpose>', 'which key to rotate')
    .action((purpose: string) => {
      const key = keyStore().rotate(purpose);
      console.log(`Rotated ${purpose}: the current key is now ${key.kid}. Running servers pick it up without a restart.`);
    });
  return keys;
}
