import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../testing/database.js';
import { runDeed, waitForUrl, type DeedProcess } from '../../../testing/process.js';
import { tempDir } from '../../../testing/server.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

/** The environment of a fresh installation: its own data directory, the test database. */
function env(dataDir: string, extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { DEED_DATA_DIR: dataDir, PORT: '0', DATABASE_URL: database.url, ...extra };
}

async function finished(deed: DeedProcess): Promise<{ code: number | null; output: string }> {
  const code = await deed.exited;
  return { code, output: deed.output() };
}

describe('deed command', () => {
  it('prints help that lists its commands', async () => {
    const { code, output } = await finished(runDeed(['--help'], {}));
    expect(code).toBe(0);
    for (const command of ['serve', 'migrate', 'keys', 'seed', 'register', 'exchange', 'log', 'citizens'])
      expect(output).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it.each([
    ['PORT', 'http'],
    ['HOST', 'not a host'],
    ['DATABASE_URL', 'mysql://root@localhost/deed'],
    ['LOG_LEVEL', 'verbose'],
  ])('refuses to start with a bad %s and names it', async (variable, value) => {
    const { code, output } = await finished(runDeed(['serve'], { ...env(tempDir()), [variable]: value }));
    expect(code).toBe(1);
    expect(output).toContain(`deed: Invalid configuration: ${variable} `);
    expect(output).not.toContain('    at ');
  });

  it('migrate applies migrations and reports an up-to-date database', async () => {
    const dataDir = tempDir();
    const first = await finished(runDeed(['migrate'], env(dataDir)));
    expect(first.code).toBe(0);
    const second = await finished(runDeed(['migrate'], env(dataDir)));
    expect(second.output).toContain('The database is up to date.');
  });

  it('keys list and keys rotate manage the platform keys', async () => {
    const dataDir = tempDir();
    const listed = await finished(runDeed(['keys', 'list', '--json'], env(dataDir)));
    expect(listed.code).toBe(0);
    const before = JSON.parse(listed.output) as { purpose: string; kid: string; status: string }[];
    expect(before.map((k) => k.purpose).sort()).toEqual(['checkpoint', 'exchange', 'oidc', 'presentation']);
    const rotated = await finished(runDeed(['keys', 'rotate', 'presentation'], env(dataDir)));
    expect(rotated.code).toBe(0);
    const after = JSON.parse((await finished(runDeed(['keys', 'list', '--json'], env(dataDir)))).output) as typeof before;
    const presentation = after.filter((k) => k.purpose === 'presentation');
    expect(presentation.map((k) => k.status)).toEqual(['current', 'previous']);
    expect(presentation[1]?.kid).toBe(before.find((k) => k.purpose === 'presentation')?.kid);
    const table = await finished(runDeed(['keys', 'list'], env(dataDir)));
    expect(table.output).toMatch(/^PURPOSE\s+KEY ID\s+ALG\s+CREATED\s+STATUS$/m);
    const unknown = await finished(runDeed(['keys', 'rotate', 'printer'], env(dataDir)));
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain('deed: Unknown key purpose "printer"');
  });
});

describe("operators' commands on the registers and the exchange", () => {
  it('seed, citizens list, exchange call and rights, log verify', async () => {
    const dataDir = tempDir();
    const seeded = await finished(runDeed(['seed', '--citizens', '120', '--today', '2026-11-26'], env(dataDir)));
    expect(seeded.code, seeded.output).toBe(0);
    expect(seeded.output).toMatch(/^Seeded 120 persons \(\d+ living, \d+ deceased\) in \d+ households: \d+ records in 7 registers/m);

    const listed = await finished(runDeed(['citizens', 'list', '--limit', '3'], env(dataDir)));
    const lines = listed.output.trim().split('\n');
    expect(lines.at(-1)).toBe('(3 of 120)');
    const citizen = lines[0]!.split(/\s+/)[0]!;
    expect(citizen).toMatch(/^\d{8}-\d{5}$/);

    const called = await finished(runDeed(['exchange', 'call', 'population', 'person.read', '--citizen', citizen], env(dataDir)));
    expect(called.code, called.output).toBe(0);
    expect(JSON.parse(called.output)).toMatchObject({ unzr: citizen });

    const refused = await finished(
      runDeed(['exchange', 'call', 'tax', 'taxpayer.read', '--citizen', citizen, '--purpose', 'curiosity'], env(dataDir)),
    );
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('deed: No access right for this exchange request');
    expect(refused.output).toContain('not for "curiosity"');

    expect(
      (await finished(runDeed(['exchange', 'rights', 'grant', 'deed-platform', 'tax', 'taxpayer.read', 'curiosity'], env(dataDir)))).code,
    ).toBe(0);
    expect((await finished(runDeed(['exchange', 'rights', 'list'], env(dataDir)))).output).toContain(
      'deed-platform -> tax/taxpayer.read: curiosity',
    );
    const allowed = await finished(
      runDeed(['exchange', 'call', 'tax', 'taxpayer.read', '--citizen', citizen, '--purpose', 'curiosity'], env(dataDir)),
    );
    expect(allowed.code, allowed.output).toBe(0);
    const bad = await finished(runDeed(['exchange', 'rights', 'grant', 'deed-platform', 'tax', 'taxpayer.delete', 'x'], env(dataDir)));
    expect(bad.output).toContain('deed: "tax" offers no service "taxpayer.delete"');

    const verified = await finished(runDeed(['log', 'verify', '--citizen', citizen], env(dataDir)));
    expect(verified.output).toMatch(/^Verified 2 entries of \d{8}-\d{5} against the signed checkpoint of \d+ entries\.$/m);
  });
});

describe('deed serve', () => {
  it('starts, says what to open, and stops on SIGTERM after finishing requests in flight', async () => {
    const dataDir = tempDir();
    const deed = runDeed(['serve'], env(dataDir, { LOG_LEVEL: 'info' }));
    const url = await waitForUrl(deed);
    expect(url).toMatch(/^http:\/\/localhost:\d+$/);
    expect(deed.output()).toContain(`API docs: ${url}/api/docs`);
    expect((await fetch(`${url}/health`)).status).toBe(200);

    // A request whose body is still arriving when the stop signal comes must still be answered.
    const report = JSON.stringify({ 'csp-report': { 'effective-directive': 'img-src', 'blocked-uri': 'data' } });
    const inFlight = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        `${url}/api/csp-reports`,
        { method: 'POST', headers: { 'content-type': 'application/csp-report', 'content-length': report.length } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.write(report.slice(0, 10), () => {
        setTimeout(() => {
          deed.child.kill('SIGTERM');
          setTimeout(() => request.end(report.slice(10)), 300);
        }, 100);
      });
    });
    expect(inFlight).toBe(204);

    const { code, output } = await finished(deed);
    expect(code).toBe(0);
    expect(output).toContain('Deed stopped.');
    // No personal data in logs: requests are logged by route pattern, never by URL or body.
    expect(output).toContain('"route":"/api/csp-reports"');
    expect(output).not.toContain('blocked-uri');
    if (!database.url) {
      // SQLite closed cleanly: the write-ahead log was checkpointed and removed.
      expect(fs.existsSync(path.join(dataDir, 'deed.sqlite'))).toBe(true);
      expect(fs.existsSync(path.join(dataDir, 'deed.sqlite-wal'))).toBe(false);
    }
  });

  it('two processes on one database both answer: no state lives only in one of them', async () => {
    const dataDir = tempDir();
    // Started together on an empty database: migrations and first keys must not collide.
    const nodes = [runDeed(['serve'], env(dataDir)), runDeed(['serve'], env(dataDir))];
    try {
      const urls = await Promise.all(nodes.map((n) => waitForUrl(n)));
      expect(new Set(urls).size).toBe(2);
      for (const url of urls) {
        const health = await fetch(`${url}/health`);
        expect(health.status).toBe(200);
        expect((await health.json()).database).toBe(database.dialect);
        expect((await fetch(`${url}/documents`, { headers: { accept: 'text/html' } })).status).toBe(200);
      }
      const keys = JSON.parse((await finished(runDeed(['keys', 'list', '--json'], env(dataDir)))).output) as unknown[];
      expect(keys).toHaveLength(4);
    } finally {
      for (const node of nodes) node.child.kill('SIGTERM');
      expect(await Promise.all(nodes.map((n) => n.exited)), nodes.map((n) => n.output()).join('\n----\n')).toEqual([0, 0]);
    }
  });
});
