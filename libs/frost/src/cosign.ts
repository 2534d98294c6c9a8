/**
 * The server's whole side of one signature, in the only safe order: verify the device's share
 * first, and only if it verifies make the server's own share and aggregate.
 *
 * The order matters for the PIN. If the server released its share (or a signature) for a
 * device share that does not verify, whoever holds the device could combine it with shares
 * made from guessed PINs and test the guesses offline against the group key.
 */
import { DEVICE, SERVER } from './constants.js';
import { FrostError } from './errors.js';
import { publicKeyPackage, type KeyShare } from './keys.js';
import { readCommitmentMessage, readSignatureShareMessage, type ReadSignatureShare } from './messages.js';
import { takeNonces, type SigningNonces } from './nonces.js';
import { aggregateRead, readCommitmentList, signWithNonces, verifyRead } from './sign.js';

export interface ServerCosignInput {
  /** The server's key share (from DkgSession.finish or decodeKeyShare, which check it). */
  readonly key: KeyShare;
  /** The server's nonces from commit() in the previous request (consumed here, whatever the outcome). */
  readonly nonces: SigningNonces;
  /** The device's commitment message, as received. */
  readonly deviceCommitment: unknown;
  /** The device's signature share message, as received. */
  readonly deviceShare: unknown;
  /** The exact bytes being signed, as the server decided them (never taken from the device unchecked). */
  readonly message: Uint8Array;
}

export type ServerCosignResult =
  | { readonly ok: true; readonly signature: Uint8Array }
  /** The device's share does not verify: count a wrong PIN attempt. Nothing else is released. */
  | { readonly ok: false; readonly reason: 'device-share-rejected' };

/**
 * Verifies the device's share, then signs and aggregates. Malformed input throws FrostError (a
 * 4xx, and not a PIN attempt: a wrong PIN always yields a well-formed share).
 */
export function serverCosign(input: ServerCosignInput): ServerCosignResult {
  const { key, nonces, message } = input;
  const secret = takeNonces(nonces);
  try {
    if (key.identifier !== SERVER || nonces.identifier !== SERVER)
      throw new FrostError('invalid-participant', 'serverCosign needs the server key share and server nonces');
    if (!(message instanceof Uint8Array)) throw new FrostError('invalid-message', 'message to sign: expected bytes');
    const deviceCommitment = readCommitmentMessage(input.deviceCommitment);
    const deviceShare = readSignatureShareMessage(input.deviceShare);
    if (deviceCommitment.message.from !== DEVICE || deviceShare.message.from !== DEVICE)
      throw new FrostError('invalid-participant', 'the device commitment and share must come from participant 1');
    const commitments = [deviceCommitment.message, nonces.commitment];
    const list = readCommitmentList(commitments);
    const pub = publicKeyPackage(key);
    if (!verifyRead(pub, list, message, deviceShare)) return { ok: false, reason: 'device-share-rejected' };
    const serverShare = signWithNonces(key, nonces.identifier, secret, nonces.commitment, commitments, message);
    const shares: ReadSignatureShare[] = [deviceShare, readSignatureShareMessage(serverShare)];
    return { ok: true, signature: aggregateRead(pub, list, message, shares) };
  } finally {
    secret.hiding.fill(0);
    secret.binding.fill(0);
  }
}
