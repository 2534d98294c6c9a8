/**
 * Key material after key generation, and the checks that keep it consistent.
 */
import { DEVICE, isParticipantId, peerOf, PROTOCOL_VERSION, SERVER, type ParticipantId } from './constants.js';
import {
  checkPoint,
  decodeNonZeroScalar,
  decodePoint,
  equalBytes,
  fromBase64url,
  POINT_BYTES,
  scalarFromBase64url,
  toBase64url,
} from './encoding.js';
import { FrostError } from './errors.js';
import { Fn, Point } from './suite.js';

/**
 * One side's result of key generation (or refresh). The signing share is SECRET.
 *
 * The server stores all of it. The device must NOT store it as is: it keeps only the
 * PIN-masked signing share and the group key (see createDeviceRecord), because either
 * verifying share would let a thief test PINs offline.
 */
export interface KeyShare {
  readonly identifier: ParticipantId;
  /** 32-byte scalar: this side's share of the signing key. SECRET. */
  readonly signingShare: Uint8Array;
  /** 32-byte point: signingShare times the base point. */
  readonly verifyingShare: Uint8Array;
  /** 32-byte point: the other side's verifying share. */
  readonly peerVerifyingShare: Uint8Array;
  /** 32-byte Ed25519 public key that every signature verifies under. */
  readonly groupPublicKey: Uint8Array;
}

/** What a signer needs to commit and sign: its share and the group key (the device has nothing more). */
export interface SignerKey {
  readonly identifier: ParticipantId;
  readonly signingShare: Uint8Array;
  readonly groupPublicKey: Uint8Array;
}

/** What a verifier of signature shares needs (the server): the group key and both verifying shares. */
export interface PublicKeyPackage {
  readonly groupPublicKey: Uint8Array;
  readonly verifyingShares: Readonly<Record<ParticipantId, Uint8Array>>;
}

/** KeyShare as JSON for the server's storage; contains the SECRET share, so store it encrypted. */
export interface KeyShareJSON {
  readonly v: 1;
  readonly kind: 'key-share';
  readonly identifier: ParticipantId;
  readonly signingShare: string;
  readonly verifyingShare: string;
  readonly peerVerifyingShare: string;
  readonly groupPublicKey: string;
}

/** Lagrange coefficient at zero of participant `id` within the signing set {1, 2}: 2 for the device, -1 for the server. */
export function lagrangeAtZero(id: ParticipantId): bigint {
  const other = BigInt(peerOf(id));
  return Fn.div(other, Fn.sub(other, BigInt(id)));
}

/** The group key implied by two verifying shares: lambda1*Y1 + lambda2*Y2 (interpolation in the exponent). */
export function groupKeyFromVerifyingShares(device: Uint8Array, server: Uint8Array): Uint8Array {
  const y1 = decodePoint(device, 'device verifying share');
  const y2 = decodePoint(server, 'server verifying share');
  return y1
    .multiplyUnsafe(lagrangeAtZero(DEVICE))
    .add(y2.multiplyUnsafe(lagrangeAtZero(SERVER)))
    .toBytes();
}

export function publicKeyPackage(key: KeyShare): PublicKeyPackage {
  const own = key.identifier;
  const verifyingShares = { [own]: key.verifyingShare, [peerOf(own)]: key.peerVerifyingShare } as Record<ParticipantId, Uint8Array>;
  return { groupPublicKey: key.groupPublicKey, verifyingShares };
}

/**
 * Checks that a key share is consistent: canonical encodings, signingShare*G equals the
 * verifying share, and the two verifying shares interpolate to the group key.
 */
export function checkKeyShare(key: KeyShare): void {
  if (!isParticipantId(key.identifier)) throw new FrostError('invalid-participant', 'key share: identifier must be 1 or 2');
  const s = decodeNonZeroScalar(key.signingShare, 'key share signingShare');
  checkPoint(key.verifyingShare, 'key share verifyingShare');
  checkPoint(key.peerVerifyingShare, 'key share peerVerifyingShare');
  checkPoint(key.groupPublicKey, 'key share groupPublicKey');
  if (!equalBytes(Point.BASE.multiply(s).toBytes(), key.verifyingShare))
    throw new FrostError('inconsistent-key', 'key share: signing share does not match its verifying share');
  const pub = publicKeyPackage(key);
  if (!equalBytes(groupKeyFromVerifyingShares(pub.verifyingShares[DEVICE], pub.verifyingShares[SERVER]), key.groupPublicKey))
    throw new FrostError('inconsistent-key', 'key share: verifying shares do not interpolate to the group key');
}

function point32(text: string, what: string): Uint8Array {
  const b = fromBase64url(text, what);
  if (b.length !== POINT_BYTES) throw new FrostError('invalid-point', `${what}: expected ${POINT_BYTES} bytes`);
  return b;
}

export function encodeKeyShare(key: KeyShare): KeyShareJSON {
  return {
    v: PROTOCOL_VERSION,
    kind: 'key-share',
    identifier: key.identifier,
    signingShare: toBase64url(key.signingShare),
    verifyingShare: toBase64url(key.verifyingShare),
    peerVerifyingShare: toBase64url(key.peerVerifyingShare),
    groupPublicKey: toBase64url(key.groupPublicKey),
  };
}

/**
 * Reads a stored key share. Checks shape, encodings' lengths and the scalar; the points are
 * validated by noble whenever they are used. Call checkKeyShare as well for the full
 * consistency check (a few milliseconds; worth it when loading from backup, not per request).
 */
export function decodeKeyShare(value: unknown): KeyShare {
  if (typeof value !== 'object' || value === null) throw new FrostError('invalid-message', 'key-share: expected an object');
  const o = value as Record<string, unknown>;
  if (o['v'] !== PROTOCOL_VERSION || o['kind'] !== 'key-share') throw new FrostError('invalid-message', 'key-share: wrong version or kind');
  const id = o['identifier'];
  if (!isParticipantId(id)) throw new FrostError('invalid-participant', 'key-share.identifier: expected 1 or 2');
  const field = (k: string): string => {
    const v = o[k];
    if (typeof v !== 'string') throw new FrostError('invalid-message', `key-share.${k}: expected a string`);
    return v;
  };
  const key: KeyShare = {
    identifier: id,
    signingShare: scalarFromBase64url(field('signingShare'), 'key-share.signingShare'),
    verifyingShare: point32(field('verifyingShare'), 'key-share.verifyingShare'),
    peerVerifyingShare: point32(field('peerVerifyingShare'), 'key-share.peerVerifyingShare'),
    groupPublicKey: point32(field('groupPublicKey'), 'key-share.groupPublicKey'),
  };
  return key;
}
