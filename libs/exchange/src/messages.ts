/**
 * The two messages of the protocol: a request signed by the client member and a response signed
 * by the provider member, each a compact JWS (docs/exchange.md, "Messages").
 */
import { hash, randomUUID } from 'node:crypto';
import { ExchangeError, isExchangeErrorCode } from './errors.js';
import { signCompact, verifyCompact } from './jws.js';
import { MEMBER_ID, assertMemberId, checkSigningKey, type KeyResolver, type SigningKey } from './keys.js';

export const PROTOCOL_VERSION = 1;
export const REQUEST_TYP = 'deed-exchange-request+jws';
export const RESPONSE_TYP = 'deed-exchange-response+jws';
/** Accepted distance between a request's `iat` and the provider's clock, either way. */
export const DEFAULT_SKEW_SECONDS = 60;
/** Largest accepted message (the compact JWS string), requests and responses alike. */
export const DEFAULT_MAX_BYTES = 256 * 1024;

/** Service names and purposes: dot-separated lowercase words (`person.read`, `document.passport.show`). */
export const NAME = /^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)*$/;
const MAX_NAME = 128;
/** Citizen ids and case ids: opaque, printable ASCII without spaces, 1-128 characters. */
export const OPAQUE_ID = /^[\x21-\x7e]{1,128}$/;
/** Request ids: a UUID in its lowercase canonical form (so one id has one spelling in the replay store). */
export const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ERROR_CODE = /^[a-z][a-z0-9-]{0,63}$/;

/** A JSON value: what a body may be. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The payload of a request JWS. */
export interface RequestEnvelope<Body = unknown> {
  v: 1;
  /** The member that asks (and signed). */
  client: string;
  /** The member asked. */
  provider: string;
  service: string;
  /** Why: a purpose code that access rights name. */
  purpose: string;
  /** The citizen on whose behalf, if any (an opaque id). */
  citizen?: string;
  /** The case (application, document view, check...) this request belongs to. */
  caseId: string;
  /** A UUID, unique per client: the replay key. */
  requestId: string;
  /** Issued at: unix time in seconds (an integer, as JWT's NumericDate). */
  iat: number;
  body: Body;
}

export interface ErrorInfo {
  /** An exchange error code (ExchangeErrorCode) or the service's own. */
  code: string;
  title: string;
  detail?: string;
  /** The HTTP status that goes with the code. */
  status: number;
}

interface ResponseBase {
  v: 1;
  provider: string;
  client: string;
  service: string;
  requestId: string;
  /** base64url(SHA-256(the request JWS, as received)): binds the answer to the question. */
  requestHash: string;
  /** Unix time in seconds. */
  iat: number;
}

/** The payload of a response JWS. */
export type ResponseEnvelope<Body = unknown> =
  (ResponseBase & { status: 'ok'; body: Body }) | (ResponseBase & { status: 'error'; error: ErrorInfo });

/** What a provider answers: a body, or an error. */
export type Outcome = { status: 'ok'; body: unknown } | { status: 'error'; error: ErrorInfo };

/** A signed message with its parsed payload. */
export interface Signed<Envelope> {
  jws: string;
  envelope: Envelope;
}

export interface RequestFields {
  provider: string;
  service: string;
  purpose: string;
  citizen?: string | undefined;
  caseId: string;
  /** Default: a random UUID. */
  requestId?: string;
  /** The body (JSON-serializable); default null. */
  body?: unknown;
}

export interface ClockOptions {
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
}

export interface OpenOptions {
  /** The sender's public key by (member, key id). */
  resolveKey: KeyResolver;
  /** Largest accepted JWS, in bytes. Default 256 KiB. */
  maxBytes?: number;
}

export interface OpenRequestOptions extends OpenOptions, ClockOptions {
  /** The member receiving the request: a request naming another provider is refused (misdirected). */
  provider?: string;
  /** Accepted clock distance, seconds, either way. Default 60. */
  skewSeconds?: number;
}

const seconds = (now: () => number): number => Math.floor(now() / 1000);

/** base64url(SHA-256(requestJws)): the `requestHash` of a response. */
export function requestHash(requestJws: string): string {
  return hash('sha256', requestJws, 'base64url');
}

function checkName(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string' || value.length > MAX_NAME || !NAME.test(value)) {
    throw new TypeError(
      `${what} must be dot-separated lowercase words (${NAME}), at most ${MAX_NAME} characters: ${JSON.stringify(value)}`,
    );
  }
}

/**
 * Makes and signs a request from the key's member. Rejects with TypeError on bad fields (a
 * caller's bug). Like every signature and verification here, the Ed25519 work may run on
 * libuv's thread pool, off the event loop (configureCrypto).
 */
export async function createRequest(fields: RequestFields, key: SigningKey, options: ClockOptions = {}): Promise<Signed<RequestEnvelope>> {
  checkSigningKey(key);
  assertMemberId(fields.provider, 'provider');
  checkName(fields.service, 'service');
  checkName(fields.purpose, 'purpose');
  if (fields.citizen !== undefined && (typeof fields.citizen !== 'string' || !OPAQUE_ID.test(fields.citizen))) {
    throw new TypeError(`citizen must be 1-128 printable ASCII characters without spaces`);
  }
  if (typeof fields.caseId !== 'string' || !OPAQUE_ID.test(fields.caseId)) {
    throw new TypeError(`caseId must be 1-128 printable ASCII characters without spaces: ${JSON.stringify(fields.caseId)}`);
  }
  const requestId = fields.requestId ?? randomUUID();
  if (!REQUEST_ID.test(requestId)) throw new TypeError(`requestId must be a lowercase UUID: ${JSON.stringify(requestId)}`);
  const envelope: RequestEnvelope = {
    v: PROTOCOL_VERSION,
    client: key.member,
    provider: fields.provider,
    service: fields.service,
    purpose: fields.purpose,
    ...(fields.citizen === undefined ? {} : { citizen: fields.citizen }),
    caseId: fields.caseId,
    requestId,
    iat: seconds(options.now ?? Date.now),
    body: fields.body === undefined ? null : fields.body,
  };
  return { jws: await signCompact(key, REQUEST_TYP, JSON.stringify(envelope)), envelope };
}

const REQUEST_FIELDS = new Set(['v', 'client', 'provider', 'service', 'purpose', 'citizen', 'caseId', 'requestId', 'iat', 'body']);
const RESPONSE_FIELDS = new Set(['v', 'provider', 'client', 'service', 'requestId', 'requestHash', 'iat', 'status', 'body', 'error']);

function malformed(detail: string): ExchangeError {
  return new ExchangeError('malformed', detail);
}

function expectObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed(`${what} must be a JSON object`);
  return value as Record<string, unknown>;
}

function onlyKnownFields(object: Record<string, unknown>, known: Set<string>, what: string): void {
  for (const key in object) if (!known.has(key)) throw malformed(`${what} has an unknown field "${key}"`);
}

function expect(ok: boolean, field: string, rule: string): void {
  if (!ok) throw malformed(`field "${field}" ${rule}`);
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_NAME && NAME.test(value);
}

const isMember = (value: unknown): value is string => typeof value === 'string' && MEMBER_ID.test(value);
const isTime = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function validateRequest(payload: unknown): RequestEnvelope {
  const p = expectObject(payload, 'the request payload');
  onlyKnownFields(p, REQUEST_FIELDS, 'the request payload');
  expect(p.v === PROTOCOL_VERSION, 'v', `must be ${PROTOCOL_VERSION}`);
  expect(isMember(p.client), 'client', 'must be a member id');
  expect(isMember(p.provider), 'provider', 'must be a member id');
  expect(isName(p.service), 'service', 'must be a service name (dot-separated lowercase words)');
  expect(isName(p.purpose), 'purpose', 'must be a purpose code (dot-separated lowercase words)');
  expect(
    p.citizen === undefined || (typeof p.citizen === 'string' && OPAQUE_ID.test(p.citizen)),
    'citizen',
    'must be 1-128 printable ASCII characters, or absent',
  );
  expect(typeof p.caseId === 'string' && OPAQUE_ID.test(p.caseId), 'caseId', 'must be 1-128 printable ASCII characters');
  expect(typeof p.requestId === 'string' && REQUEST_ID.test(p.requestId), 'requestId', 'must be a lowercase UUID');
  expect(isTime(p.iat), 'iat', 'must be unix time in whole seconds');
  expect('body' in p, 'body', 'is required (null for none)');
  return p as unknown as RequestEnvelope;
}

/**
 * Verifies and parses a request: size, JWS form, signature with the client's published key,
 * signer = client, fields, provider (if given) and the time window. Throws ExchangeError:
 * oversized, malformed, unsigned, bad-signature, unknown-member, misdirected, stale.
 * Replay and access rights are the caller's next steps (ReplayGuard, checkRights).
 */
export async function openRequest(jws: unknown, options: OpenRequestOptions): Promise<RequestEnvelope> {
  const { member, payload } = await verifyCompact(jws, REQUEST_TYP, options.resolveKey, options.maxBytes ?? DEFAULT_MAX_BYTES);
  const envelope = validateRequest(payload);
  if (envelope.client !== member) {
    throw new ExchangeError('bad-signature', `signed by member "${member}" but names client "${envelope.client}"`);
  }
  if (options.provider !== undefined && envelope.provider !== options.provider) {
    throw new ExchangeError('misdirected', `the request is for "${envelope.provider}", not "${options.provider}"`);
  }
  const skew = options.skewSeconds ?? DEFAULT_SKEW_SECONDS;
  const age = seconds(options.now ?? Date.now) - envelope.iat;
  if (age > skew) throw new ExchangeError('stale', `issued ${age} s ago; requests are accepted for ${skew} s`);
  if (age < -skew) throw new ExchangeError('stale', `issued ${-age} s in the future; clocks may differ by at most ${skew} s`);
  return envelope;
}

function checkErrorInfo(error: ErrorInfo): ErrorInfo {
  if (
    !ERROR_CODE.test(error.code) ||
    typeof error.title !== 'string' ||
    !Number.isInteger(error.status) ||
    error.status < 400 ||
    error.status > 599
  ) {
    throw new TypeError(`an error outcome needs a code (${ERROR_CODE}), a title and a 4xx/5xx status`);
  }
  return {
    code: error.code,
    title: error.title,
    ...(error.detail === undefined ? {} : { detail: error.detail }),
    status: error.status,
  };
}

/**
 * Makes and signs the provider's answer to a request it opened. The key's member must be the
 * request's provider. Throws TypeError on a caller's bug, and whatever JSON.stringify throws
 * for a body that is not JSON (a BigInt, a cycle).
 */
export async function createResponse(
  request: Signed<RequestEnvelope>,
  outcome: Outcome,
  key: SigningKey,
  options: ClockOptions = {},
): Promise<Signed<ResponseEnvelope>> {
  checkSigningKey(key);
  if (key.member !== request.envelope.provider) {
    throw new TypeError(`member "${key.member}" cannot answer a request addressed to "${request.envelope.provider}"`);
  }
  const base: ResponseBase = {
    v: PROTOCOL_VERSION,
    provider: key.member,
    client: request.envelope.client,
    service: request.envelope.service,
    requestId: request.envelope.requestId,
    requestHash: requestHash(request.jws),
    iat: seconds(options.now ?? Date.now),
  };
  const envelope: ResponseEnvelope =
    outcome.status === 'ok'
      ? { ...base, status: 'ok', body: outcome.body === undefined ? null : outcome.body }
      : { ...base, status: 'error', error: checkErrorInfo(outcome.error) };
  return { jws: await signCompact(key, RESPONSE_TYP, JSON.stringify(envelope)), envelope };
}

function validateResponse(payload: unknown): ResponseEnvelope {
  const p = expectObject(payload, 'the response payload');
  onlyKnownFields(p, RESPONSE_FIELDS, 'the response payload');
  expect(p.v === PROTOCOL_VERSION, 'v', `must be ${PROTOCOL_VERSION}`);
  expect(isMember(p.provider), 'provider', 'must be a member id');
  expect(isMember(p.client), 'client', 'must be a member id');
  expect(isName(p.service), 'service', 'must be a service name');
  expect(typeof p.requestId === 'string' && REQUEST_ID.test(p.requestId), 'requestId', 'must be a lowercase UUID');
  expect(typeof p.requestHash === 'string' && /^[A-Za-z0-9_-]{43}$/.test(p.requestHash), 'requestHash', 'must be a base64url SHA-256');
  expect(isTime(p.iat), 'iat', 'must be unix time in whole seconds');
  if (p.status === 'ok') {
    expect('body' in p, 'body', 'is required when status is "ok"');
    expect(!('error' in p), 'error', 'must be absent when status is "ok"');
  } else if (p.status === 'error') {
    expect(!('body' in p), 'body', 'must be absent when status is "error"');
    const e = expectObject(p.error, 'field "error"');
    onlyKnownFields(e, new Set(['code', 'title', 'detail', 'status']), 'field "error"');
    expect(typeof e.code === 'string' && ERROR_CODE.test(e.code), 'error.code', 'must be an error code');
    expect(typeof e.title === 'string', 'error.title', 'must be a string');
    expect(e.detail === undefined || typeof e.detail === 'string', 'error.detail', 'must be a string or absent');
    expect(Number.isInteger(e.status) && (e.status as number) >= 400 && (e.status as number) <= 599, 'error.status', 'must be 400-599');
  } else {
    expect(false, 'status', 'must be "ok" or "error"');
  }
  return p as unknown as ResponseEnvelope;
}

/**
 * Verifies a response against the request it answers: signature with the provider's published
 * key, signer = the request's provider, and client, service, requestId and requestHash all
 * those of this request. Throws ExchangeError: oversized, malformed, unsigned, bad-signature,
 * unknown-member (the response itself), bad-response (a valid response, but to another request).
 */
export async function openResponse(jws: unknown, request: Signed<RequestEnvelope>, options: OpenOptions): Promise<ResponseEnvelope> {
  const { member, payload } = await verifyCompact(jws, RESPONSE_TYP, options.resolveKey, options.maxBytes ?? DEFAULT_MAX_BYTES);
  const envelope = validateResponse(payload);
  const asked = request.envelope;
  if (member !== asked.provider || envelope.provider !== asked.provider) {
    throw new ExchangeError(
      'bad-response',
      `the response is signed by "${member}" for provider "${envelope.provider}"; the request went to "${asked.provider}"`,
    );
  }
  if (envelope.client !== asked.client || envelope.service !== asked.service || envelope.requestId !== asked.requestId) {
    throw new ExchangeError('bad-response', 'the response names another client, service or request id than the request');
  }
  if (envelope.requestHash !== requestHash(request.jws)) {
    throw new ExchangeError('bad-response', 'the response answers another request (requestHash differs)');
  }
  return envelope;
}

/** True if an error outcome's code is one of the exchange's own (not a service's). */
export function isProtocolError(error: ErrorInfo): boolean {
  return isExchangeErrorCode(error.code);
}
