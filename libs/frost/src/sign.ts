/**
 * The two signing rounds of RFC 9591 for the set {device, server}, over noble's ed25519_FROST:
 * commit (round 1), signShare (round 2), verifySignatureShare, aggregate, verifySignature.
 * The aggregate is an ordinary RFC 8032 Ed25519 signature under the group public key.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import type { FrostPublic, NonceCommitments } from '@noble/curves/abstract/frost.js';
import { DEVICE, isParticipantId, PROTOCOL_VERSION, SERVER, type ParticipantId } from './constants.js';
import { checkPoint, checkScalar, POINT_BYTES, SIGNATURE_BYTES, toBase64url, wipe } from './encoding.js';
import { FrostError, wrapNoble } from './errors.js';
import type { PublicKeyPackage, SignerKey } from './keys.js';
import {
  readCommitmentMessage,
  readSignatureShareMessage,
  type CommitmentMessage,
  type ReadCommitment,
  type ReadSignatureShare,
  type SignatureShareMessage,
} from './messages.js';
import { createNonces, SigningNonces, takeNonces } from './nonces.js';
import { frost, nobleId } from './suite.js';

const SIGNERS = { min: 2, max: 2 } as const;

/** Cheap checks of a signer key; its group key is validated by noble when used. */
function readSignerKey(key: SignerKey): void {
  if (typeof key !== 'object' || key === null || !isParticipantId(key.identifier))
    throw new FrostError('invalid-participant', 'signer key: identifier must be 1 or 2');
  checkScalar(key.signingShare, 'signer key signingShare');
  if (!(key.groupPublicKey instanceof Uint8Array) || key.groupPublicKey.length !== POINT_BYTES)
    throw new FrostError('invalid-point', 'signer key groupPublicKey: expected 32 bytes');
}

/**
 * Round 1: fresh nonces and their public commitment. Send `commitment` to the peer; keep
 * `nonces` for exactly one signShare (see SigningNonces).
 */
export function commit(key: SignerKey): { nonces: SigningNonces; commitment: CommitmentMessage } {
  readSignerKey(key);
  const gen = frost.commit({ identifier: nobleId(key.identifier), signingShare: key.signingShare });
  const commitment: CommitmentMessage = {
    v: PROTOCOL_VERSION,
    kind: 'commitment',
    from: key.identifier,
    hiding: toBase64url(gen.commitments.hiding),
    binding: toBase64url(gen.commitments.binding),
  };
  const nonces = createNonces(key.identifier, gen.nonces.hiding, gen.nonces.binding, commitment);
  wipe(gen.nonces.hiding, gen.nonces.binding);
  return { nonces, commitment: nonces.commitment };
}

/** @internal Shape and participant checks of a commitment list (no curve work). Returns it sorted by participant. */
export function readCommitmentList(list: readonly unknown[], self?: ParticipantId): ReadCommitment[] {
  if (!Array.isArray(list)) throw new FrostError('invalid-message', 'commitment list: expected an array');
  if (list.length !== 2)
    throw new FrostError('wrong-signer-count', `commitment list: two-of-two needs exactly 2 commitments, got ${list.length}`);
  const read = list.map((c) => readCommitmentMessage(c));
  if (self !== undefined && !read.some((c) => c.message.from === self))
    throw new FrostError('missing-own-commitment', `commitment list does not contain participant ${self}'s own commitment`);
  const [a, b] = read as [ReadCommitment, ReadCommitment];
  if (a.message.from === b.message.from)
    throw new FrostError('duplicate-participant', `commitment list names participant ${a.message.from} twice`);
  return a.message.from < b.message.from ? [a, b] : [b, a];
}

/**
 * Fully checks a commitment list for a two-of-two session: exactly two commitments, from
 * participants 1 and 2, each once, including `self`'s when given, every point valid.
 * (The signing functions do the same checks themselves; this is for rejecting input early.)
 */
export function checkCommitmentList(list: readonly unknown[], self?: ParticipantId): CommitmentMessage[] {
  const read = readCommitmentList(list, self);
  diagnoseCommitments(read);
  return read.map((c) => c.message);
}

function diagnoseCommitments(list: readonly ReadCommitment[]): void {
  for (const c of list) {
    checkPoint(c.hiding, `commitment of participant ${c.message.from}: hiding`);
    checkPoint(c.binding, `commitment of participant ${c.message.from}: binding`);
  }
}

function toNobleCommitments(list: readonly ReadCommitment[]): NonceCommitments[] {
  return list.map((c) => ({ identifier: nobleId(c.message.from), hiding: c.hiding, binding: c.binding }) as NonceCommitments);
}

function toNoblePublic(groupPublicKey: Uint8Array, verifyingShares?: Readonly<Record<ParticipantId, Uint8Array>>): FrostPublic {
  const shares: Record<string, Uint8Array> = {};
  if (verifyingShares !== undefined) {
    shares[nobleId(DEVICE)] = verifyingShares[DEVICE];
    shares[nobleId(SERVER)] = verifyingShares[SERVER];
  }
  return { signers: { ...SIGNERS }, commitments: [groupPublicKey], verifyingShares: shares } as FrostPublic;
}

function diagnosePublic(pub: PublicKeyPackage): void {
  checkPoint(pub.groupPublicKey, 'group public key');
  checkPoint(pub.verifyingShares[DEVICE], 'device verifying share');
  checkPoint(pub.verifyingShares[SERVER], 'server verifying share');
}

function checkMessage(message: unknown): Uint8Array {
  if (!(message instanceof Uint8Array)) throw new FrostError('invalid-message', 'message to sign: expected bytes');
  return message;
}

/** @internal Round 2 with nonces already taken out of their object; wipes them. */
export function signWithNonces(
  key: SignerKey,
  nonceId: ParticipantId,
  secret: { hiding: Uint8Array; binding: Uint8Array },
  ownCommitment: CommitmentMessage,
  commitments: readonly unknown[],
  message: Uint8Array,
): SignatureShareMessage {
  try {
    readSignerKey(key);
    if (nonceId !== key.identifier)
      throw new FrostError('invalid-participant', `nonces belong to participant ${nonceId}, key to ${key.identifier}`);
    const list = readCommitmentList(commitments, key.identifier);
    const own = (list.find((c) => c.message.from === key.identifier) as ReadCommitment).message;
    if (own.hiding !== ownCommitment.hiding || own.binding !== ownCommitment.binding)
      throw new FrostError('commitment-mismatch', 'the commitment list carries a different commitment for this signer than its nonces');
    checkMessage(message);
    const share = wrapNoble(
      'invalid-message',
      'signing failed',
      () =>
        frost.signShare(
          { identifier: nobleId(key.identifier), signingShare: key.signingShare },
          toNoblePublic(key.groupPublicKey),
          { hiding: Uint8Array.from(secret.hiding), binding: Uint8Array.from(secret.binding) },
          toNobleCommitments(list),
          message,
        ),
      () => {
        checkPoint(key.groupPublicKey, 'group public key');
        diagnoseCommitments(list);
      },
    );
    return { v: PROTOCOL_VERSION, kind: 'signature-share', from: key.identifier, share: toBase64url(share) };
  } finally {
    wipe(secret.hiding, secret.binding);
  }
}

/**
 * Round 2: this signer's signature share over `message`, given both commitments. Consumes
 * `nonces` at once, even if the inputs are then rejected; a second call throws 'nonce-reused'.
 */
export function signShare(
  key: SignerKey,
  nonces: SigningNonces,
  commitments: readonly unknown[],
  message: Uint8Array,
): SignatureShareMessage {
  const secret = takeNonces(nonces);
  return signWithNonces(key, nonces.identifier, secret, nonces.commitment, commitments, message);
}

/** @internal verifySignatureShare on already-read inputs. */
export function verifyRead(
  pub: PublicKeyPackage,
  list: readonly ReadCommitment[],
  message: Uint8Array,
  share: ReadSignatureShare,
): boolean {
  return wrapNoble(
    'invalid-message',
    'share verification failed',
    () =>
      frost.verifyShare(
        toNoblePublic(pub.groupPublicKey, pub.verifyingShares),
        toNobleCommitments(list),
        message,
        nobleId(share.message.from),
        share.share,
      ),
    () => {
      diagnosePublic(pub);
      diagnoseCommitments(list);
    },
  );
}

/**
 * Checks one signature share against its signer's verifying share (RFC 9591 §5.4). Malformed
 * input throws FrostError; a well-formed share that does not verify returns false. This is how
 * the server tells a wrong PIN: the device's share then is a valid scalar that fails here.
 */
export function verifySignatureShare(
  pub: PublicKeyPackage,
  commitments: readonly unknown[],
  message: Uint8Array,
  share: SignatureShareMessage,
): boolean {
  const list = readCommitmentList(commitments);
  const s = readSignatureShareMessage(share);
  return verifyRead(pub, list, checkMessage(message), s);
}

/** @internal aggregate on already-read inputs. */
export function aggregateRead(
  pub: PublicKeyPackage,
  list: readonly ReadCommitment[],
  message: Uint8Array,
  shares: readonly ReadSignatureShare[],
): Uint8Array {
  if (shares.length !== 2) throw new FrostError('wrong-signer-count', `two-of-two needs exactly 2 signature shares, got ${shares.length}`);
  const byId: Record<string, Uint8Array> = {};
  for (const s of shares) {
    const id = nobleId(s.message.from);
    if (id in byId) throw new FrostError('duplicate-participant', `signature shares name participant ${s.message.from} twice`);
    byId[id] = s.share;
  }
  const signature = wrapNoble(
    'aggregation-failed',
    'aggregation failed',
    () => frost.aggregate(toNoblePublic(pub.groupPublicKey, pub.verifyingShares), toNobleCommitments(list), message, byId),
    () => {
      diagnosePublic(pub);
      diagnoseCommitments(list);
    },
  );
  // noble has already checked the aggregate (cofactored); check it once more exactly as RFC 8032 verifiers do.
  if (!verifySignature(pub.groupPublicKey, message, signature))
    throw new FrostError('aggregation-failed', 'aggregate is not a valid Ed25519 signature');
  return Uint8Array.from(signature);
}

/**
 * Sums the two shares into the final 64-byte Ed25519 signature and verifies it. Throws
 * FrostError('aggregation-failed') if it does not verify (then at least one share is bad;
 * verify each with verifySignatureShare to know which).
 */
export function aggregate(
  pub: PublicKeyPackage,
  commitments: readonly unknown[],
  message: Uint8Array,
  shares: readonly SignatureShareMessage[],
): Uint8Array {
  const list = readCommitmentList(commitments);
  if (!Array.isArray(shares)) throw new FrostError('invalid-message', 'signature shares: expected an array');
  return aggregateRead(
    pub,
    list,
    checkMessage(message),
    shares.map((s) => readSignatureShareMessage(s)),
  );
}

/**
 * Verifies an Ed25519 signature as RFC 8032 specifies it (strict encodings, S < L, the check
 * that node:crypto, OpenSSL and GnuTLS apply). Returns false for anything malformed.
 */
export function verifySignature(groupPublicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (!(groupPublicKey instanceof Uint8Array) || !(message instanceof Uint8Array) || !(signature instanceof Uint8Array)) return false;
  if (signature.length !== SIGNATURE_BYTES || groupPublicKey.length !== POINT_BYTES) return false;
  try {
    return ed25519.verify(signature, message, groupPublicKey, { zip215: false });
  } catch {
    return false;
  }
}
