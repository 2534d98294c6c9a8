import { base64Decode, ed25519Verifier, leafHash, openCheckpoint, verifyInclusion, type Ed25519VerifyFn } from '@deed/merkle';
import { commitment, type AccessEvent } from './entry.js';

/** An entry as the platform serves it to the citizen it concerns. */
export interface ProvenEntry {
  /** The entry's position in the log (its leaf index). */
  seq: number;
  event: AccessEvent;
  /** base64 */
  salt: string;
  /** base64 hashes of the inclusion proof against the checkpoint's tree size. */
  proof: string[];
}

export interface SignedCheckpoint {
  /** The C2SP signed note. */
  note: string;
  /** The log's origin line. */
  origin: string;
  /** The C2SP verifier key, `<name>+<key id>+<base64 key>`. */
  verifierKey: string;
}

export class AccessLogVerificationError extends Error {
  constructor(
    readonly seq: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'AccessLogVerificationError';
  }
}

/**
 * Checks a signed checkpoint and that each entry is in the tree it commits to, exactly as
 * shown (any change to who, when, what or why changes the commitment and fails the proof).
 * Returns the checkpoint's tree size. `verify` is Ed25519 verification from the platform at
 * hand: WebCrypto in a browser, node:crypto in Node.
 */
export async function verifyEntries(
  checkpoint: SignedCheckpoint,
  entries: readonly ProvenEntry[],
  verify: Ed25519VerifyFn,
): Promise<{ size: number }> {
  let opened;
  try {
    opened = await openCheckpoint(checkpoint.note, checkpoint.origin, [ed25519Verifier(checkpoint.verifierKey, verify)]);
  } catch (error) {
    throw new AccessLogVerificationError(undefined, `checkpoint not verified: ${(error as Error).message}`);
  }
  const { size, root } = opened.checkpoint;
  for (const entry of entries) {
    const salt = base64Decode(entry.salt);
    const proof = entry.proof.map((h) => base64Decode(h));
    if (!salt || proof.some((h) => h === undefined))
      throw new AccessLogVerificationError(entry.seq, `entry ${entry.seq}: malformed salt or proof`);
    try {
      verifyInclusion(leafHash(commitment(entry.event, salt)), entry.seq, size, proof as Uint8Array[], root);
    } catch (error) {
      throw new AccessLogVerificationError(entry.seq, `entry ${entry.seq} is not in the signed log as shown: ${(error as Error).message}`);
    }
  }
  return { size };
}
