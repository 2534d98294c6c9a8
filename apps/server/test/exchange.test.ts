import fs from 'node:fs';
import path from 'node:path';
import { verifyEntries } from '@deed/access-log';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExchangeModule, verifyEd25519 } from '@deed/server';
import { demoSignIn, request } from '../../../testing/http.js';
import { startTestServer, type TestServer } from '../../../testing/server.js';

let deed: TestServer;
let token: string;
let citizen: string;
let cookie: string;

beforeAll(async () => {
  deed = await startTestServer();
  token = fs.readFileSync(path.join(deed.dataDir, 'admin-token'), 'utf8').trim();
  const { body } = await request(`${deed.url}/api/demo/citizens?limit=5`);
  citizen = body.people[0].unzr;
  cookie = await demoSignIn(deed.url, citizen);
});
afterAll(() => deed?.close());

describe('registers on the exchange', () => {
  it('seeds a synthetic population of 1,000 on first start in demo mode', async () => {
    const { status, body } = await request(`${deed.url}/api/demo/citizens?limit=3`);
    expect(status).toBe(200);
    expect(body.total).toBe(1000);
    for (const person of body.people) expect(person.unzr).toMatch(/^\d{8}-\d{5}$/);
  });

  it("fetches the citizen's record from Population; both message logs hold the signed pair; the citizen's log shows the access, proven", async () => {
    const profile = await request(`${deed.url}/api/me/profile`, { cookie });
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ unzr: citizen, lastName: expect.any(String), latin: { lastName: expect.any(String) } });

    const log = await request(`${deed.url}/api/me/access-log`, { cookie });
    const latest = log.body.entries[0];
    expect(latest.event).toMatchObject({ citizen, actor: 'deed-platform', action: 'population/person.read', purpose: 'citizen.profile' });
    await expect(verifyEntries(log.body.checkpoint, log.body.entries, verifyEd25519)).resolves.toBeDefined();

    const messages = await request(`${deed.url}/api/admin/exchange/messages?caseId=${latest.event.caseId}`, { token });
    expect(messages.status).toBe(200);
    const byMember = Object.fromEntries(messages.body.logs.map((l: { member: string; entries: unknown[] }) => [l.member, l.entries]));
    const [out] = byMember['deed-platform'];
    const [incoming] = byMember.population;
    expect(out).toMatchObject({
      direction: 'out',
      client: 'deed-platform',
      provider: 'population',
      service: 'person.read',
      purpose: 'citizen.profile',
      status: 'ok',
    });
    expect(incoming).toMatchObject({ direction: 'in', requestId: out.requestId, status: 'ok' });
    // The very same signed messages at both ends.
    expect(incoming.requestJws).toBe(out.requestJws);
    expect(incoming.responseJws).toBe(out.responseJws);
    const payload = JSON.parse(Buffer.from(out.requestJws.split('.')[1], 'base64url').toString());
    expect(payload).toMatchObject({
      client: 'deed-platform',
      provider: 'population',
      service: 'person.read',
      purpose: 'citizen.profile',
      citizen,
      caseId: latest.event.caseId,
    });
    expect(JSON.parse(Buffer.from(out.requestJws.split('.')[0], 'base64url').toString())).toMatchObject({ alg: 'EdDSA' });
  });

  it("reads every register on the citizen's behalf through the exchange", async () => {
    const exchange = deed.server.module<ExchangeModule>('exchange').exchange();
    for (const [member, service] of [
      ['identity-documents', 'documents.read'],
      ['drivers', 'licences.read'],
      ['vehicles', 'vehicles.read'],
      ['tax', 'taxpayer.read'],
      ['civil-status', 'records.read'],
      ['education', 'education.read'],
    ] as const) {
      const body = await exchange.call(member, service, { purpose: 'citizen.profile', citizen, body: {} });
      expect(body, `${member}/${service}`).toBeTypeOf('object');
    }
    const { body } = await request(`${deed.url}/api/me/access-log`, { cookie });
    expect(new Set(body.entries.map((e: { event: { action: string } }) => e.event.action.split('/')[0]))).toEqual(
      new Set(['population', 'identity-documents', 'drivers', 'vehicles', 'tax', 'civil-status', 'education']),
    );
  });

  it('writes to registers: a new address and a lost identity document', async () => {
    const exchange = deed.server.module<ExchangeModule>('exchange').exchange();
    const call = (provider: string, service: string, body: unknown) =>
      exchange.call(provider, service, { purpose: 'administration', citizen, body });
    const address = {
      postcode: '01001',
      region: 'м. Київ',
      regionCode: '80',
      settlementType: 'місто',
      settlement: 'Київ',
      streetType: 'вулиця',
      street: 'Хрещатик',
      building: '22',
      apartment: '5',
    };
    await expect(call('population', 'address.change', { address })).resolves.toMatchObject({
      registeredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(((await call('population', 'person.read', {})) as { address: unknown }).address).toMatchObject(address);
    await expect(call('population', 'address.change', { address: { ...address, postcode: 'ABC' } })).rejects.toMatchObject({
      code: 'invalid-input',
    });

    const { idCards } = (await call('identity-documents', 'documents.read', {})) as { idCards: { number: string; status: string }[] };
    const card = idCards.find((c) => c.status === 'valid') ?? idCards[0]!;
    await expect(call('identity-documents', 'document.report-lost', { number: card.number })).resolves.toEqual({
      number: card.number,
      status: 'lost',
    });
    const after = (await call('identity-documents', 'documents.read', {})) as { idCards: { number: string; status: string }[] };
    expect(after.idCards.find((c) => c.number === card.number)?.status).toBe('lost');
    await expect(call('identity-documents', 'document.report-lost', { number: '000000000' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('enforces access rights that an administrator changes through the API', async () => {
    const right = { client: 'deed-platform', provider: 'tax', service: 'taxpayer.read' };
    const exchange = deed.server.module<ExchangeModule>('exchange').exchange();
    const revoke = await request(`${deed.url}/api/admin/exchange/rights?${new URLSearchParams(right)}`, { method: 'DELETE', token });
    expect(revoke.status).toBe(204);
    await expect(exchange.call('tax', 'taxpayer.read', { purpose: 'citizen.profile', citizen, body: {} })).rejects.toMatchObject({
      code: 'unauthorised',
    });
    const grant = await request(`${deed.url}/api/admin/exchange/rights`, {
      method: 'PUT',
      token,
      body: { ...right, purposes: ['administration'] },
    });
    expect(grant.status).toBe(204);
    await expect(exchange.call('tax', 'taxpayer.read', { purpose: 'citizen.profile', citizen, body: {} })).rejects.toMatchObject({
      code: 'unauthorised',
    });
    await expect(exchange.call('tax', 'taxpayer.read', { purpose: 'administration', citizen, body: {} })).resolves.toHaveProperty(
      'taxpayer',
    );
    await request(`${deed.url}/api/admin/exchange/rights`, {
      method: 'PUT',
      token,
      body: { ...right, purposes: ['citizen.profile', 'administration'] },
    });
  });

  it('refuses admin calls without the token, and bad grants with a clear problem', async () => {
    expect((await request(`${deed.url}/api/admin/exchange/rights`)).status).toBe(401);
    expect((await request(`${deed.url}/api/admin/exchange/rights`, { token: 'guess' })).body).toMatchObject({
      type: 'urn:deed:problem:admin-token-required',
    });
    const unknownService = await request(`${deed.url}/api/admin/exchange/rights`, {
      method: 'PUT',
      token,
      body: { client: 'deed-platform', provider: 'tax', service: 'taxpayer.delete', purposes: ['x'] },
    });
    expect(unknownService).toMatchObject({ status: 400, body: { type: 'urn:deed:problem:unknown-service' } });
    const malformed = await request(`${deed.url}/api/admin/exchange/rights`, {
      method: 'PUT',
      token,
      body: { client: 'Bad Client', provider: 'tax', service: 'taxpayer.read', purposes: [] },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.client', 'body.purposes']));
    const missing = await request(`${deed.url}/api/admin/exchange/rights?client=deed-platform&provider=tax&service=nothing.here`, {
      method: 'DELETE',
      token,
    });
    expect(missing.status).toBe(404);
  });

  it('answers bad query parameters on the citizen, log and admin routes with 400 problems naming them', async () => {
    const cases: [string, string, string | undefined][] = [
      ['/api/me/access-log?limit=0', 'querystring.limit', undefined],
      ['/api/me/access-log?before=-1', 'querystring.before', undefined],
      ['/api/access-log/consistency?from=abc&to=2', 'querystring.from', undefined],
      ['/api/demo/citizens?limit=1000', 'querystring.limit', undefined],
      ['/api/admin/exchange/messages', 'querystring.caseId', token],
    ];
    for (const [path, field, bearer] of cases) {
      const response = await request(`${deed.url}${path}`, { cookie, ...(bearer ? { token: bearer } : {}) });
      expect(response.status, path).toBe(400);
      expect(response.body.type, path).toBe('urn:deed:problem:invalid-input');
      expect(
        response.body.errors.map((e: { path: string }) => e.path),
        path,
      ).toContain(field);
    }
  });

  it("answers a register's refusal as a problem, not a 500", async () => {
    const wrong = await request(`${deed.url}/api/demo/sign-in`, { method: 'POST', body: { citizen: '19000101-00000' } });
    expect(wrong.status).toBe(404);
    expect(wrong.body).toMatchObject({ type: 'urn:deed:problem:register-not-found' });
    const malformed = await request(`${deed.url}/api/demo/sign-in`, { method: 'POST', body: { citizen: 'robert' } });
    expect(malformed.status).toBe(400);
  });

  it('detects an altered or deleted message log entry', async () => {
    const exchange = deed.server.module<ExchangeModule>('exchange');
    expect((await exchange.exchange().verifyLogs()).every((l) => l.ok)).toBe(true);
    const population = exchange.hosts.get('population')!.database.as<never>();
    await sql`update exchange_message_log set purpose = 'x', response_jws = ${'tampered'} where seq = 1`.execute(population);
    const altered = (await exchange.exchange().verifyLogs()).find((l) => l.member === 'population')!;
    expect(altered).toMatchObject({ ok: false, count: 0 });
    expect(altered.detail).toMatch(/entry 1 does not match its hash/);
    const platform = deed.server.database.as<never>();
    await sql`delete from exchange_message_log where seq = 2`.execute(platform);
    const deleted = (await exchange.exchange().verifyLogs()).find((l) => l.member === 'deed-platform')!;
    expect(deleted.ok).toBe(false);
    expect(deleted.detail).toMatch(/expected seq 2, found 3/);
    const { body } = await request(`${deed.url}/api/admin/exchange/members`, { token });
    expect(body.logs.find((l: { member: string }) => l.member === 'population').ok).toBe(false);
  });
});
