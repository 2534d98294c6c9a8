import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AccessRights,
  Client,
  Directory,
  ExchangeError,
  MemoryMessageLog,
  MemoryReplayGuard,
  Provider,
  ServiceError,
  checkRights,
  configureCrypto,
  createRequest,
  defineService,
  generateSigningKey,
  httpTransport,
  implement,
  inProcessTransport,
  publicJwk,
  requestHash,
  verifyLog,
  type CryptoOptions,
  type FetchLike,
  type Grant,
  type ProviderOptions,
  type SigningKey,
  type Transport,
} from './index.js';

// The catalogue a register publishes; the platform imports the same definitions.
interface Person {
  id: string;
  name: string;
  born: string;
}
const personRead = defineService<{ id: string }, Person>('person.read', 'A person by id', {
  citizen: 'required',
  parseInput: (body) => {
    const id = (body as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !/^\d{10}$/.test(id)) throw new Error('"id" must be 10 digits');
    return { id };
  },
});
const personAddress = defineService<{ id: string }, { address: string }>('person.address', 'Where a person lives', { citizen: 'required' });
const statistics = defineService<null, { people: number }>('statistics.count', 'How many people', { citizen: 'none' });
const failing = defineService<null, null>('debug.fail', 'Always fails');

const people = new Map<string, Person>([['1234567890', { id: '1234567890', name: 'Olena Petrenko', born: '1990-01-01' }]]);

const grants: Grant[] = [
  { client: 'deed-platform', provider: 'population', service: 'person.read', purposes: ['document.passport.show', 'service.prefill'] },
  { client: 'deed-platform', provider: 'population', service: 'statistics.count', purposes: ['statistics'] },
  { client: 'deed-platform', provider: 'population', service: 'debug.fail', purposes: ['statistics'] },
  { client: 'deed-platform', provider: 'population', service: 'person.gone', purposes: ['statistics'] },
];

const call = { purpose: 'document.passport.show', caseId: 'case-1', citizen: '1234567890', body: { id: '1234567890' } };

interface WorldOptions {
  population?: SigningKey;
  providerKey?: SigningKey | (() => SigningKey);
  extraKeys?: SigningKey[];
  rights?: ProviderOptions['rights'];
}

function world(options: WorldOptions = {}) {
  const keys = {
    platform: generateSigningKey('deed-platform', 'k1'),
    population: options.population ?? generateSigningKey('population', 'k1'),
    tax: generateSigningKey('tax', 'k1'),
  };
  const directory = new Directory([
    { id: 'deed-platform', name: 'Deed platform', keys: [publicJwk(keys.platform)] },
    {
      id: 'population',
      name: 'Population register',
      keys: [publicJwk(keys.population), ...(options.extraKeys ?? []).map(publicJwk)],
      baseUrl: 'http://population.internal:8080/registers/population/',
      services: ['person.read', 'person.address', 'statistics.count'],
    },
    { id: 'tax', name: 'Tax register', keys: [publicJwk(keys.tax)] },
  ]);
  const providerLog = new MemoryMessageLog();
  const clientLog = new MemoryMessageLog();
  const onInternalError = vi.fn();
  const provider = new Provider({
    signingKey: options.providerKey ?? keys.population,
    resolveKey: directory.resolveKey,
    rights: options.rights ?? grants,
    replayGuard: new MemoryReplayGuard(),
    log: providerLog,
    onInternalError,
    services: [
      implement(personRead, ({ id }, context) => {
        expect(context.purpose).toMatch(/^(document|service)\./);
        const person = people.get(id);
        if (!person) throw new ServiceError('not-found', { status: 404, title: 'No such person', detail: `no person with this id` });
        return person;
      }),
      implement(personAddress, () => ({ address: 'Kyiv' })),
      implement(statistics, () => ({ people: people.size })),
      implement(failing, () => {
        throw new Error('database on fire');
      }),
    ],
  });
  const transport = inProcessTransport([provider]);
  const client = (key: SigningKey = keys.platform, via: Transport = transport, log = clientLog) =>
    new Client({ signingKey: key, resolveKey: directory.resolveKey, transport: via, log });
  return { keys, directory, provider, providerLog, clientLog, client, transport, onInternalError };
}

async function thrown(promise: Promise<unknown>): Promise<ExchangeError | ServiceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExchangeError || error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('it succeeded');
}

// Twice: with the defaults, and verifying every signature in full on the thread pool.
const modes: [string, CryptoOptions][] = [
  ['defaults', {}],
  ['offloaded, verifying everything', { offload: 'always', recognizeOwnSignatures: false }],
];
describe.each(modes)('crypto: %s', (_, options) => {
  let previous: CryptoOptions;
  beforeAll(() => {
    previous = configureCrypto(options);
  });
  afterAll(() => {
    configureCrypto(previous);
  });

  describe('Provider and Client, in process', () => {
    it('a signed, purpose-bound call returns the verified body, and both ends log the pair', async () => {
      const w = world();
      const person: Person = await w.client().call('population', personRead, call);
      expect(person).toEqual(people.get('1234567890'));

      const result = await w.client().exchange('population', statistics, { purpose: 'statistics', caseId: 'report-7', body: null });
      expect(result.body).toEqual({ people: 1 });
      expect(result.response.envelope.requestHash).toBe(requestHash(result.request.jws));

      for (const log of [w.providerLog, w.clientLog]) {
        expect(log.entries).toHaveLength(2);
        expect(log.verify()).toEqual({ ok: true, count: 2, head: { seq: 2, hash: log.entries[1]!.hash } });
      }
      expect(w.providerLog.entries.map((e) => e.direction)).toEqual(['in', 'in']);
      expect(w.clientLog.entries.map((e) => e.direction)).toEqual(['out', 'out']);
      // The same signed pairs at both ends.
      expect(w.providerLog.entries.map((e) => [e.requestJws, e.responseJws])).toEqual(
        w.clientLog.entries.map((e) => [e.requestJws, e.responseJws]),
      );
    });

    it('types flow from the catalogue to both ends', () => {
      // Compile-time only (tsc checks it; never run).
      const typed = async (client: Client) => {
        const person: Person = await client.call('population', personRead, call);
        // @ts-expect-error the body of person.read is { id: string }
        await client.call('population', personRead, { ...call, body: { id: 1 } });
        // @ts-expect-error a Person has no address
        const address: string = (await client.call('population', personRead, call)).address;
        // @ts-expect-error the handler must return a Person
        implement(personRead, () => ({ address: 'Kyiv' }));
        return [person, address];
      };
      expect(typed).toBeTypeOf('function');
    });

    it('carries service errors signed, and hides unexpected failures', async () => {
      const w = world();
      const missing = await thrown(
        w.client().call('population', personRead, { ...call, citizen: '0000000000', body: { id: '0000000000' } }),
      );
      expect(missing).toBeInstanceOf(ServiceError);
      expect(missing).toMatchObject({ code: 'not-found', httpStatus: 404, remote: true, detail: 'no person with this id' });
      expect(missing.toProblem().type).toBe('urn:deed:problem:exchange-service-not-found');

      const invalid = await thrown(w.client().call('population', personRead, { ...call, body: { id: 'x' } }));
      expect(invalid).toMatchObject({ code: 'invalid-input', httpStatus: 400, detail: '"id" must be 10 digits' });
      const noCitizen = await thrown(w.client().call('population', personRead, { ...call, citizen: undefined }));
      expect(noCitizen).toMatchObject({ code: 'invalid-input', detail: expect.stringContaining('"citizen" is required') });
      const citizenNotWanted = await thrown(w.client().call('population', statistics, { ...call, purpose: 'statistics', body: null }));
      expect(citizenNotWanted).toMatchObject({ code: 'invalid-input', detail: expect.stringContaining('must be absent') });

      const internal = await thrown(w.client().call('population', failing, { purpose: 'statistics', caseId: 'c', body: null }));
      expect(internal).toBeInstanceOf(ExchangeError);
      expect(internal).toMatchObject({ code: 'internal', httpStatus: 500, remote: true });
      expect(internal.detail).not.toContain('fire');
      expect(w.onInternalError).toHaveBeenCalledOnce();

      // Granted, but not offered.
      expect(await thrown(w.client().call('population', 'person.gone', { purpose: 'statistics', caseId: 'c', body: null }))).toMatchObject({
        code: 'unknown-service',
        httpStatus: 404,
      });
      // Every one of these was an accepted request with a signed answer: logged at both ends.
      expect(w.providerLog.entries).toHaveLength(6);
      expect(w.clientLog.verify().ok && w.providerLog.verify().ok).toBe(true);
    });

    it('refuses replays: the same request twice, and a new request with a used id', async () => {
      const w = world();
      const request = await createRequest({ provider: 'population', service: 'person.read', ...call }, w.keys.platform);
      await w.provider.handle(request.jws);
      const again = await thrown(w.provider.handle(request.jws));
      expect(again).toMatchObject({ code: 'replayed', httpStatus: 409 });
      expect(again.detail).toBe(`request ${request.envelope.requestId} from "deed-platform" was received before`);

      const reused = await createRequest(
        { provider: 'population', service: 'person.read', ...call, caseId: 'case-2', requestId: request.envelope.requestId },
        w.keys.platform,
      );
      expect(reused.jws).not.toBe(request.jws);
      expect(await thrown(w.provider.handle(reused.jws))).toMatchObject({ code: 'replayed' });
      // Through the client too: the refusal reaches it as the provider's.
      const sent = await thrown(w.client().call('population', personRead, { ...call, requestId: request.envelope.requestId }));
      expect(sent).toMatchObject({ code: 'replayed', remote: true });
      // Only the first was answered; the client logged its attempt with no response.
      expect(w.providerLog.entries).toHaveLength(1);
      expect(w.clientLog.entries.map((e) => e.responseJws)).toEqual([null]);
    });

    it('refuses stale requests, past and future, through the provider', async () => {
      const w = world();
      const past = await createRequest({ provider: 'population', service: 'person.read', ...call }, w.keys.platform, {
        now: () => Date.now() - 120_000,
      });
      const future = await createRequest({ provider: 'population', service: 'person.read', ...call }, w.keys.platform, {
        now: () => Date.now() + 120_000,
      });
      expect(await thrown(w.provider.handle(past.jws))).toMatchObject({ code: 'stale', detail: expect.stringContaining('ago') });
      expect(await thrown(w.provider.handle(future.jws))).toMatchObject({ code: 'stale', detail: expect.stringContaining('future') });
      expect(w.providerLog.entries).toHaveLength(0);
    });

    it('refuses unauthorised requests: wrong service, wrong purpose, a member without rights', async () => {
      const w = world();
      const wrongService = await thrown(w.client().call('population', personAddress, call));
      expect(wrongService).toMatchObject({ code: 'unauthorised', httpStatus: 403, remote: true });
      expect(wrongService.detail).toBe('member "deed-platform" has no right to call "population" service "person.address"');

      const wrongPurpose = await thrown(w.client().call('population', personRead, { ...call, purpose: 'marketing' }));
      expect(wrongPurpose.detail).toBe(
        'member "deed-platform" may call "population" service "person.read" for purposes "document.passport.show", "service.prefill", not for "marketing"',
      );

      const tax = await thrown(w.client(w.keys.tax).call('population', personRead, call));
      expect(tax).toMatchObject({ code: 'unauthorised', detail: 'member "tax" has no access rights at "population"' });

      // A member not in the directory is not even authenticated.
      const bank = await thrown(w.client(generateSigningKey('bank', 'k1')).call('population', personRead, call));
      expect(bank).toMatchObject({ code: 'unknown-member', httpStatus: 401, remote: true });

      // Refusals of authenticated, fresh requests are signed answers, and logged at both ends.
      expect(w.providerLog.entries).toHaveLength(3);
      expect(w.providerLog.entries.every((e) => e.responseJws !== null)).toBe(true);
    });

    it('follows rights as an administrator changes them', async () => {
      let rights = new AccessRights([]);
      const w = world({ rights: () => rights });
      expect(await thrown(w.client().call('population', personRead, call))).toMatchObject({ code: 'unauthorised' });
      rights = new AccessRights(grants);
      expect((await w.client().call('population', personRead, call)).name).toBe('Olena Petrenko');
      expect(() =>
        checkRights(grants, { client: 'deed-platform', provider: 'population', service: 'person.read', purpose: 'statistics' }),
      ).toThrow(expect.objectContaining({ code: 'unauthorised' }));
      expect(() => new AccessRights([{ client: 'deed-platform', provider: 'population', service: '*', purposes: ['x'] }])).toThrow(
        /no wildcards/,
      );
      expect(() => new AccessRights([{ client: 'deed-platform', provider: 'population', service: 'a', purposes: [] }])).toThrow(
        /at least one/,
      );
    });

    it('refuses unsigned, wrongly signed, malformed, oversized and misdirected requests without a signed answer', async () => {
      const w = world();
      const { jws } = await createRequest({ provider: 'population', service: 'person.read', ...call }, w.keys.platform);
      const [header, payload] = jws.split('.') as [string, string, string];
      const bad = (
        await createRequest({ provider: 'population', service: 'person.read', ...call }, { ...w.keys.tax, member: 'deed-platform' })
      ).jws;
      const cases: [unknown, string][] = [
        [`${header}.${payload}.`, 'unsigned'],
        [bad, 'bad-signature'],
        ['{"not":"a jws"}', 'malformed'],
        [
          (await createRequest({ provider: 'population', service: 'person.read', ...call, body: 'x'.repeat(256 * 1024) }, w.keys.platform))
            .jws,
          'oversized',
        ],
        [(await createRequest({ provider: 'tax', service: 'person.read', ...call }, w.keys.platform)).jws, 'misdirected'],
      ];
      for (const [input, code] of cases) expect(await thrown(w.provider.handle(input))).toMatchObject({ code, remote: false });
      expect(w.providerLog.entries).toHaveLength(0);
    });

    it('the client refuses a response that answers another request, or was altered', async () => {
      const w = world();
      // A transport that hands back the answer to an earlier request.
      const earlier = await createRequest({ provider: 'population', service: 'person.read', ...call }, w.keys.platform);
      const earlierAnswer = await w.provider.handle(earlier.jws);
      const swapped = await thrown(w.client(w.keys.platform, async () => earlierAnswer).call('population', personRead, call));
      expect(swapped).toMatchObject({ code: 'bad-response', httpStatus: 502, remote: false });
      expect(swapped.detail).toContain('another client, service or request id');

      const altering: Transport = async (member, jws) => {
        const [h, p, s] = (await w.transport(member, jws)).split('.') as [string, string, string];
        const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
        payload.body.name = 'Somebody Else';
        return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
      };
      const altered = await thrown(w.client(w.keys.platform, altering).call('population', personRead, call));
      expect(altered).toMatchObject({ code: 'bad-response', detail: expect.stringContaining('bad-signature') });

      // The client logged what it received, so the evidence is kept; it does not verify, as it should not.
      const last = w.clientLog.entries.at(-1)!;
      expect(last.responseJws).toContain('.');
      expect(w.clientLog.verify().ok).toBe(true);
    });

    it('reports a failed transport as unavailable, and logs the attempt', async () => {
      const w = world();
      const down = await thrown(
        w
          .client(w.keys.platform, async () => {
            throw new Error('connect ECONNREFUSED');
          })
          .call('population', personRead, call),
      );
      expect(down).toMatchObject({ code: 'unavailable', httpStatus: 503, detail: 'no answer from "population": connect ECONNREFUSED' });
      expect(await thrown(w.client().call('vehicles', personRead, call))).toMatchObject({ code: 'unavailable' });
      expect(w.clientLog.entries.map((e) => e.responseJws)).toEqual([null, null]);
    });

    it('rotates keys: old and new keys both verify while both are published', async () => {
      const first = generateSigningKey('population', 'k1');
      const next = generateSigningKey('population', 'k2');
      let current = first;
      const w = world({ population: first, providerKey: () => current, extraKeys: [next] });
      const kidOf = (jws: string) => JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString()).kid;
      await w.client().call('population', personRead, call);
      current = next;
      await w.client().call('population', personRead, call);
      expect(w.clientLog.entries.map((e) => kidOf(e.responseJws!))).toEqual(['population/k1', 'population/k2']);
    });
  });

  describe('over HTTP (handleHttp and httpTransport)', () => {
    /** A fetch that is the HTTP server: what the Fastify route does with handleHttp. */
    function server(w: ReturnType<typeof world>, seen: string[] = []): FetchLike {
      return async (url, init) => {
        seen.push(`${init.method} ${url} ${init.headers['content-type']}`);
        const answer = await w.provider.handleHttp(Buffer.from(init.body, 'latin1'));
        return new Response(answer.body, { status: answer.status, headers: { 'content-type': answer.contentType } });
      };
    }

    it('answers with a signed JWS, with the status of its outcome', async () => {
      const w = world();
      const seen: string[] = [];
      const transport = httpTransport({ fetch: server(w, seen), baseUrl: (id) => w.directory.baseUrl(id) });
      expect((await w.client(w.keys.platform, transport).call('population', personRead, call)).name).toBe('Olena Petrenko');
      expect(seen).toEqual(['POST http://population.internal:8080/registers/population/exchange/v1 application/jose']);
      expect(await thrown(w.client(w.keys.platform, transport).call('population', personAddress, call))).toMatchObject({
        code: 'unauthorised',
        remote: true,
      });
      const { jws } = await createRequest({ provider: 'population', service: 'person.address', ...call }, w.keys.platform);
      const refused = await w.provider.handleHttp(jws);
      expect([refused.status, refused.contentType]).toEqual([403, 'application/jose']);
    });

    it('answers refusals without a signature as problem+json', async () => {
      const w = world();
      const answer = await w.provider.handleHttp('not a jws');
      expect(answer.error).toBeInstanceOf(ExchangeError);
      expect({ ...answer, error: undefined }).toEqual({
        error: undefined,
        status: 400,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'urn:deed:problem:exchange-malformed',
          title: 'Malformed exchange message',
          status: 400,
          detail: 'not a compact JWS: expected three base64url parts separated by dots',
        }),
      });
      expect((await w.provider.handleHttp(new Uint8Array(300 * 1024))).status).toBe(413);
      expect((await w.provider.handleHttp(Buffer.from('\u00ff.\u00ff.\u00ff', 'utf8'))).status).toBe(400);

      const transport = httpTransport({ fetch: server(w), baseUrl: (id) => w.directory.baseUrl(id) });
      const bank = await thrown(w.client(generateSigningKey('bank', 'k1'), transport).call('population', personRead, call));
      expect(bank).toMatchObject({ code: 'unknown-member', remote: true, detail: 'no published key "k1" for member "bank"' });
    });

    it('treats anything else as no answer', async () => {
      const w = world();
      const html: FetchLike = async () => new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } });
      const viaHtml = httpTransport({ fetch: html, baseUrl: () => 'http://x' });
      expect(await thrown(w.client(w.keys.platform, viaHtml).call('population', personRead, call))).toMatchObject({ code: 'unavailable' });
      const viaNowhere = httpTransport({ fetch: html, baseUrl: () => undefined });
      expect(await thrown(w.client(w.keys.platform, viaNowhere).call('population', personRead, call))).toMatchObject({
        code: 'unavailable',
        detail: expect.stringContaining('no base URL'),
      });
      const huge: FetchLike = async () => new Response('x'.repeat(1024 * 1024), { headers: { 'content-type': 'application/jose' } });
      expect(
        await thrown(
          w.client(w.keys.platform, httpTransport({ fetch: huge, baseUrl: () => 'http://x' })).call('population', personRead, call),
        ),
      ).toMatchObject({
        code: 'bad-response',
        detail: expect.stringContaining('oversized'),
      });
    });
  });

  describe('message logs of a busy exchange', () => {
    it('stay intact under concurrent calls', async () => {
      const w = world();
      await Promise.all(Array.from({ length: 50 }, () => w.client().call('population', personRead, call)));
      expect(verifyLog(w.providerLog.entries)).toMatchObject({ ok: true, count: 50 });
      expect(verifyLog(w.clientLog.entries)).toMatchObject({ ok: true, count: 50 });
    });
  });
});
