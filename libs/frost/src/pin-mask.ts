/**
 * PIN masking of the device's share, as in Smart-ID's SplitKey: the device stores
 *
 *   masked = share + M(PIN) mod L,   M(PIN) = scrypt(PIN, salt) (64 bytes) reduced mod L.
 *
 * The mask is additive, so EVERY PIN unmasks to a well-formed scalar: a thief holding the
 * device has nothing to test a guess against. Only the server, which alone knows the device's
 * verifying share, can tell a wrong PIN (the partial signature fails share verification), and
 * it counts and locks. The slow KDF is defence in depth for the case where the verifying share
 * leaks too; with 10^4 PINs it cannot be the main protection.
 */
import { scrypt, scryptAsync } from '@noble/hashes/scrypt.js';
import { concatBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { bytesToNumberLE } from '@noble/curves/utils.js';
import { decodeScalar, encodeScalar, wipe } from './encoding.js';
import { FrostError } from './errors.js';
import { Fn } from './suite.js';

/** scrypt cost parameters (RFC 7914). Stored next to the masked share so they can change later. */
export interface PinKdfParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * Default cost: N = 2^14, r = 8, p = 1 (16 MiB). noble's pure-JS scrypt takes 55-70 ms for this
 * in Node 20 on the development machine, inside the 50-100 ms aim; N = 2^15 took 130-200 ms
 * there, and phones are slower still. Every signature pays this once on the device.
 */
export const DEFAULT_PIN_KDF_PARAMS: PinKdfParams = Object.freeze({ N: 2 ** 14, r: 8, p: 1 });

/** Salt length for newPinSalt. */
export const PIN_SALT_BYTES = 16;

// Domain separation: the same PIN and salt used elsewhere must not give this mask.
const DOMAIN = utf8ToBytes('deed/frost/pin-mask/v1');
// 64 bytes reduced mod L (~2^252): the bias is below 2^-250, i.e. uniform for all purposes.
const KDF_OUTPUT_BYTES = 64;

export function newPinSalt(): Uint8Array {
  return randomBytes(PIN_SALT_BYTES);
}

export function checkPinKdfParams(params: PinKdfParams): PinKdfParams {
  const { N, r, p } = params;
  const int = (x: number, lo: number, hi: number): boolean => Number.isSafeInteger(x) && x >= lo && x <= hi;
  // Bounds keep a tampered record from asking for gigabytes of memory; the low end allows fast tests.
  if (!int(N, 2, 2 ** 20) || (N & (N - 1)) !== 0)
    throw new FrostError('invalid-parameters', 'scrypt N must be a power of two between 2 and 2^20');
  if (!int(r, 1, 32)) throw new FrostError('invalid-parameters', 'scrypt r must be between 1 and 32');
  if (!int(p, 1, 16)) throw new FrostError('invalid-parameters', 'scrypt p must be between 1 and 16');
  return { N, r, p };
}

function inputs(
  pin: string,
  salt: Uint8Array,
  params: PinKdfParams,
): { password: Uint8Array; salt: Uint8Array; opts: { N: number; r: number; p: number; dkLen: number } } {
  if (typeof pin !== 'string' || pin.length === 0 || pin.length > 256)
    throw new FrostError('invalid-parameters', 'PIN must be a non-empty string');
  if (!(salt instanceof Uint8Array) || salt.length < 16 || salt.length > 64)
    throw new FrostError('invalid-parameters', 'salt must be 16 to 64 bytes');
  const { N, r, p } = checkPinKdfParams(params);
  // NFKC so that the same PIN typed on different keyboards gives the same bytes.
  return { password: utf8ToBytes(pin.normalize('NFKC')), salt: concatBytes(DOMAIN, salt), opts: { N, r, p, dkLen: KDF_OUTPUT_BYTES } };
}

function toScalar(kdfOutput: Uint8Array): bigint {
  const m = Fn.create(bytesToNumberLE(kdfOutput));
  wipe(kdfOutput);
  return m;
}

function pinMask(pin: string, salt: Uint8Array, params: PinKdfParams): bigint {
  const i = inputs(pin, salt, params);
  const out = scrypt(i.password, i.salt, i.opts);
  wipe(i.password);
  return toScalar(out);
}

async function pinMaskAsync(pin: string, salt: Uint8Array, params: PinKdfParams): Promise<bigint> {
  const i = inputs(pin, salt, params);
  const out = await scryptAsync(i.password, i.salt, i.opts);
  wipe(i.password);
  return toScalar(out);
}

/** share + M(PIN) mod L. */
export function maskShare(share: Uint8Array, pin: string, salt: Uint8Array, params: PinKdfParams = DEFAULT_PIN_KDF_PARAMS): Uint8Array {
  const s = decodeScalar(share, 'share');
  return encodeScalar(Fn.add(s, pinMask(pin, salt, params)));
}

/** masked - M(PIN) mod L. Any PIN gives a well-formed scalar; only the server can tell whether it is the share. */
export function unmaskShare(masked: Uint8Array, pin: string, salt: Uint8Array, params: PinKdfParams = DEFAULT_PIN_KDF_PARAMS): Uint8Array {
  const m = decodeScalar(masked, 'masked share');
  return encodeScalar(Fn.sub(m, pinMask(pin, salt, params)));
}

/** As maskShare, but yields to the event loop while deriving (keeps a browser UI responsive). */
export async function maskShareAsync(
  share: Uint8Array,
  pin: string,
  salt: Uint8Array,
  params: PinKdfParams = DEFAULT_PIN_KDF_PARAMS,
): Promise<Uint8Array> {
  const s = decodeScalar(share, 'share');
  return encodeScalar(Fn.add(s, await pinMaskAsync(pin, salt, params)));
}

/** As unmaskShare, but yields to the event loop while deriving. */
export async function unmaskShareAsync(
  masked: Uint8Array,
  pin: string,
  salt: Uint8Array,
  params: PinKdfParams = DEFAULT_PIN_KDF_PARAMS,
): Promise<Uint8Array> {
  const m = decodeScalar(masked, 'masked share');
  return encodeScalar(Fn.sub(m, await pinMaskAsync(pin, salt, params)));
}
