/**
 * What the device keeps, and nothing more: the PIN-masked share, the group key, and the KDF's
 * salt and parameters. Everything else from key generation must be forgotten, because each of
 * the following lets a thief test PINs offline against it:
 *   - the device's own verifying share (the direct test: unmasked share times G),
 *   - the server's verifying share (with the group key Y it gives Y1 = (Y + Y2) / 2),
 *   - the DKG commitments, and past signing transcripts (commitments plus the device's share).
 */
import { DEVICE, PROTOCOL_VERSION } from './constants.js';
import { equalBytes, fromBase64url, pointFromBase64url, scalarFromBase64url, toBase64url } from './encoding.js';
import { FrostError } from './errors.js';
import { checkKeyShare, type KeyShare, type SignerKey } from './keys.js';
import {
  checkPinKdfParams,
  DEFAULT_PIN_KDF_PARAMS,
  maskShare,
  maskShareAsync,
  newPinSalt,
  unmaskShare,
  unmaskShareAsync,
  type PinKdfParams,
} from './pin-mask.js';
import { refreshShare, type RefreshResult } from './refresh.js';

/** The device's stored key (JSON-safe). Safe to lose to a thief as long as the server counts PIN attempts. */
export interface DeviceKeyRecord {
  readonly v: 1;
  readonly kind: 'device-key';
  /** Ed25519 group public key, base64url (a JWK "x"). */
  readonly groupPublicKey: string;
  /** The signing share plus the PIN mask, mod L, base64url. */
  readonly maskedShare: string;
  /** scrypt salt, base64url. Keep it on the device; the server does not need it. */
  readonly salt: string;
  readonly kdf: { readonly name: 'scrypt' } & PinKdfParams;
}

function build(key: KeyShare, masked: Uint8Array, salt: Uint8Array, params: PinKdfParams): DeviceKeyRecord {
  return {
    v: PROTOCOL_VERSION,
    kind: 'device-key',
    groupPublicKey: toBase64url(key.groupPublicKey),
    maskedShare: toBase64url(masked),
    salt: toBase64url(salt),
    kdf: { name: 'scrypt', N: params.N, r: params.r, p: params.p },
  };
}

function checkDeviceKey(key: KeyShare): void {
  if (key.identifier !== DEVICE) throw new FrostError('invalid-participant', 'a device record needs the device key share (participant 1)');
  checkKeyShare(key);
}

/** Masks the device's fresh key share with the PIN and drops the verifying shares. Store only the result. */
export function createDeviceRecord(key: KeyShare, pin: string, params: PinKdfParams = DEFAULT_PIN_KDF_PARAMS): DeviceKeyRecord {
  checkDeviceKey(key);
  const salt = newPinSalt();
  return build(key, maskShare(key.signingShare, pin, salt, params), salt, params);
}

export async function createDeviceRecordAsync(
  key: KeyShare,
  pin: string,
  params: PinKdfParams = DEFAULT_PIN_KDF_PARAMS,
): Promise<DeviceKeyRecord> {
  checkDeviceKey(key);
  const salt = newPinSalt();
  return build(key, await maskShareAsync(key.signingShare, pin, salt, params), salt, params);
}

/** Strictly parses a stored record. */
export function parseDeviceRecord(value: unknown): DeviceKeyRecord {
  if (typeof value !== 'object' || value === null) throw new FrostError('invalid-message', 'device-key: expected an object');
  const o = value as Record<string, unknown>;
  if (o['v'] !== PROTOCOL_VERSION || o['kind'] !== 'device-key')
    throw new FrostError('invalid-message', 'device-key: wrong version or kind');
  const str = (k: string): string => {
    const v = o[k];
    if (typeof v !== 'string') throw new FrostError('invalid-message', `device-key.${k}: expected a string`);
    return v;
  };
  const groupPublicKey = str('groupPublicKey');
  pointFromBase64url(groupPublicKey, 'device-key.groupPublicKey');
  const maskedShare = str('maskedShare');
  scalarFromBase64url(maskedShare, 'device-key.maskedShare');
  const salt = str('salt');
  fromBase64url(salt, 'device-key.salt');
  const kdf = o['kdf'];
  if (typeof kdf !== 'object' || kdf === null) throw new FrostError('invalid-message', 'device-key.kdf: expected an object');
  const k = kdf as Record<string, unknown>;
  if (k['name'] !== 'scrypt') throw new FrostError('invalid-parameters', 'device-key.kdf.name: only scrypt is supported');
  const params = checkPinKdfParams({ N: Number(k['N']), r: Number(k['r']), p: Number(k['p']) });
  return { v: PROTOCOL_VERSION, kind: 'device-key', groupPublicKey, maskedShare, salt, kdf: { name: 'scrypt', ...params } };
}

function signerKey(record: DeviceKeyRecord, share: Uint8Array): SignerKey {
  return { identifier: DEVICE, signingShare: share, groupPublicKey: fromBase64url(record.groupPublicKey) };
}

/**
 * Unmasks with the PIN the user typed and returns a key to commit and sign with. It cannot tell
 * whether the PIN is right (by design); the server will, when it verifies the share.
 */
export function unlockDeviceRecord(record: DeviceKeyRecord, pin: string): SignerKey {
  const r = parseDeviceRecord(record);
  return signerKey(r, unmaskShare(fromBase64url(r.maskedShare), pin, fromBase64url(r.salt), r.kdf));
}

export async function unlockDeviceRecordAsync(record: DeviceKeyRecord, pin: string): Promise<SignerKey> {
  const r = parseDeviceRecord(record);
  return signerKey(r, await unmaskShareAsync(fromBase64url(r.maskedShare), pin, fromBase64url(r.salt), r.kdf));
}

/** Applies a finished refresh to the stored record, without the PIN (the mask is additive). */
export function refreshDeviceRecord(record: DeviceKeyRecord, result: RefreshResult): DeviceKeyRecord {
  const r = parseDeviceRecord(record);
  if (result.identifier !== DEVICE) throw new FrostError('invalid-participant', "refresh result is not the device's");
  if (!equalBytes(result.groupPublicKey, fromBase64url(r.groupPublicKey)))
    throw new FrostError('inconsistent-key', 'refresh result is for a different group key');
  return { ...r, maskedShare: toBase64url(refreshShare(fromBase64url(r.maskedShare), result)) };
}
