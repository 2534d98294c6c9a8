import { verifyEntries, type ProvenEntry, type SignedCheckpoint } from '@deed/access-log';
import { base64Decode, openCheckpoint, ed25519Verifier, verifyConsistency } from '@deed/merkle';
import { sql } from 'kysely';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformModules, type AccessLogModule, type Module, type SessionsModule, verifyEd25519 } from '@deed/server';
import { startTestServer, type TestServer } from '../../../testing/server.js';

let deed: TestServer;
let accessLog: AccessLogModule['accessLog'];
/** An entry a test alters in the database; later tests leave it aside. */
let alteredSeq = -1;

/** Signs in as any citizen: a fixture standing in for the ways of signing in tested elsewhere. */
function testSignIn(sessions: SessionsModule['sessions']): Module {
  return {
    name: 'test-sign-in',
    routes(app) {
      app.post('/test/sign-in', { schema: { body: z.object({ citizen: z.string() }) } }, async (request, reply) => {
        await sessions.start(reply, request.body.citizen, 'test');
        return reply.code(204).send(null);
      });
    },
  };
}

async function signIn(citizen: string): Promise<string> {
  const response = await fetch(`${deed.url}/test/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ citizen }),
  });
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

async function myLog(cookie: string): Promise<{ checkpoint: SignedCheckpoint & { size: number }; entries: ProvenEntry[] }> {
  const response = await fetch(`${deed.url}/api/me/access-log`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return response.json();
}

beforeAll(async () => {
  deed = await startTestServer({
    modules: (context) => {
      const modules = createPlatformModules(context);
      accessLog = (modules.find((m) => m.name === 'access-log') as AccessLogModule).accessLog;
      return [...modules, testSignIn((modules.find((m) => m.name === 'sessions') as SessionsModule).sessions)];
    },
  });
});
afterAll(() => deed?.close());

const alice = '19900101-00019';
const bob = '19850515-00027';

describe("the citizens' access log", () => {
  it('records concurrent accesses and gives each citizen only their own entries, each proven against a signed checkpoint', async () => {
    const seqs = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        accessLog.append({
          citizen: i % 3 ? bob : alice,
          actor: 'deed-platform',
          action: 'population/person.read',
          purpose: `test ${i}`,
          caseId: `case-${i}`,
        }),
      ),
    );
    expect(new Set(seqs).size).toBe(120);
    const mine = await myLog(await signIn(alice));
    expect(mine.entries).toHaveLength(40);
    expect(mine.entries.every((e) => e.event.citizen === alice)).toBe(true);
    expect(mine.entries.map((e) => e.seq)).toEqual([...mine.entries.map((e) => e.seq)].sort((a, b) => b - a));
    await expect(verifyEntries(mine.checkpoint, mine.entries, verifyEd25519)).resolves.toEqual({ size: mine.checkpoint.size });
  });

  it('gives a citizen nobody has looked up an empty log and a valid checkpoint', async () => {
    const empty = await myLog(await signIn('20000101-00017'));
    expect(empty.entries).toEqual([]);
    await expect(verifyEntries(empty.checkpoint, [], verifyEd25519)).resolves.toEqual({ size: empty.checkpoint.size });
  });

  it('refuses to show a log to someone not signed in', async () => {
    const response = await fetch(`${deed.url}/api/me/access-log`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ type: 'urn:deed:problem:sign-in-required' });
  });

  it('detects an altered stored entry: its proof no longer verifies', async () => {
    const seq = (alteredSeq = await accessLog.append({
      citizen: alice,
      actor: 'deed-platform',
      action: 'tax/taxpayer.read',
      purpose: 'service.application',
    }));
    await sql`update access_log_entries set purpose = 'nothing to see' where seq = ${seq}`.execute(deed.server.database.as());
    const mine = await myLog(await signIn(alice));
    const altered = mine.entries.find((e) => e.seq === seq)!;
    expect(altered.event.purpose).toBe('nothing to see');
    await expect(verifyEntries(mine.checkpoint, [altered], verifyEd25519)).rejects.toThrow(
      `entry ${seq} is not in the signed log as shown`,
    );
    await expect(
      verifyEntries(
        mine.checkpoint,
        mine.entries.filter((e) => e.seq !== seq),
        verifyEd25519,
      ),
    ).resolves.toBeDefined();
  });

  it('proves that a later checkpoint extends an earlier one (RFC 9162 consistency)', async () => {
    const first = await (await fetch(`${deed.url}/api/access-log/checkpoint`)).json();
    await Promise.all(
      Array.from({ length: 17 }, () =>
        accessLog.append({ citizen: bob, actor: 'deed-platform', action: 'drivers/licence.read', purpose: 'test' }),
      ),
    );
    const second = await (await fetch(`${deed.url}/api/access-log/checkpoint`)).json();
    const [a, b] = await Promise.all(
      [first, second].map((c) => openCheckpoint(c.note, c.origin, [ed25519Verifier(c.verifierKey, verifyEd25519)])),
    );
    const { proof } = await (await fetch(`${deed.url}/api/access-log/consistency?from=${first.size}&to=${second.size}`)).json();
    expect(() =>
      verifyConsistency(
        first.size,
        second.size,
        proof.map((h: string) => base64Decode(h)!),
        a!.checkpoint.root,
        b!.checkpoint.root,
      ),
    ).not.toThrow();
    const bad = await fetch(`${deed.url}/api/access-log/consistency?from=${second.size}&to=${second.size + 5}`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ type: 'urn:deed:problem:invalid-tree-sizes' });
  });

  it('keeps old checkpoints verifiable after the checkpoint key rotates', async () => {
    const before = await (await fetch(`${deed.url}/api/access-log/checkpoint`)).json();
    deed.server.keys.rotate('checkpoint');
    await accessLog.append({ citizen: alice, actor: 'deed-platform', action: 'population/person.read', purpose: 'after rotation' });
    const after = await (await fetch(`${deed.url}/api/access-log/checkpoint`)).json();
    expect(after.verifierKey).not.toBe(before.verifierKey);
    await expect(openCheckpoint(before.note, before.origin, [ed25519Verifier(before.verifierKey, verifyEd25519)])).resolves.toBeDefined();
    const entries = (await myLog(await signIn(alice))).entries.filter((e) => e.seq !== alteredSeq);
    await expect(verifyEntries(after, entries, verifyEd25519)).resolves.toBeDefined();
  });
});
