/**
 * The JSON messages the two parties send each other over HTTP, and strict parsers for them.
 * Byte strings are base64url without padding. Every parser checks the shape exactly (no
 * missing or extra fields), the version, the kind, the participant numbers, and decodes every
 * scalar and point canonically, so a server can hand it the untrusted body of a request.
 */
import { isParticipantId, PROTOCOL_VERSION, type ParticipantId } from './constants.js';
import { checkPoint, checkScalar, fromBase64url } from './encoding.js';
import { FrostError } from './errors.js';

/** DKG round 1, sent in the clear to the peer: commitments to one's polynomial and a proof of knowledge of its constant term. */
export interface DkgRound1Message {
  readonly v: 1;
  readonly kind: 'dkg-round1';
  readonly from: ParticipantId;
  /** Two points: commitments to the coefficients of the sender's degree-1 polynomial. */
  readonly commitment: readonly [string, string];
  /** A Schnorr signature (R || z) proving knowledge of the constant term. */
  readonly proofOfKnowledge: string;
}

/** DKG round 2: the sender's polynomial evaluated at the recipient. SECRET: send only over a confidential, authenticated channel. */
export interface DkgRound2Message {
  readonly v: 1;
  readonly kind: 'dkg-round2';
  readonly from: ParticipantId;
  readonly to: ParticipantId;
  readonly signingShare: string;
}

/** Signing round 1: the two public nonce commitments of one signer. */
export interface CommitmentMessage {
  readonly v: 1;
  readonly kind: 'commitment';
  readonly from: ParticipantId;
  readonly hiding: string;
  readonly binding: string;
}

/** Signing round 2: one signer's signature share. */
export interface SignatureShareMessage {
  readonly v: 1;
  readonly kind: 'signature-share';
  readonly from: ParticipantId;
  readonly share: string;
}

/** Refresh round 1: a commitment to the sender's sharing of zero, bound to the key being refreshed. */
export interface RefreshRound1Message {
  readonly v: 1;
  readonly kind: 'refresh-round1';
  readonly from: ParticipantId;
  readonly groupPublicKey: string;
  readonly commitment: string;
}

/** Refresh round 2: the sender's sharing of zero evaluated at the recipient. SECRET, like DkgRound2Message. */
export interface RefreshRound2Message {
  readonly v: 1;
  readonly kind: 'refresh-round2';
  readonly from: ParticipantId;
  readonly to: ParticipantId;
  readonly share: string;
}

export type FrostMessage =
  DkgRound1Message | DkgRound2Message | CommitmentMessage | SignatureShareMessage | RefreshRound1Message | RefreshRound2Message;

type Fields = Record<string, unknown>;

function shape(value: unknown, kind: FrostMessage['kind'], keys: readonly string[]): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new FrostError('invalid-message', `${kind}: expected a JSON object`);
  const obj = value as Fields;
  const expected = new Set(['v', 'kind', 'from', ...keys]);
  for (const k of Object.keys(obj)) if (!expected.has(k)) throw new FrostError('invalid-message', `${kind}: unexpected field "${k}"`);
  for (const k of expected) if (!(k in obj)) throw new FrostError('invalid-message', `${kind}: missing field "${k}"`);
  if (obj['v'] !== PROTOCOL_VERSION) throw new FrostError('invalid-message', `${kind}: unsupported version ${String(obj['v'])}`);
  if (obj['kind'] !== kind) throw new FrostError('invalid-message', `expected a ${kind} message, got ${String(obj['kind'])}`);
  participant(obj['from'], `${kind}.from`);
  return obj;
}

function participant(value: unknown, what: string): ParticipantId {
  if (!isParticipantId(value)) throw new FrostError('invalid-participant', `${what}: expected 1 (device) or 2 (server)`);
  return value;
}

function str(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new FrostError('invalid-message', `${what}: expected a string`);
  return value;
}

/** base64url of exactly n bytes (no curve work). */
function bytesField(value: unknown, n: number, what: string, code: 'invalid-point' | 'invalid-scalar' | 'invalid-message'): Uint8Array {
  const b = fromBase64url(str(value, what), what);
  if (b.length !== n) throw new FrostError(code, `${what}: expected ${n} bytes, got ${b.length}`);
  return b;
}

/*
 * Two levels of checking. The read* functions (internal) check everything that costs no curve
 * work: shape, version, participants, base64url, lengths, and scalars (a comparison with L).
 * Points are then validated by noble itself, which fully deserializes every element it uses
 * (canonical encoding, not the identity, prime-order subgroup; RFC 9591 §3.1); doing that twice
 * would double the cost of the server's side of a signature. The public parse* functions add
 * the full point validation, for callers that want to reject bad input at the edge.
 */

export interface ReadDkgRound1 {
  readonly message: DkgRound1Message;
  readonly commitment: readonly [Uint8Array, Uint8Array];
  readonly proofOfKnowledge: Uint8Array;
}

export function readDkgRound1Message(value: unknown): ReadDkgRound1 {
  const o = shape(value, 'dkg-round1', ['commitment', 'proofOfKnowledge']);
  const c = o['commitment'];
  if (!Array.isArray(c) || c.length !== 2)
    throw new FrostError('invalid-message', 'dkg-round1.commitment: expected exactly two points (two-of-two)');
  const c0 = bytesField(c[0], 32, 'dkg-round1.commitment[0]', 'invalid-point');
  const c1 = bytesField(c[1], 32, 'dkg-round1.commitment[1]', 'invalid-point');
  const pok = bytesField(o['proofOfKnowledge'], 64, 'dkg-round1.proofOfKnowledge', 'invalid-message');
  checkScalar(pok.subarray(32), 'dkg-round1.proofOfKnowledge.z');
  const message: DkgRound1Message = {
    v: 1,
    kind: 'dkg-round1',
    from: o['from'] as ParticipantId,
    commitment: [c[0] as string, c[1] as string],
    proofOfKnowledge: o['proofOfKnowledge'] as string,
  };
  return { message, commitment: [c0, c1], proofOfKnowledge: pok };
}

export function parseDkgRound1Message(value: unknown): DkgRound1Message {
  const r = readDkgRound1Message(value);
  checkPoint(r.commitment[0], 'dkg-round1.commitment[0]');
  checkPoint(r.commitment[1], 'dkg-round1.commitment[1]');
  checkPoint(r.proofOfKnowledge.subarray(0, 32), 'dkg-round1.proofOfKnowledge.R');
  return r.message;
}

export function parseDkgRound2Message(value: unknown): DkgRound2Message {
  const o = shape(value, 'dkg-round2', ['to', 'signingShare']);
  const to = participant(o['to'], 'dkg-round2.to');
  if (to === o['from']) throw new FrostError('duplicate-participant', 'dkg-round2: sender and recipient are the same');
  checkScalar(bytesField(o['signingShare'], 32, 'dkg-round2.signingShare', 'invalid-scalar'), 'dkg-round2.signingShare');
  return { v: 1, kind: 'dkg-round2', from: o['from'] as ParticipantId, to, signingShare: o['signingShare'] as string };
}

export interface ReadCommitment {
  readonly message: CommitmentMessage;
  readonly hiding: Uint8Array;
  readonly binding: Uint8Array;
}

export function readCommitmentMessage(value: unknown): ReadCommitment {
  const o = shape(value, 'commitment', ['hiding', 'binding']);
  const hiding = bytesField(o['hiding'], 32, 'commitment.hiding', 'invalid-point');
  const binding = bytesField(o['binding'], 32, 'commitment.binding', 'invalid-point');
  const message: CommitmentMessage = {
    v: 1,
    kind: 'commitment',
    from: o['from'] as ParticipantId,
    hiding: o['hiding'] as string,
    binding: o['binding'] as string,
  };
  return { message, hiding, binding };
}

export function parseCommitmentMessage(value: unknown): CommitmentMessage {
  const r = readCommitmentMessage(value);
  checkPoint(r.hiding, 'commitment.hiding');
  checkPoint(r.binding, 'commitment.binding');
  return r.message;
}

export interface ReadSignatureShare {
  readonly message: SignatureShareMessage;
  readonly share: Uint8Array;
}

export function readSignatureShareMessage(value: unknown): ReadSignatureShare {
  const o = shape(value, 'signature-share', ['share']);
  const share = checkScalar(bytesField(o['share'], 32, 'signature-share.share', 'invalid-scalar'), 'signature-share.share');
  return { message: { v: 1, kind: 'signature-share', from: o['from'] as ParticipantId, share: o['share'] as string }, share };
}

/** Signature shares carry no points, so reading one is already the full check. */
export function parseSignatureShareMessage(value: unknown): SignatureShareMessage {
  return readSignatureShareMessage(value).message;
}

export function parseRefreshRound1Message(value: unknown): RefreshRound1Message {
  const o = shape(value, 'refresh-round1', ['groupPublicKey', 'commitment']);
  checkPoint(bytesField(o['groupPublicKey'], 32, 'refresh-round1.groupPublicKey', 'invalid-point'), 'refresh-round1.groupPublicKey');
  checkPoint(bytesField(o['commitment'], 32, 'refresh-round1.commitment', 'invalid-point'), 'refresh-round1.commitment');
  return {
    v: 1,
    kind: 'refresh-round1',
    from: o['from'] as ParticipantId,
    groupPublicKey: o['groupPublicKey'] as string,
    commitment: o['commitment'] as string,
  };
}

export function parseRefreshRound2Message(value: unknown): RefreshRound2Message {
  const o = shape(value, 'refresh-round2', ['to', 'share']);
  const to = participant(o['to'], 'refresh-round2.to');
  if (to === o['from']) throw new FrostError('duplicate-participant', 'refresh-round2: sender and recipient are the same');
  checkScalar(bytesField(o['share'], 32, 'refresh-round2.share', 'invalid-scalar'), 'refresh-round2.share');
  return { v: 1, kind: 'refresh-round2', from: o['from'] as ParticipantId, to, share: o['share'] as string };
}
