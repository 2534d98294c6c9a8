/**
 * Strict encodings. Every byte string that crosses a trust boundary is decoded here, and every
 * decoder accepts exactly one encoding per value, so that no two different messages mean the
 * same thing (no malleability) and no degenerate value slips into the protocol.
 */
import { FrostError } from './errors.js';
import { Fn, Point } from './suite.js';

/** Size in bytes of an encoded scalar and of an encoded point. */
export const SCALAR_BYTES = 32;
export const POINT_BYTES = 32;
/** Size in bytes of an Ed25519 signature (R || S). */
export const SIGNATURE_BYTES = 64;

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64URL_INDEX: ReadonlyMap<string, number> = new Map([...B64URL].map((c, i) => [c, i]));

/** base64url without padding (RFC 4648 §5), the encoding JOSE uses; an Ed25519 group key so encoded is a JWK "x". */
export function toBase64url(bytes: Uint8Array): string {
  const ch = (n: number): string => B64URL.charAt(n & 63);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i;
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ch(n >> 18) + ch(n >> 12);
    if (rest > 1) out += ch(n >> 6);
    if (rest > 2) out += ch(n);
  }
  return out;
}

/**
 * Decodes unpadded base64url, rejecting padding, other alphabets, impossible lengths and
 * non-zero trailing bits (which would give one byte string several encodings).
 */
export function fromBase64url(text: string, what = 'value'): Uint8Array {
  if (typeof text !== 'string') throw new FrostError('invalid-message', `${what}: expected a base64url string`);
  if (text.length % 4 === 1) throw new FrostError('invalid-message', `${what}: impossible base64url length`);
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (const c of text) {
    const v = B64URL_INDEX.get(c);
    if (v === undefined) throw new FrostError('invalid-message', `${what}: not base64url (no padding allowed)`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) throw new FrostError('invalid-message', `${what}: non-canonical base64url`);
  return out;
}

function assertBytes(value: unknown, length: number, code: 'invalid-point' | 'invalid-scalar', what: string): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new FrostError(code, `${what}: expected bytes`);
  if (value.length !== length) throw new FrostError(code, `${what}: expected ${length} bytes, got ${value.length}`);
  return value;
}

/** Decodes a canonical scalar (32 bytes little-endian, strictly less than the group order L). */
export function decodeScalar(bytes: Uint8Array, what = 'scalar'): bigint {
  assertBytes(bytes, SCALAR_BYTES, 'invalid-scalar', what);
  let n: bigint;
  try {
    n = Fn.fromBytes(bytes);
  } catch {
    throw new FrostError('invalid-scalar', `${what}: not reduced modulo the group order`);
  }
  // Belt and braces: a canonical encoding is the one that re-encodes to the same bytes.
  if (!equalBytes(Fn.toBytes(n), bytes)) throw new FrostError('invalid-scalar', `${what}: non-canonical encoding`);
  return n;
}

/** Decodes a canonical scalar that must not be zero (nonces, secret shares, refresh coefficients). */
export function decodeNonZeroScalar(bytes: Uint8Array, what = 'scalar'): bigint {
  const n = decodeScalar(bytes, what);
  if (Fn.is0(n)) throw new FrostError('invalid-scalar', `${what}: zero`);
  return n;
}

export function encodeScalar(n: bigint): Uint8Array {
  return Fn.toBytes(n);
}

/**
 * Decodes a group element as RFC 9591 §3.1 DeserializeElement demands for Ed25519: a canonical
 * RFC 8032 encoding (y < p, no "negative zero" x), not the identity, and in the prime-order
 * subgroup, which excludes the eight small-order points and every point with a torsion component.
 */
export function decodePoint(bytes: Uint8Array, what = 'point'): Point {
  assertBytes(bytes, POINT_BYTES, 'invalid-point', what);
  let p: Point;
  try {
    p = Point.fromBytes(bytes, false);
    p.assertValidity();
  } catch {
    throw new FrostError('invalid-point', `${what}: not a canonical Ed25519 point encoding`);
  }
  if (!equalBytes(p.toBytes(), bytes)) throw new FrostError('invalid-point', `${what}: non-canonical encoding`);
  if (p.is0()) throw new FrostError('invalid-point', `${what}: identity element`);
  if (p.isSmallOrder()) throw new FrostError('invalid-point', `${what}: small-order point`);
  if (!p.isTorsionFree()) throw new FrostError('invalid-point', `${what}: not in the prime-order subgroup`);
  return p;
}

/** Checks bytes with decodePoint and returns a private copy. */
export function checkPoint(bytes: Uint8Array, what = 'point'): Uint8Array {
  decodePoint(bytes, what);
  return Uint8Array.from(bytes);
}

/** Checks bytes with decodeScalar and returns a private copy. */
export function checkScalar(bytes: Uint8Array, what = 'scalar'): Uint8Array {
  decodeScalar(bytes, what);
  return Uint8Array.from(bytes);
}

export function pointFromBase64url(text: string, what: string): Uint8Array {
  return checkPoint(fromBase64url(text, what), what);
}

export function scalarFromBase64url(text: string, what: string): Uint8Array {
  return checkScalar(fromBase64url(text, what), what);
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** Best-effort erasure of secret bytes (JavaScript cannot promise that no copy survives). */
export function wipe(...arrays: Uint8Array[]): void {
  for (const a of arrays) a.fill(0);
}
