import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, KeyObject, type JsonWebKey } from 'node:crypto';

/** Member ids: lowercase letters, digits and hyphens, 1-63 characters (`deed-platform`, `population`). */
export const MEMBER_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** Key ids within a member: letters, digits, `.`, `_`, `-`, 1-128 characters (no `/`). */
export const KEY_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** A member's private signing key. `kid` is the key id within the member (the JWS `kid` is `member/kid`). */
export interface SigningKey {
  readonly member: string;
  readonly kid: string;
  /** An Ed25519 private key. */
  readonly privateKey: KeyObject;
}

/** A member's public key as published in the directory: an Ed25519 OKP JWK with its key id. */
export interface MemberPublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg?: 'EdDSA';
  use?: 'sig';
}

/** What a key resolver may return: a public JWK (imported once, then cached) or a KeyObject. */
export type PublicKeyInput = MemberPublicJwk | JsonWebKey | KeyObject;

/**
 * Finds the public key of `member` with key id `kid`, or undefined if there is none. Synchronous
 * and called on every message, so it should be a map lookup (a `Directory` is one).
 */
export type KeyResolver = (member: string, kid: string) => PublicKeyInput | undefined;

export function assertMemberId(member: unknown, what = 'member id'): asserts member is string {
  if (typeof member !== 'string' || !MEMBER_ID.test(member)) {
    throw new TypeError(`${what} must match ${MEMBER_ID}: ${JSON.stringify(member)}`);
  }
}

export function assertKeyId(kid: unknown): asserts kid is string {
  if (typeof kid !== 'string' || !KEY_ID.test(kid)) throw new TypeError(`key id must match ${KEY_ID}: ${JSON.stringify(kid)}`);
}

/** Checks a SigningKey once (member id, key id, an Ed25519 private key); returns it. */
const checkedSigningKeys = new WeakSet<SigningKey>();

export function checkSigningKey(key: SigningKey): SigningKey {
  if (checkedSigningKeys.has(key)) return key;
  assertMemberId(key.member);
  assertKeyId(key.kid);
  if (!(key.privateKey instanceof KeyObject) || key.privateKey.type !== 'private' || key.privateKey.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`signing key ${key.member}/${key.kid} must be an Ed25519 private KeyObject`);
  }
  checkedSigningKeys.add(key);
  return key;
}

/** A SigningKey from a private Ed25519 JWK (with `d`), as a key store keeps it. */
export function signingKeyFromJwk(member: string, kid: string, privateJwk: JsonWebKey): SigningKey {
  return checkSigningKey({ member, kid, privateKey: createPrivateKey({ key: privateJwk, format: 'jwk' }) });
}

/** The public JWK of a signing key, for the directory. */
export function publicJwk(key: SigningKey): MemberPublicJwk {
  const jwk = createPublicKey(key.privateKey).export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new TypeError('not an Ed25519 key');
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: key.kid, alg: 'EdDSA', use: 'sig' };
}

/** A fresh Ed25519 key for a member (tests, simulated registers, first start). */
export function generateSigningKey(member: string, kid = `k-${randomBytes(4).toString('hex')}`): SigningKey {
  return checkSigningKey({ member, kid, privateKey: generateKeyPairSync('ed25519').privateKey });
}

// Imported keys, by their `x`: importing a JWK costs more than verifying with it, so it is done
// once per key. Bounded; a directory has a few keys per member.
const MAX_CACHED_KEYS = 4096;
const imported = new Map<string, KeyObject>();
const checkedObjects = new WeakSet<KeyObject>();

/**
 * The Ed25519 public KeyObject for what a resolver returned, or undefined if it is not an
 * Ed25519 public key (a JWK's private part, if any, is ignored).
 */
export function importPublicKey(input: PublicKeyInput): KeyObject | undefined {
  if (input instanceof KeyObject) {
    if (checkedObjects.has(input)) return input;
    if (input.type !== 'public' || input.asymmetricKeyType !== 'ed25519') return undefined;
    checkedObjects.add(input);
    return input;
  }
  const { kty, crv, x } = input as { kty?: unknown; crv?: unknown; x?: unknown };
  if (kty !== 'OKP' || crv !== 'Ed25519' || typeof x !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(x)) return undefined;
  let key = imported.get(x);
  if (key === undefined) {
    try {
      key = createPublicKey({ key: { kty, crv, x }, format: 'jwk' });
    } catch {
      return undefined;
    }
    if (imported.size >= MAX_CACHED_KEYS) imported.clear();
    imported.set(x, key);
  }
  return key;
}
