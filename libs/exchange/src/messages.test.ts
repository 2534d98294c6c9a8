import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import * as jose from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Directory,
  ExchangeError,
  REQUEST_TYP,
  RESPONSE_TYP,
  createRequest,
  createResponse,
  generateSigningKey,
  openRequest,
  openResponse,
  publicJwk,
  requestHash,
  configureCrypto,
  type CryptoOptions,
  type RequestEnvelope,
  type SigningKey,
} from './index.js';

const platform = generateSigningKey('deed-platform', 'k1');
const population = generateSigningKey('population', 'k1');
const stranger = generateSigningKey('population', 'k1'); // same kid, a key nobody published
const directory = new Directory([
  { id: 'deed-platform', name: 'Deed platform', keys: [publicJwk(platform)] },
  { id: 'population', name: 'Population register', keys: [publicJwk(population)], services: ['person.read'] },
]);
const resolveKey = directory.resolveKey;

const fields = {
  provider: 'population',
  service: 'person.read',
  purpose: 'document.passport.show',
  citizen: '1234567890',
  caseId: 'case-1',
  body: { id: '1234567890' },
};

const b64 = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/** A compact JWS from raw parts, signed by `key` (or with the given signature). */
function forge(header: object, payload: string, key?: SigningKey): string {
  const input = `${b64(JSON.stringify(header))}.${b64(payload)}`;
  return `${input}.${key ? sign(null, Buffer.from(input), key.privateKey).toString('base64url') : ''}`;
}

const requestHeader = { alg: 'EdDSA', kid: 'deed-platform/k1', typ: REQUEST_TYP };
function payloadOf(overrides: Record<string, unknown> = {}, drop: string[] = []): string {
  const payload: Record<string, unknown> = {
    v: 1,
    client: 'deed-platform',
    ...fields,
    requestId: randomUUID(),
    iat: Math.floor(Date.now() / 1000),
    ...overrides,
  };
  for (const field of drop) delete payload[field];
  return JSON.stringify(payload);
}

async function refusal(jws: unknown, options: Partial<Parameters<typeof openRequest>[1]> = {}): Promise<ExchangeError> {
  try {
    await openRequest(jws, { resolveKey, provider: 'population', ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(ExchangeError);
    return error as ExchangeError;
  }
  throw new Error('the request was accepted');
}

// Every test runs three times: Ed25519 on the event loop's thread, on libuv's thread pool, and
// with the defaults (messages signed here are recognized instead of verified again).
const modes: [string, CryptoOptions][] = [
  ['on this thread, verifying everything', { offload: 'never', recognizeOwnSignatures: false }],
  ['on the thread pool, verifying everything', { offload: 'always', recognizeOwnSignatures: false }],
  ['with the defaults', {}],
];
describe.each(modes)('Ed25519 %s', (_, options) => {
  let previous: CryptoOptions;
  beforeAll(() => {
    previous = configureCrypto(options);
  });
  afterAll(() => {
    configureCrypto(previous);
  });

  describe('requests', () => {
    it('round-trips: what is signed is what is opened', async () => {
      const { jws, envelope } = await createRequest(fields, platform);
      expect(jws.split('.')).toHaveLength(3);
      const header = JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString());
      expect(header).toEqual({ alg: 'EdDSA', kid: 'deed-platform/k1', typ: REQUEST_TYP });
      expect(envelope).toMatchObject({ v: 1, client: 'deed-platform', ...fields });
      expect(envelope.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(Number.isInteger(envelope.iat)).toBe(true);
      expect(await openRequest(jws, { resolveKey, provider: 'population' })).toEqual(envelope);
    });

    it('refuses unsigned requests: alg none, a stripped or an empty signature', async () => {
      const none = forge({ ...requestHeader, alg: 'none' }, payloadOf());
      expect((await refusal(none)).code).toBe('unsigned');
      const { jws } = await createRequest(fields, platform);
      const stripped = jws.slice(0, jws.lastIndexOf('.') + 1);
      const error = await refusal(stripped);
      expect(error.code).toBe('unsigned');
      expect(error.httpStatus).toBe(401);
      expect(error.toProblem()).toEqual({
        type: 'urn:deed:problem:exchange-unsigned',
        title: 'Exchange message is not signed',
        status: 401,
        detail: 'the JWS signature is empty',
      });
      // Without the last dot it is not a compact JWS at all.
      expect((await refusal(jws.slice(0, jws.lastIndexOf('.')))).code).toBe('malformed');
    });

    it('refuses wrongly signed requests: another key, an altered payload, another algorithm, another member', async () => {
      expect((await refusal(forge(requestHeader, payloadOf(), { ...stranger, member: 'deed-platform' }))).code).toBe('bad-signature');

      const { jws } = await createRequest(fields, platform);
      const [header, payload, signature] = jws.split('.') as [string, string, string];
      const altered = JSON.parse(Buffer.from(payload, 'base64url').toString());
      altered.purpose = 'tax.audit';
      const error = await refusal(`${header}.${b64(JSON.stringify(altered))}.${signature}`);
      expect(error.code).toBe('bad-signature');
      expect(error.detail).toContain('deed-platform/k1');

      // A signature bit flipped; the same signature in a non-canonical base64url spelling.
      const flipped = Buffer.from(signature, 'base64url');
      flipped[0]! ^= 1;
      expect((await refusal(`${header}.${payload}.${flipped.toString('base64url')}`)).code).toBe('bad-signature');
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const respelled = signature.slice(0, -1) + alphabet[alphabet.indexOf(signature.at(-1)!) | 1];
      expect(Buffer.from(respelled, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
      expect((await refusal(`${header}.${payload}.${respelled}`)).code).toBe('bad-signature');

      expect((await refusal(forge({ ...requestHeader, alg: 'HS256' }, payloadOf(), platform))).code).toBe('bad-signature');

      // Population signs a request that claims to come from the platform.
      const impostor = forge({ ...requestHeader, kid: 'population/k1' }, payloadOf(), population);
      const claimed = await refusal(impostor);
      expect(claimed.code).toBe('bad-signature');
      expect(claimed.detail).toBe('signed by member "population" but names client "deed-platform"');
    });

    it('refuses requests from unknown members or keys', async () => {
      const outsider = generateSigningKey('bank', 'k1');
      expect((await refusal((await createRequest(fields, outsider)).jws)).code).toBe('unknown-member');
      const unpublished = generateSigningKey('deed-platform', 'k9');
      const error = await refusal((await createRequest(fields, unpublished)).jws);
      expect(error.code).toBe('unknown-member');
      expect(error.detail).toBe('no published key "k9" for member "deed-platform"');
    });

    it('refuses malformed requests: not a JWS, bad JSON, missing fields, wrong types', async () => {
      const cases: [unknown, RegExp][] = [
        ['hello', /compact JWS/],
        [42, /string/],
        ['a.b.c.d', /compact JWS/],
        ['!!!.e30.AAAA', /header/],
        [`${b64('not json')}.e30.AAAA`, /header/],
        [forge(requestHeader, '{"v":1,', platform), /not UTF-8 JSON/],
        [forge(requestHeader, '[1,2]', platform), /must be a JSON object/],
        [forge(requestHeader, payloadOf({}, ['caseId']), platform), /"caseId"/],
        [forge(requestHeader, payloadOf({}, ['body']), platform), /"body" is required/],
        [forge(requestHeader, payloadOf({ iat: String(Math.floor(Date.now() / 1000)) }), platform), /"iat"/],
        [forge(requestHeader, payloadOf({ iat: Date.now() / 1000 }), platform), /"iat"/],
        [forge(requestHeader, payloadOf({ citizen: 1234567890 }), platform), /"citizen"/],
        [forge(requestHeader, payloadOf({ requestId: 'ABCDEF01-0000-4000-8000-000000000000' }), platform), /"requestId"/],
        [forge(requestHeader, payloadOf({ purpose: 'Any Purpose' }), platform), /"purpose"/],
        [forge(requestHeader, payloadOf({ v: 2 }), platform), /"v"/],
        [forge(requestHeader, payloadOf({ extra: true }), platform), /unknown field "extra"/],
        [forge({ ...requestHeader, typ: RESPONSE_TYP }, payloadOf(), platform), /typ/],
        [forge({ ...requestHeader, crit: ['exp'] }, payloadOf(), platform), /crit/],
        [forge({ ...requestHeader, jwk: publicJwk(stranger) }, payloadOf(), platform), /unsupported parameter "jwk"/],
        [forge({ ...requestHeader, kid: 'k1' }, payloadOf(), platform), /kid/],
      ];
      for (const [jws, detail] of cases) {
        const error = await refusal(jws);
        expect([error.code, error.detail]).toEqual(['malformed', expect.stringMatching(detail)]);
        expect(error.httpStatus).toBe(400);
      }
    });

    it('refuses oversized requests before looking inside them', async () => {
      const { jws } = await createRequest({ ...fields, body: { photo: 'x'.repeat(300 * 1024) } }, platform);
      const error = await refusal(jws);
      expect(error.code).toBe('oversized');
      expect(error.httpStatus).toBe(413);
      expect((await refusal('x'.repeat(1001), { maxBytes: 1000 })).code).toBe('oversized');
      expect((await openRequest(jws, { resolveKey, maxBytes: 1024 * 1024 })).body).toEqual({ photo: 'x'.repeat(300 * 1024) });
    });

    it('refuses requests outside the time window, past and future', async () => {
      const now = Date.now();
      const old = (await createRequest(fields, platform, { now: () => now - 61_000 })).jws;
      const early = (await createRequest(fields, platform, { now: () => now + 61_000 })).jws;
      const past = await refusal(old, { now: () => now });
      expect([past.code, past.detail, past.httpStatus]).toEqual(['stale', 'issued 61 s ago; requests are accepted for 60 s', 400]);
      const future = await refusal(early, { now: () => now });
      expect([future.code, future.detail]).toEqual(['stale', 'issued 61 s in the future; clocks may differ by at most 60 s']);
      // Just inside the window, both ways; and a narrower window.
      await expect(
        openRequest((await createRequest(fields, platform, { now: () => now - 59_000 })).jws, { resolveKey, now: () => now }),
      ).resolves.toBeTruthy();
      await expect(
        openRequest((await createRequest(fields, platform, { now: () => now + 59_000 })).jws, { resolveKey, now: () => now }),
      ).resolves.toBeTruthy();
      expect(
        (await refusal((await createRequest(fields, platform, { now: () => now - 6_000 })).jws, { now: () => now, skewSeconds: 5 })).code,
      ).toBe('stale');
    });

    it('refuses a request addressed to another provider', async () => {
      const error = await refusal((await createRequest({ ...fields, provider: 'tax' }, platform)).jws);
      expect([error.code, error.httpStatus]).toEqual(['misdirected', 421]);
    });

    it('refuses bad fields when creating a request (a caller bug, not a protocol error)', async () => {
      await expect(createRequest({ ...fields, purpose: 'Bad Purpose' }, platform)).rejects.toThrow(TypeError);
      await expect(createRequest({ ...fields, caseId: '' }, platform)).rejects.toThrow(TypeError);
      await expect(createRequest({ ...fields, citizen: 'has space' }, platform)).rejects.toThrow(TypeError);
      await expect(createRequest({ ...fields, requestId: 'not-a-uuid' }, platform)).rejects.toThrow(TypeError);
      await expect(createRequest({ ...fields, provider: 'Population' }, platform)).rejects.toThrow(TypeError);
    });
  });

  describe('responses', () => {
    async function answered(body: unknown = { name: 'Olena' }) {
      const request = await createRequest(fields, platform);
      const envelope = await openRequest(request.jws, { resolveKey, provider: 'population' });
      const response = await createResponse({ jws: request.jws, envelope }, { status: 'ok', body }, population);
      return { request, response };
    }

    it('binds the answer to the question', async () => {
      const { request, response } = await answered();
      expect(response.envelope).toMatchObject({
        v: 1,
        provider: 'population',
        client: 'deed-platform',
        service: 'person.read',
        requestId: request.envelope.requestId,
        requestHash: requestHash(request.jws),
        status: 'ok',
        body: { name: 'Olena' },
      });
      expect(await openResponse(response.jws, request, { resolveKey })).toEqual(response.envelope);
    });

    it('refuses a response to another request', async () => {
      const first = await answered();
      const second = await answered();
      const error = await (async () => {
        try {
          await openResponse(second.response.jws, first.request, { resolveKey });
        } catch (e) {
          return e as ExchangeError;
        }
        throw new Error('accepted');
      })();
      expect(error.code).toBe('bad-response');
      // Even with the same request id, a different request (here, another purpose) is another question.
      const sameId: RequestEnvelope = { ...first.request.envelope };
      const other = await createRequest({ ...fields, purpose: 'tax.audit', requestId: sameId.requestId }, platform);
      await expect(openResponse(first.response.jws, other, { resolveKey })).rejects.toThrow(/requestHash differs/);
    });

    it('refuses an altered response, and one signed by another member', async () => {
      const { request, response } = await answered();
      const [header, payload, signature] = response.jws.split('.') as [string, string, string];
      const altered = { ...response.envelope, body: { name: 'Someone else' } };
      await expect(openResponse(`${header}.${b64(JSON.stringify(altered))}.${signature}`, request, { resolveKey })).rejects.toThrow(
        expect.objectContaining({ code: 'bad-signature' }),
      );
      const byPlatform = forge(
        { alg: 'EdDSA', kid: 'deed-platform/k1', typ: RESPONSE_TYP },
        Buffer.from(payload, 'base64url').toString(),
        platform,
      );
      await expect(openResponse(byPlatform, request, { resolveKey })).rejects.toThrow(expect.objectContaining({ code: 'bad-response' }));
      // A request is not a response.
      await expect(openResponse(request.jws, request, { resolveKey })).rejects.toThrow(expect.objectContaining({ code: 'malformed' }));
    });

    it('carries error outcomes', async () => {
      const request = await createRequest(fields, platform);
      const envelope = await openRequest(request.jws, { resolveKey });
      const error = { code: 'not-found', title: 'No such person', status: 404 };
      const response = await createResponse({ jws: request.jws, envelope }, { status: 'error', error }, population);
      expect(await openResponse(response.jws, request, { resolveKey })).toMatchObject({ status: 'error', error });
      await expect(createResponse({ jws: request.jws, envelope }, { status: 'ok', body: null }, platform)).rejects.toThrow(TypeError);
    });
  });

  describe('keys', () => {
    it('verifies with every published key of a member (rotation)', async () => {
      const next = generateSigningKey('population', 'k2');
      const rotated = new Directory([
        { id: 'deed-platform', name: 'Deed platform', keys: [publicJwk(platform)] },
        { id: 'population', name: 'Population register', keys: [publicJwk(population), publicJwk(next)] },
      ]);
      for (const key of [population, next]) {
        const request = await createRequest({ ...fields, provider: 'deed-platform' }, key);
        expect((await openRequest(request.jws, { resolveKey: rotated.resolveKey, provider: 'deed-platform' })).client).toBe('population');
      }
      // Once the old key is withdrawn from the directory, what it signs is refused.
      const withdrawn = new Directory([{ id: 'population', name: 'Population register', keys: [publicJwk(next)] }]);
      await expect(
        openRequest((await createRequest({ ...fields, provider: 'deed-platform' }, population)).jws, { resolveKey: withdrawn.resolveKey }),
      ).rejects.toThrow(expect.objectContaining({ code: 'unknown-member' }));
    });

    it('never takes a message signed here for valid under another key', async () => {
      const { jws } = await createRequest(fields, platform);
      const impostorKey = publicJwk({ ...stranger, member: 'deed-platform' });
      await expect(openRequest(jws, { resolveKey: () => impostorKey })).rejects.toThrow(expect.objectContaining({ code: 'bad-signature' }));
      expect((await openRequest(jws, { resolveKey })).client).toBe('deed-platform');
      // Verified once more (now in full): still valid.
      expect((await openRequest(jws, { resolveKey })).client).toBe('deed-platform');
    });

    it('accepts JWKs and KeyObjects from a resolver, and refuses keys that are not Ed25519', async () => {
      const { jws } = await createRequest(fields, platform);
      const jwk = publicJwk(platform);
      expect((await openRequest(jws, { resolveKey: () => jwk })).client).toBe('deed-platform');
      const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
      await expect(openRequest(jws, { resolveKey: () => p256 })).rejects.toThrow(expect.objectContaining({ code: 'unknown-member' }));
      await expect(openRequest(jws, { resolveKey: () => ({ kty: 'OKP', crv: 'X25519', x: jwk.x }) })).rejects.toThrow(
        expect.objectContaining({ code: 'unknown-member' }),
      );
    });

    it('validates the directory', async () => {
      const jwk = publicJwk(platform);
      expect(() => new Directory([{ id: 'Bad Id', name: 'x', keys: [jwk] }])).toThrow(TypeError);
      expect(() => new Directory([{ id: 'a', name: 'x', keys: [] }])).toThrow(/at least one/);
      expect(() => new Directory([{ id: 'a', name: 'x', keys: [jwk, jwk] }])).toThrow(/twice/);
      expect(() => new Directory([{ id: 'a', name: 'x', keys: [jwk], baseUrl: 'ftp://x' }])).toThrow(/baseUrl/);
      expect(directory.baseUrl('population')).toBeUndefined();
      expect(directory.provides('population', 'person.read')).toBe(true);
      expect(JSON.parse(JSON.stringify(directory)).members).toHaveLength(2);
    });
  });

  describe('interoperability with jose (RFC 7515, RFC 8037)', () => {
    it('jose verifies our requests and responses', async () => {
      const { jws } = await createRequest(fields, platform);
      const key = await jose.importJWK(publicJwk(platform), 'EdDSA');
      const verified = await jose.compactVerify(jws, key);
      expect(verified.protectedHeader).toEqual({ alg: 'EdDSA', kid: 'deed-platform/k1', typ: REQUEST_TYP });
      expect(JSON.parse(new TextDecoder().decode(verified.payload)).requestId).toBeTruthy();
    });

    it('we verify what jose signs', async () => {
      const jws = await new jose.CompactSign(new TextEncoder().encode(payloadOf()))
        .setProtectedHeader({ alg: 'EdDSA', kid: 'deed-platform/k1', typ: REQUEST_TYP })
        .sign(platform.privateKey);
      expect((await openRequest(jws, { resolveKey, provider: 'population' })).client).toBe('deed-platform');
    });
  });
});
