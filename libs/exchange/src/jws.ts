/**
 * The one JWS profile the exchange uses (RFC 7515 compact serialization, RFC 8037 EdDSA with
 * Ed25519), implemented on node:crypto's Ed25519: about 2 times faster per operation than
 * jose's WebCrypto path, which matters on the exchange's hot path. Interoperability with
 * jose is tested both ways. Only what the profile needs: a protected header of exactly alg, kid
 * and typ (so no `crit` extensions, unencoded payloads, or embedded or remote keys).
 */
import { createPublicKey, sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';
import { ExchangeError } from './errors.js';
import { KEY_ID, MEMBER_ID, importPublicKey, type KeyResolver, type SigningKey } from './keys.js';

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function b64u(input: string | Uint8Array): string {
  return (typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.byteLength)).toString(
    'base64url',
  );
}

function b64uDecode(segment: string): Buffer | undefined {
  if (segment.length % 4 === 1 || !BASE64URL.test(segment)) return undefined;
  return Buffer.from(segment, 'base64url');
}

// The protected header is the same for every message a key signs of one type: encoded once.
const headers = new WeakMap<SigningKey, Map<string, string>>();

function encodedHeader(key: SigningKey, typ: string): string {
  let byTyp = headers.get(key);
  if (byTyp === undefined) headers.set(key, (byTyp = new Map()));
  let header = byTyp.get(typ);
  if (header === undefined) {
    header = b64u(JSON.stringify({ alg: 'EdDSA', kid: `${key.member}/${key.kid}`, typ }));
    byTyp.set(typ, header);
  }
  return header;
}

/**
 * How the Ed25519 work is done (process-wide; see configureCrypto).
 *
 * Where: on this thread one signature costs ~40 us and one verification ~110 us; on libuv's
 * thread pool they run beside the event loop (on another core, if one is free) but each costs a
 * thread hop. 'auto' signs and verifies on this thread while few exchange operations are in
 * progress (lowest latency), and on the pool when more than `offloadAbove` are (throughput,
 * and the event loop stays free for other requests).
 *
 * Own signatures: with registers in the platform's process, every message is verified by the
 * process that signed it. A verification of a message this process signed, with the public key
 * of the private key that signed it, cannot fail; so the exact JWS strings signed here (up to
 * 1024 of them, each at most 16 KiB) are remembered with the signer's public key, and
 * verifying one of them with that same key is skipped. Every other check still runs, and any
 * other string, or the same string with another key, is verified in full.
 */
export type CryptoOffload = 'auto' | 'always' | 'never';

export interface CryptoOptions {
  /** Default 'auto'. */
  offload?: CryptoOffload;
  /** For 'auto': offload when more than this many exchange operations are in progress. Default 2. */
  offloadAbove?: number;
  /** Skip re-verifying messages this process signed. Default true. */
  recognizeOwnSignatures?: boolean;
}

const settings: Required<CryptoOptions> = { offload: 'auto', offloadAbove: 2, recognizeOwnSignatures: true };
let active = 0;

/** Changes how the Ed25519 work is done, process-wide. Returns the previous settings. */
export function configureCrypto(options: CryptoOptions): Required<CryptoOptions> {
  const previous = { ...settings };
  Object.assign(settings, options);
  if (!settings.recognizeOwnSignatures) ownSignatures.clear();
  return previous;
}

/** Counts an exchange operation (a Provider answering, a Client calling) in progress, for 'auto'. */
export async function tracked<T>(operation: () => Promise<T>): Promise<T> {
  active += 1;
  try {
    return await operation();
  } finally {
    active -= 1;
  }
}

const offloading = (): boolean => settings.offload === 'always' || (settings.offload === 'auto' && active > settings.offloadAbove);

const MAX_OWN_SIGNATURES = 1024;
const MAX_OWN_SIGNATURE_LENGTH = 16 * 1024;
/** JWS signed here -> the signer's public `x`. Insertion-ordered: the oldest is evicted first. */
const ownSignatures = new Map<string, string>();
const publicXs = new WeakMap<KeyObject, string>();

function publicX(key: KeyObject): string {
  let x = publicXs.get(key);
  if (x === undefined) {
    const publicKey = key.type === 'private' ? createPublicKey(key) : key;
    x = String(publicKey.export({ format: 'jwk' }).x);
    publicXs.set(key, x);
  }
  return x;
}

function signed(jws: string, key: SigningKey): string {
  if (settings.recognizeOwnSignatures && jws.length <= MAX_OWN_SIGNATURE_LENGTH) {
    if (ownSignatures.size >= MAX_OWN_SIGNATURES) ownSignatures.delete(ownSignatures.keys().next().value as string);
    ownSignatures.set(jws, publicX(key.privateKey));
  }
  return jws;
}

/** True if this exact JWS was signed here by the private half of `publicKey` (forgotten once used). */
function signedHereWith(jws: string, publicKey: KeyObject): boolean {
  const x = ownSignatures.get(jws);
  if (x === undefined || x !== publicX(publicKey)) return false;
  ownSignatures.delete(jws);
  return true;
}

function signingInputOf(key: SigningKey, typ: string, payloadJson: string): string {
  return `${encodedHeader(key, typ)}.${b64u(payloadJson)}`;
}

/** Signs `payloadJson` (already serialized) as a compact JWS of type `typ`. */
export function signCompact(key: SigningKey, typ: string, payloadJson: string): Promise<string> {
  const signingInput = signingInputOf(key, typ, payloadJson);
  const data = Buffer.from(signingInput, 'latin1');
  if (!offloading()) {
    try {
      return Promise.resolve(signed(`${signingInput}.${edSign(null, data, key.privateKey).toString('base64url')}`, key));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  return new Promise((resolve, reject) => {
    edSign(null, data, key.privateKey, (error, signature) => {
      if (error) reject(error);
      else resolve(signed(`${signingInput}.${signature.toString('base64url')}`, key));
    });
  });
}

export interface VerifiedJws {
  /** The member named by the `kid` (`member/keyId`), whose key verified the signature. */
  member: string;
  keyId: string;
  /** The payload, parsed (any JSON value). */
  payload: unknown;
}

/** A JWS that passed every check but the signature itself. */
interface Prepared {
  kid: string;
  member: string;
  keyId: string;
  signingInput: Buffer;
  signature: Buffer;
  publicKey: KeyObject;
  payloadSegment: string;
}

/**
 * Every check of a compact JWS of type `typ` before the signature, cheapest first. Throws
 * ExchangeError: oversized, malformed, unsigned, bad-signature, unknown-member.
 */
function prepare(jws: unknown, typ: string, resolveKey: KeyResolver, maxBytes: number): Prepared {
  if (typeof jws !== 'string') throw new ExchangeError('malformed', 'the message must be a compact JWS string');
  // A JWS is ASCII, so its length in characters is its length in bytes (any other character fails below).
  if (jws.length > maxBytes) throw new ExchangeError('oversized', `the message is ${jws.length} bytes; the limit is ${maxBytes}`);
  const dot1 = jws.indexOf('.');
  const dot2 = dot1 < 0 ? -1 : jws.indexOf('.', dot1 + 1);
  if (dot1 < 0 || dot2 < 0 || jws.indexOf('.', dot2 + 1) >= 0) {
    throw new ExchangeError('malformed', 'not a compact JWS: expected three base64url parts separated by dots');
  }
  const headerBytes = b64uDecode(jws.slice(0, dot1));
  let header: unknown;
  try {
    header = headerBytes === undefined || headerBytes.length === 0 ? undefined : JSON.parse(utf8.decode(headerBytes));
  } catch {
    header = undefined;
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    throw new ExchangeError('malformed', 'the JWS protected header is not a base64url JSON object');
  }
  const { alg, kid, typ: headerTyp } = header as Record<string, unknown>;
  if (alg === 'none') throw new ExchangeError('unsigned', 'alg "none" is not accepted: every exchange message is signed');
  const signatureSegment = jws.slice(dot2 + 1);
  if (signatureSegment.length === 0) throw new ExchangeError('unsigned', 'the JWS signature is empty');
  if (alg !== 'EdDSA')
    throw new ExchangeError('bad-signature', `alg ${JSON.stringify(alg)} is not accepted; the exchange signs with EdDSA (Ed25519)`);
  if (headerTyp !== typ) throw new ExchangeError('malformed', `the JWS typ must be "${typ}", not ${JSON.stringify(headerTyp)}`);
  for (const name in header) {
    if (name !== 'alg' && name !== 'kid' && name !== 'typ')
      throw new ExchangeError('malformed', `the JWS header has an unsupported parameter "${name}"`);
  }
  const slash = typeof kid === 'string' ? kid.indexOf('/') : -1;
  const member = slash < 0 ? '' : (kid as string).slice(0, slash);
  const keyId = slash < 0 ? '' : (kid as string).slice(slash + 1);
  if (!MEMBER_ID.test(member) || !KEY_ID.test(keyId)) {
    throw new ExchangeError('malformed', 'the JWS kid must be "<member id>/<key id>"');
  }
  const payloadSegment = jws.slice(dot1 + 1, dot2);
  if (!BASE64URL.test(payloadSegment) || payloadSegment.length % 4 === 1) {
    throw new ExchangeError('malformed', 'the JWS payload is not base64url');
  }
  const signature = b64uDecode(signatureSegment);
  // 64 bytes, and the one canonical encoding of them (no stray low bits in the last character).
  if (signature === undefined || signature.length !== 64 || signature.toString('base64url') !== signatureSegment) {
    throw new ExchangeError('bad-signature', 'the JWS signature is not a base64url Ed25519 signature (64 bytes)');
  }
  const resolved = resolveKey(member, keyId);
  if (resolved === undefined) throw new ExchangeError('unknown-member', `no published key "${keyId}" for member "${member}"`);
  const publicKey = importPublicKey(resolved);
  if (publicKey === undefined)
    throw new ExchangeError('unknown-member', `the published key "${kid as string}" is not an Ed25519 public key`);
  return {
    kid: kid as string,
    member,
    keyId,
    signingInput: Buffer.from(jws.slice(0, dot2), 'latin1'),
    signature,
    publicKey,
    payloadSegment,
  };
}

/** After the signature: parse the payload (only now, so unauthenticated JSON is never parsed). */
function finish(prepared: Prepared, valid: boolean): VerifiedJws {
  if (!valid) throw new ExchangeError('bad-signature', `the signature does not verify with ${prepared.kid}`);
  let payload: unknown;
  try {
    payload = JSON.parse(utf8.decode(Buffer.from(prepared.payloadSegment, 'base64url')));
  } catch {
    throw new ExchangeError('malformed', 'the JWS payload is not UTF-8 JSON');
  }
  return { member: prepared.member, keyId: prepared.keyId, payload };
}

/**
 * Verifies a compact JWS of type `typ` and returns its signer and parsed payload. Rejects with
 * ExchangeError: oversized, malformed, unsigned, bad-signature, unknown-member.
 */
export function verifyCompact(jws: unknown, typ: string, resolveKey: KeyResolver, maxBytes: number): Promise<VerifiedJws> {
  let prepared: Prepared;
  try {
    prepared = prepare(jws, typ, resolveKey, maxBytes);
    if (signedHereWith(jws as string, prepared.publicKey)) return Promise.resolve(finish(prepared, true));
    if (!offloading()) {
      let valid: boolean;
      try {
        valid = edVerify(null, prepared.signingInput, prepared.publicKey, prepared.signature);
      } catch {
        valid = false;
      }
      return Promise.resolve(finish(prepared, valid));
    }
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise((resolve, reject) => {
    edVerify(null, prepared.signingInput, prepared.publicKey, prepared.signature, (error, valid) => {
      try {
        resolve(finish(prepared, !error && valid));
      } catch (refusal) {
        reject(refusal);
      }
    });
  });
}
