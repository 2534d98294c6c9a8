/**
 * Two-party distributed key generation (FROST's Pedersen DKG with proofs of knowledge, as in
 * frost-rs and noble), min = max = 2, device = 1, server = 2.
 *
 * Each side picks a random degree-1 polynomial f_i, publishes commitments to its coefficients
 * with a proof of knowledge of f_i(0) (round 1), sends f_i(peer) to the peer in secret
 * (round 2), and ends with the share s_i = f_1(i) + f_2(i). The signing key f_1(0) + f_2(0)
 * is never computed by anyone.
 */
import type { DKG_Round1, DKG_Round2, DKG_Secret } from '@noble/curves/abstract/frost.js';
import { isParticipantId, peerOf, PROTOCOL_VERSION, type ParticipantId } from './constants.js';
import { decodeNonZeroScalar, encodeScalar, fromBase64url, toBase64url, wipe } from './encoding.js';
import { FrostError, wrapNoble } from './errors.js';
import { checkKeyShare, type KeyShare } from './keys.js';
import {
  parseDkgRound1Message,
  parseDkgRound2Message,
  readDkgRound1Message,
  type DkgRound1Message,
  type DkgRound2Message,
} from './messages.js';
import { frost, nobleId } from './suite.js';

const SIGNERS = { min: 2, max: 2 } as const;

type Step = 'round1' | 'round2' | 'done';

/** Persisted DKG state (see DkgSession.serialize). Contains SECRET polynomial coefficients. */
export interface DkgStateJSON {
  readonly v: 1;
  readonly kind: 'dkg-state';
  readonly self: ParticipantId;
  readonly step: 'round1' | 'round2';
  readonly coefficients: readonly string[];
  readonly round1: DkgRound1Message;
  readonly peerRound1?: DkgRound1Message;
}

function toWire(self: ParticipantId, p: DKG_Round1): DkgRound1Message {
  const [c0, c1] = p.commitment;
  if (c0 === undefined || c1 === undefined || p.commitment.length !== 2)
    throw new FrostError('invalid-state', 'noble produced an unexpected commitment');
  return {
    v: PROTOCOL_VERSION,
    kind: 'dkg-round1',
    from: self,
    commitment: [toBase64url(c0), toBase64url(c1)],
    proofOfKnowledge: toBase64url(p.proofOfKnowledge),
  };
}

function fromWire(m: DkgRound1Message): DKG_Round1 {
  return {
    identifier: nobleId(m.from),
    commitment: m.commitment.map((c) => fromBase64url(c)),
    proofOfKnowledge: fromBase64url(m.proofOfKnowledge),
  } as DKG_Round1;
}

/**
 * One side of a key generation. Usage (device shown; the server is symmetric):
 *
 *   const dkg = DkgSession.start(DEVICE);
 *   send(dkg.round1Message);
 *   const toServer = dkg.receiveRound1(serverRound1);   // checks the server's proof and points
 *   send(toServer);                                     // SECRET: confidential channel only
 *   const key = dkg.finish(serverRound2);               // checks the server's share
 *
 * A session is single-use: steps must come in order and each only once.
 */
export class DkgSession {
  readonly self: ParticipantId;
  readonly peer: ParticipantId;
  #secret: DKG_Secret;
  #round1: DkgRound1Message;
  #peerRound1: DkgRound1Message | undefined;
  #step: Step;

  private constructor(self: ParticipantId, secret: DKG_Secret, round1: DkgRound1Message) {
    this.self = self;
    this.peer = peerOf(self);
    this.#secret = secret;
    this.#round1 = round1;
    this.#peerRound1 = undefined;
    this.#step = 'round1';
  }

  /** Starts key generation as `self` (DEVICE or SERVER) with fresh randomness. */
  static start(self: ParticipantId): DkgSession {
    if (!isParticipantId(self)) throw new FrostError('invalid-participant', 'DkgSession.start: self must be 1 or 2');
    const r1 = frost.DKG.round1(nobleId(self), { ...SIGNERS });
    return new DkgSession(self, r1.secret, toWire(self, r1.public));
  }

  /** This side's round-1 message, to send to the peer (public). */
  get round1Message(): DkgRound1Message {
    return this.#round1;
  }

  /**
   * Takes the peer's round-1 message, verifies its proof of knowledge and points, and returns
   * the round-2 message for the peer: f_self(peer), which is SECRET.
   */
  receiveRound1(message: unknown): DkgRound2Message {
    if (this.#step !== 'round1') throw new FrostError('invalid-state', 'DKG round 1 was already received');
    const peerRound1 = readDkgRound1Message(message).message;
    if (peerRound1.from !== this.peer) throw new FrostError('invalid-participant', `DKG round 1 must come from participant ${this.peer}`);
    // noble validates the points and the proof; on failure, parse says which point is bad, if one is.
    const out = wrapNoble(
      'invalid-proof',
      'DKG round 1 from peer rejected',
      () => frost.DKG.round2(this.#secret, [fromWire(peerRound1)]),
      () => parseDkgRound1Message(peerRound1),
    );
    const pkg = out[nobleId(this.peer)];
    if (pkg === undefined) throw new FrostError('invalid-state', 'noble produced no share for the peer');
    this.#peerRound1 = peerRound1;
    this.#step = 'round2';
    return { v: PROTOCOL_VERSION, kind: 'dkg-round2', from: this.self, to: this.peer, signingShare: toBase64url(pkg.signingShare) };
  }

  /**
   * Takes the peer's round-2 message, checks the share against the peer's commitments, and
   * returns this side's key share. Erases the polynomial afterwards.
   */
  finish(message: unknown): KeyShare {
    if (this.#step !== 'round2' || this.#peerRound1 === undefined)
      throw new FrostError('invalid-state', this.#step === 'done' ? 'DKG already finished' : 'DKG round 1 of the peer not received yet');
    const m = parseDkgRound2Message(message);
    if (m.from !== this.peer || m.to !== this.self)
      throw new FrostError('invalid-participant', `DKG round 2 must go from participant ${this.peer} to ${this.self}`);
    const share = fromBase64url(m.signingShare);
    const peerPkg = { identifier: nobleId(this.peer), signingShare: share } as DKG_Round2;
    const key = wrapNoble('invalid-share', 'DKG round 2 from peer rejected', () =>
      frost.DKG.round3(this.#secret, [fromWire(this.#peerRound1 as DkgRound1Message)], [peerPkg]),
    );
    wipe(share);
    frost.DKG.clean(this.#secret);
    this.#step = 'done';
    const self = nobleId(this.self);
    const peer = nobleId(this.peer);
    const [groupPublicKey] = key.public.commitments;
    const verifyingShare = key.public.verifyingShares[self];
    const peerVerifyingShare = key.public.verifyingShares[peer];
    if (groupPublicKey === undefined || verifyingShare === undefined || peerVerifyingShare === undefined)
      throw new FrostError('invalid-state', 'noble returned an incomplete key package');
    const result: KeyShare = {
      identifier: this.self,
      signingShare: Uint8Array.from(key.secret.signingShare),
      verifyingShare: Uint8Array.from(verifyingShare),
      peerVerifyingShare: Uint8Array.from(peerVerifyingShare),
      groupPublicKey: Uint8Array.from(groupPublicKey),
    };
    wipe(key.secret.signingShare);
    checkKeyShare(result); // every point valid, share matches verifying share, shares interpolate to the group key
    return result;
  }

  /**
   * Serializes the state between HTTP requests (a server must not keep it only in one process's
   * memory). The result contains SECRET polynomial coefficients: store it encrypted, under the
   * enrolment session, and delete it once the session finishes or expires.
   */
  serialize(): string {
    if (this.#step === 'done') throw new FrostError('invalid-state', 'a finished DKG has no state to keep');
    const coefficients = this.#secret.coefficients;
    if (coefficients === undefined) throw new FrostError('invalid-state', 'DKG state has no coefficients');
    const state: DkgStateJSON = {
      v: PROTOCOL_VERSION,
      kind: 'dkg-state',
      self: this.self,
      step: this.#step,
      coefficients: coefficients.map((c) => toBase64url(encodeScalar(c))),
      round1: this.#round1,
      ...(this.#peerRound1 === undefined ? {} : { peerRound1: this.#peerRound1 }),
    };
    return JSON.stringify(state);
  }

  /** Restores a session saved with serialize(). */
  static deserialize(text: string): DkgSession {
    let o: unknown;
    try {
      o = JSON.parse(text);
    } catch {
      throw new FrostError('invalid-message', 'dkg-state: not JSON');
    }
    if (typeof o !== 'object' || o === null) throw new FrostError('invalid-message', 'dkg-state: expected an object');
    const s = o as Partial<Record<keyof DkgStateJSON, unknown>>;
    if (s.v !== PROTOCOL_VERSION || s.kind !== 'dkg-state') throw new FrostError('invalid-message', 'dkg-state: wrong version or kind');
    if (!isParticipantId(s.self)) throw new FrostError('invalid-participant', 'dkg-state.self: expected 1 or 2');
    const self = s.self;
    if (s.step !== 'round1' && s.step !== 'round2') throw new FrostError('invalid-message', 'dkg-state.step: expected round1 or round2');
    if (!Array.isArray(s.coefficients) || s.coefficients.length !== 2)
      throw new FrostError('invalid-message', 'dkg-state.coefficients: expected two scalars');
    const coefficients = s.coefficients.map((c: unknown, i) =>
      decodeNonZeroScalar(fromBase64url(typeof c === 'string' ? c : '', `dkg-state.coefficients[${i}]`), `dkg-state.coefficients[${i}]`),
    );
    const round1 = readDkgRound1Message(s.round1).message;
    if (round1.from !== self) throw new FrostError('invalid-participant', 'dkg-state.round1 is not from self');
    const commitment = round1.commitment.map((c) => fromBase64url(c));
    // The stored coefficients must be the ones the published commitments commit to.
    const recomputed = frost.utils.generateSecretPolynomial({ ...SIGNERS }, encodeScalar(coefficients[0] as bigint), coefficients.slice(1));
    if (recomputed.commitment.some((c, i) => toBase64url(c) !== round1.commitment[i]))
      throw new FrostError('inconsistent-key', 'dkg-state: coefficients do not match the published commitments');
    const secret = { identifier: BigInt(self), coefficients, commitment, signers: { ...SIGNERS }, step: 1 } as DKG_Secret;
    const session = new DkgSession(self, secret, round1);
    if (s.step === 'round2') session.receiveRound1(s.peerRound1); // deterministic: recomputes noble's round-2 cache
    return session;
  }
}
