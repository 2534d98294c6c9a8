/**
 * Proactive share refresh for two-of-two: both sides re-randomise their shares, the group key
 * stays the same, and old shares no longer combine with new ones (so a copied, stale device
 * share fails share verification at the server from then on).
 *
 * noble has no refresh, so this is the standard construction (Herzberg et al.; frost-rs's
 * refresh; the FROST paper's keygen with the constant term fixed at zero), built only from
 * noble's Point and Fn: each side i picks a random b_i and deals the zero-sharing
 * g_i(x) = b_i * x, publishing C_i = b_i * G (round 1) and sending g_i(peer) in secret
 * (round 2). Participant j then adds g_1(j) + g_2(j) = j * (b_1 + b_2) to its share, and its
 * verifying share moves by j * (C_1 + C_2). Interpolating at zero, the two additions cancel.
 *
 * Round 1 must be exchanged before round 2 is revealed (as the flow below does), so neither
 * side can choose its b after seeing the other's to cancel the refresh; a refresh that would
 * change nothing (C_1 + C_2 = identity) is refused anyway.
 */
import { isParticipantId, peerOf, PROTOCOL_VERSION, type ParticipantId } from './constants.js';
import {
  checkPoint,
  decodeNonZeroScalar,
  decodePoint,
  decodeScalar,
  encodeScalar,
  equalBytes,
  fromBase64url,
  toBase64url,
} from './encoding.js';
import { FrostError } from './errors.js';
import { checkKeyShare, type KeyShare } from './keys.js';
import { parseRefreshRound1Message, parseRefreshRound2Message, type RefreshRound1Message, type RefreshRound2Message } from './messages.js';
import { Fn, frost, Point } from './suite.js';

/** What one side learns from a refresh. The delta is SECRET. */
export interface RefreshResult {
  readonly identifier: ParticipantId;
  readonly groupPublicKey: Uint8Array;
  /** Scalar to add (mod L) to this side's signing share, or to its PIN-masked share: the mask is additive too. */
  readonly shareDelta: Uint8Array;
  /** (b_1 + b_2) * G: participant j's verifying share moves by j times this point. */
  readonly commitmentSum: Uint8Array;
}

/** Persisted refresh state (see RefreshSession.serialize). Contains the SECRET coefficient. */
export interface RefreshStateJSON {
  readonly v: 1;
  readonly kind: 'refresh-state';
  readonly self: ParticipantId;
  readonly step: 'round1' | 'round2';
  readonly coefficient: string;
  readonly round1: RefreshRound1Message;
  readonly peerRound1?: RefreshRound1Message;
}

type Step = 'round1' | 'round2' | 'done';

/**
 * One side of a refresh. Same shape as DkgSession:
 *
 *   const r = RefreshSession.start(SERVER, key.groupPublicKey);
 *   const toDevice = r.receiveRound1(deviceRound1);   // reply with r.round1Message and toDevice (SECRET)
 *   const result = r.finish(deviceRound2);
 *   const newKey = applyRefresh(key, result);
 */
export class RefreshSession {
  readonly self: ParticipantId;
  readonly peer: ParticipantId;
  readonly groupPublicKey: Uint8Array;
  #b: bigint;
  #round1: RefreshRound1Message;
  #peerRound1: RefreshRound1Message | undefined;
  #step: Step;

  private constructor(self: ParticipantId, groupPublicKey: Uint8Array, b: bigint) {
    this.self = self;
    this.peer = peerOf(self);
    this.groupPublicKey = checkPoint(groupPublicKey, 'group public key');
    this.#b = b;
    this.#round1 = {
      v: PROTOCOL_VERSION,
      kind: 'refresh-round1',
      from: self,
      groupPublicKey: toBase64url(this.groupPublicKey),
      commitment: toBase64url(Point.BASE.multiply(b).toBytes()),
    };
    this.#peerRound1 = undefined;
    this.#step = 'round1';
  }

  /** Starts a refresh of the key with this group public key, as `self`. */
  static start(self: ParticipantId, groupPublicKey: Uint8Array): RefreshSession {
    if (!isParticipantId(self)) throw new FrostError('invalid-participant', 'RefreshSession.start: self must be 1 or 2');
    return new RefreshSession(self, groupPublicKey, Fn.fromBytes(frost.utils.randomScalar()));
  }

  /** This side's round-1 message (public). */
  get round1Message(): RefreshRound1Message {
    return this.#round1;
  }

  /** Takes the peer's commitment and returns g_self(peer) for the peer: SECRET, confidential channel only. */
  receiveRound1(message: unknown): RefreshRound2Message {
    if (this.#step !== 'round1') throw new FrostError('invalid-state', 'refresh round 1 was already received');
    const m = parseRefreshRound1Message(message);
    if (m.from !== this.peer) throw new FrostError('invalid-participant', `refresh round 1 must come from participant ${this.peer}`);
    if (m.groupPublicKey !== this.#round1.groupPublicKey)
      throw new FrostError('inconsistent-key', 'refresh round 1 is for a different group key');
    this.#peerRound1 = m;
    this.#step = 'round2';
    const share = Fn.mul(this.#b, BigInt(this.peer));
    return { v: PROTOCOL_VERSION, kind: 'refresh-round2', from: this.self, to: this.peer, share: toBase64url(encodeScalar(share)) };
  }

  /** Checks the peer's share against its commitment and returns this side's refresh. */
  finish(message: unknown): RefreshResult {
    if (this.#step !== 'round2' || this.#peerRound1 === undefined)
      throw new FrostError(
        'invalid-state',
        this.#step === 'done' ? 'refresh already finished' : 'refresh round 1 of the peer not received yet',
      );
    const m = parseRefreshRound2Message(message);
    if (m.from !== this.peer || m.to !== this.self)
      throw new FrostError('invalid-participant', `refresh round 2 must go from participant ${this.peer} to ${this.self}`);
    const delta = decodeNonZeroScalar(fromBase64url(m.share), 'refresh share');
    const peerC = decodePoint(fromBase64url(this.#peerRound1.commitment), 'peer refresh commitment');
    const selfIdx = BigInt(this.self);
    // Feldman check of g_peer(self) = b_peer * self against C_peer = b_peer * G.
    if (!Point.BASE.multiply(delta).equals(peerC.multiply(selfIdx)))
      throw new FrostError('invalid-share', 'refresh share from peer does not match its commitment');
    const ownC = Point.BASE.multiply(this.#b);
    const sum = ownC.add(peerC);
    if (sum.is0()) throw new FrostError('invalid-share', 'refresh would leave the shares unchanged');
    const shareDelta = Fn.add(Fn.mul(this.#b, selfIdx), delta);
    this.#b = Fn.ZERO;
    this.#step = 'done';
    return {
      identifier: this.self,
      groupPublicKey: Uint8Array.from(this.groupPublicKey),
      shareDelta: encodeScalar(shareDelta),
      commitmentSum: sum.toBytes(),
    };
  }

  /** State between HTTP requests; SECRET (store encrypted, delete when the refresh ends). */
  serialize(): string {
    if (this.#step === 'done') throw new FrostError('invalid-state', 'a finished refresh has no state to keep');
    const state: RefreshStateJSON = {
      v: PROTOCOL_VERSION,
      kind: 'refresh-state',
      self: this.self,
      step: this.#step,
      coefficient: toBase64url(encodeScalar(this.#b)),
      round1: this.#round1,
      ...(this.#peerRound1 === undefined ? {} : { peerRound1: this.#peerRound1 }),
    };
    return JSON.stringify(state);
  }

  static deserialize(text: string): RefreshSession {
    let o: unknown;
    try {
      o = JSON.parse(text);
    } catch {
      throw new FrostError('invalid-message', 'refresh-state: not JSON');
    }
    if (typeof o !== 'object' || o === null) throw new FrostError('invalid-message', 'refresh-state: expected an object');
    const s = o as Partial<Record<keyof RefreshStateJSON, unknown>>;
    if (s.v !== PROTOCOL_VERSION || s.kind !== 'refresh-state')
      throw new FrostError('invalid-message', 'refresh-state: wrong version or kind');
    if (!isParticipantId(s.self)) throw new FrostError('invalid-participant', 'refresh-state.self: expected 1 or 2');
    if (s.step !== 'round1' && s.step !== 'round2')
      throw new FrostError('invalid-message', 'refresh-state.step: expected round1 or round2');
    if (typeof s.coefficient !== 'string') throw new FrostError('invalid-message', 'refresh-state.coefficient: expected a string');
    const b = decodeNonZeroScalar(fromBase64url(s.coefficient, 'refresh-state.coefficient'), 'refresh-state.coefficient');
    const round1 = parseRefreshRound1Message(s.round1);
    if (round1.from !== s.self) throw new FrostError('invalid-participant', 'refresh-state.round1 is not from self');
    const session = new RefreshSession(s.self, fromBase64url(round1.groupPublicKey), b);
    if (session.round1Message.commitment !== round1.commitment)
      throw new FrostError('inconsistent-key', 'refresh-state: coefficient does not match the published commitment');
    if (s.step === 'round2') session.receiveRound1(s.peerRound1);
    return session;
  }
}

function checkResult(result: RefreshResult): { delta: bigint; sum: ReturnType<typeof decodePoint> } {
  if (!isParticipantId(result.identifier)) throw new FrostError('invalid-participant', 'refresh result: identifier must be 1 or 2');
  checkPoint(result.groupPublicKey, 'refresh result groupPublicKey');
  return {
    delta: decodeScalar(result.shareDelta, 'refresh result shareDelta'),
    sum: decodePoint(result.commitmentSum, 'refresh result commitmentSum'),
  };
}

/** Adds a refresh to a share; works on the plain share and, since the PIN mask is additive, on the masked one. */
export function refreshShare(share: Uint8Array, result: RefreshResult): Uint8Array {
  const { delta } = checkResult(result);
  return encodeScalar(Fn.add(decodeScalar(share, 'share'), delta));
}

/** The server's (or any full holder's) new key share after a refresh; checks that the group key is unchanged. */
export function applyRefresh(key: KeyShare, result: RefreshResult): KeyShare {
  const { sum } = checkResult(result);
  if (result.identifier !== key.identifier) throw new FrostError('invalid-participant', 'refresh result is for the other participant');
  if (!equalBytes(result.groupPublicKey, key.groupPublicKey))
    throw new FrostError('inconsistent-key', 'refresh result is for a different group key');
  const self = key.identifier;
  const peer = peerOf(self);
  const next: KeyShare = {
    identifier: self,
    signingShare: refreshShare(key.signingShare, result),
    verifyingShare: decodePoint(key.verifyingShare, 'verifying share')
      .add(sum.multiply(BigInt(self)))
      .toBytes(),
    peerVerifyingShare: decodePoint(key.peerVerifyingShare, 'peer verifying share')
      .add(sum.multiply(BigInt(peer)))
      .toBytes(),
    groupPublicKey: Uint8Array.from(key.groupPublicKey),
  };
  checkKeyShare(next); // new share matches new verifying share, and both still interpolate to the same group key
  return next;
}
