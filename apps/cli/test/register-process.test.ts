import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../testing/database.js';
import { demoSignIn, request } from '../../../testing/http.js';
import { freePort } from '../../../testing/ports.js';
import { runDeed, waitForUrl, type DeedProcess } from '../../../testing/process.js';
import { tempDir } from '../../../testing/server.js';

let database: TestDatabase;
const dataDir = tempDir();
const running: DeedProcess[] = [];

function env(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { DEED_DATA_DIR: dataDir, DATABASE_URL: database.url, PORT: '0', ...extra };
}

async function start(
  args: string[],
  extra: Record<string, string> = {},
  pattern = /Open (http:\/\/\S+)/,
): Promise<{ deed: DeedProcess; url: string }> {
  const deed = runDeed(args, env(extra));
  running.push(deed);
  const url = pattern === undefined ? await waitForUrl(deed) : await waitFor(deed, pattern);
  return { deed, url };
}

async function waitFor(deed: DeedProcess, pattern: RegExp): Promise<string> {
  for (let waited = 0; waited < 20_000; waited += 50) {
    const match = pattern.exec(deed.output());
    if (match?.[1]) return match[1];
    if (deed.child.exitCode !== null) throw new Error(deed.output());
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out:\n${deed.output()}`);
}

async function stop(deed: DeedProcess): Promise<void> {
  deed.child.kill('SIGTERM');
  await deed.exited;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const seeded = runDeed(['seed', '--citizens', '150', '--today', '2026-11-26'], env());
  expect(await seeded.exited, seeded.output()).toBe(0);
});
afterAll(async () => {
  for (const deed of running) if (deed.child.exitCode === null) await stop(deed);
  await database?.drop();
});

/** What a citizen sees of their record, and what a refused call looks like, through one platform. */
async function observe(platformUrl: string, citizen: string) {
  const cookie = await demoSignIn(platformUrl, citizen);
  const profile = await request(`${platformUrl}/api/me/profile`, { cookie });
  const unknown = await request(`${platformUrl}/api/demo/sign-in`, { method: 'POST', body: { citizen: '19000101-00000' } });
  return { profile: profile.body, unknown: { status: unknown.status, type: unknown.body.type, title: unknown.body.title } };
}

describe('a register as a separate process', () => {
  it("behaves exactly as it does inside the platform's process", async () => {
    // In process first.
    const inProcess = await start(['serve']);
    const { body } = await request(`${inProcess.url}/api/demo/citizens?limit=1`);
    const citizen = body.people[0].unzr as string;
    const expected = await observe(inProcess.url, citizen);
    await stop(inProcess.deed);

    // Then Population on its own, the platform calling it over HTTP.
    const platformPort = await freePort();
    const register = await start(
      ['register', 'population', '--port', '0', '--platform', `http://127.0.0.1:${platformPort}`],
      {},
      /endpoint: (http:\/\/\S+)\/exchange\/v1/,
    );
    const platform = await start(['serve'], { PORT: String(platformPort), DEED_REGISTER_URLS: `population=${register.url}` });
    const actual = await observe(platform.url, citizen);
    expect(actual).toEqual(expected);
    expect(actual.profile.unzr).toBe(citizen);
    expect(actual.unknown).toMatchObject({ status: 404, type: 'urn:deed:problem:register-not-found' });

    // Rights changed on the platform reach the register through the signed configuration.
    const token = (await import('node:fs')).readFileSync(`${dataDir}/admin-token`, 'utf8').trim();
    const right = { client: 'deed-platform', provider: 'population', service: 'person.read' };
    expect(
      (
        await request(`${platform.url}/api/admin/exchange/rights`, {
          method: 'PUT',
          token,
          body: { ...right, purposes: ['administration'] },
        })
      ).status,
    ).toBe(204);
    await new Promise((r) => setTimeout(r, 2100));
    const refused = await request(`${platform.url}/api/demo/sign-in`, { method: 'POST', body: { citizen } });
    expect(refused.status).toBe(502);
    expect(refused.body.type).toBe('urn:deed:problem:exchange-unauthorised');
    const members = await request(`${platform.url}/api/admin/exchange/members`, { token });
    expect(members.body.members.find((m: { id: string }) => m.id === 'population')).toMatchObject({
      runs: 'separate-process',
      baseUrl: register.url,
    });
  });

  it('answers malformed, unsigned, oversized and wrongly typed requests on its endpoint with clear problems', async () => {
    const platformPort = await freePort();
    const { url } = await start(
      ['register', 'drivers', '--port', '0', '--platform', `http://127.0.0.1:${platformPort}`],
      {},
      /endpoint: (http:\/\/\S+)\/exchange\/v1/,
    );
    const post = async (body: string, contentType = 'application/jose') => {
      const response = await fetch(`${url}/exchange/v1`, { method: 'POST', headers: { 'content-type': contentType }, body });
      return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as { type: string } };
    };
    expect(await post('not a jws')).toMatchObject({
      status: 400,
      type: expect.stringContaining('application/problem+json'),
      body: { type: 'urn:deed:problem:exchange-malformed' },
    });
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'deed-exchange-request+jws' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ v: 1, client: 'deed-platform', provider: 'drivers', service: 'licences.read' })).toString(
      'base64url',
    );
    expect((await post(`${header}.${payload}.`)).body.type).toMatch(/^urn:deed:problem:exchange-(unsigned|malformed)$/);
    expect((await post('a'.repeat(300 * 1024))).status).toBe(413);
    expect((await post('{}', 'application/json')).status).toBe(415);
  });
});
