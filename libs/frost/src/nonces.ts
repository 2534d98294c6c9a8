/**
 * Signing nonces that can be used once and only once.
 *
 * Reusing a FROST nonce pair for two different signature shares reveals the signing share
 * (two linear equations, two unknowns). So nonces live inside an object whose secret can be
 * taken exactly once: by signShare (or serverCosign), by exportForStorage, or thrown away by
 * discard. Every later use throws FrostError('nonce-reused'). The object is consumed when
 * signing starts, even if signing then fails on bad input: a retry needs a fresh commit.
 */
import { isParticipantId, PROTOCOL_VERSION, type ParticipantId } from './constants.js';
import { decodeNonZeroScalar, fromBase64url, toBase64url, wipe } from './encoding.js';
import { FrostError } from './errors.js';
import { readCommitmentMessage, type CommitmentMessage } from './messages.js';

interface NonceSecret {
  hiding: Uint8Array;
  binding: Uint8Array;
}

/** Persisted form of nonces (see exportForStorage). SECRET. */
export interface StoredNoncesJSON {
  readonly v: 1;
  readonly kind: 'signing-nonces';
  readonly from: ParticipantId;
  readonly hiding: string;
  readonly binding: string;
  readonly commitment: CommitmentMessage;
}

// Module-private: only code in this package can take the secret out, and only once.
const secrets = new WeakMap<SigningNonces, NonceSecret>();
// Module-private: only this package can construct nonces, so callers cannot pick their own.
const INTERNAL = Symbol('SigningNonces');

export class SigningNonces {
  /** Who committed (the nonces were derived with this participant's share). */
  readonly identifier: ParticipantId;
  /** The public commitment message matching these nonces; send it to the peer. */
  readonly commitment: CommitmentMessage;

  /** Not for callers: nonces come from commit() or importFromStorage(). */
  constructor(token: symbol, identifier: ParticipantId, hiding: Uint8Array, binding: Uint8Array, commitment: CommitmentMessage) {
    if (token !== INTERNAL) throw new FrostError('invalid-state', 'create signing nonces with commit()');
    if (!isParticipantId(identifier)) throw new FrostError('invalid-participant', 'nonces: identifier must be 1 or 2');
    decodeNonZeroScalar(hiding, 'hiding nonce');
    decodeNonZeroScalar(binding, 'binding nonce');
    // The commitment is not recomputed here: noble's signShare recomputes it from the nonces and
    // refuses to sign if it differs, so an inconsistent pair can never produce a share.
    const c = readCommitmentMessage(commitment).message;
    if (c.from !== identifier) throw new FrostError('invalid-participant', 'nonces: commitment is from another participant');
    this.identifier = identifier;
    this.commitment = Object.freeze(c);
    secrets.set(this, { hiding: Uint8Array.from(hiding), binding: Uint8Array.from(binding) });
    Object.freeze(this);
  }

  /** True once the nonces were used, exported or discarded. */
  get used(): boolean {
    return !secrets.has(this);
  }

  /** Throws the nonces away without signing (for example when a session is abandoned). */
  discard(): void {
    const s = secrets.get(this);
    if (s === undefined) return;
    secrets.delete(this);
    wipe(s.hiding, s.binding);
  }

  /**
   * Moves the nonces out of this object into a string for storage between two HTTP requests
   * (the server commits in one request and signs in the next, possibly on another node).
   * This consumes the object. The string is SECRET, and the library cannot stop a copy of it
   * from being imported twice: store it under the signing session's id and read it with an
   * atomic delete (e.g. DELETE ... RETURNING), so that it is imported at most once.
   */
  exportForStorage(): string {
    const s = takeNonces(this);
    const stored: StoredNoncesJSON = {
      v: PROTOCOL_VERSION,
      kind: 'signing-nonces',
      from: this.identifier,
      hiding: toBase64url(s.hiding),
      binding: toBase64url(s.binding),
      commitment: this.commitment,
    };
    wipe(s.hiding, s.binding);
    return JSON.stringify(stored);
  }

  /** Restores nonces saved with exportForStorage (see the warning there). */
  static importFromStorage(text: string): SigningNonces {
    let o: unknown;
    try {
      o = JSON.parse(text);
    } catch {
      throw new FrostError('invalid-message', 'signing-nonces: not JSON');
    }
    if (typeof o !== 'object' || o === null) throw new FrostError('invalid-message', 'signing-nonces: expected an object');
    const s = o as Partial<Record<keyof StoredNoncesJSON, unknown>>;
    if (s.v !== PROTOCOL_VERSION || s.kind !== 'signing-nonces')
      throw new FrostError('invalid-message', 'signing-nonces: wrong version or kind');
    if (!isParticipantId(s.from)) throw new FrostError('invalid-participant', 'signing-nonces.from: expected 1 or 2');
    if (typeof s.hiding !== 'string' || typeof s.binding !== 'string')
      throw new FrostError('invalid-message', 'signing-nonces: missing nonces');
    return new SigningNonces(
      INTERNAL,
      s.from,
      fromBase64url(s.hiding, 'hiding nonce'),
      fromBase64url(s.binding, 'binding nonce'),
      s.commitment as CommitmentMessage,
    );
  }
}

/** @internal Wraps nonce scalars freshly made by noble's commit(). */
export function createNonces(
  identifier: ParticipantId,
  hiding: Uint8Array,
  binding: Uint8Array,
  commitment: CommitmentMessage,
): SigningNonces {
  return new SigningNonces(INTERNAL, identifier, hiding, binding, commitment);
}

/** @internal Takes the secret nonces out, exactly once. */
export function takeNonces(nonces: SigningNonces): NonceSecret {
  if (!(nonces instanceof SigningNonces)) throw new FrostError('invalid-message', 'expected a SigningNonces object from commit()');
  const s = secrets.get(nonces);
  if (s === undefined) throw new FrostError('nonce-reused', 'these signing nonces were already used; commit again');
  secrets.delete(nonces);
  return s;
}
