/**
 * Typed errors. Callers (an HTTP layer, the citizen's app) branch on `code`, never on
 * message text, so the codes are part of the public API; messages are for humans.
 */

export type MerkleProofErrorCode =
  /** A size, index or hash argument has the wrong type or is out of the representable range. */
  | 'INVALID_ARGUMENT'
  /** The leaf index is not below the tree size. */
  | 'INDEX_OUT_OF_RANGE'
  /** size1 > size2 in a consistency check. */
  | 'SIZE_ORDER'
  /** A consistency proof from the empty tree: refused, it proves nothing. */
  | 'EMPTY_TREE'
  /** A hash (leaf, root or proof element) is not 32 bytes. */
  | 'BAD_HASH_LENGTH'
  /** The proof has more or fewer elements than the sizes require. */
  | 'WRONG_PROOF_LENGTH'
  /** The proof does not lead to the expected root. */
  | 'ROOT_MISMATCH'
  /** A node getter had no 32-byte hash for a node the computation needed. */
  | 'MISSING_NODE';

export class MerkleProofError extends Error {
  override readonly name = 'MerkleProofError';
  readonly code: MerkleProofErrorCode;
  constructor(code: MerkleProofErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export type NoteErrorCode =
  /** The signed note is not well-formed per c2sp.org/signed-note. */
  | 'MALFORMED_NOTE'
  /** The note text is not a well-formed c2sp.org/tlog-checkpoint body. */
  | 'MALFORMED_CHECKPOINT'
  /** A verifier key (vkey), key name or public key is malformed or unsupported. */
  | 'INVALID_KEY'
  /** A signature from a known key failed to verify: the whole note is rejected. */
  | 'BAD_SIGNATURE'
  /** No signature from a known key: the note must be ignored. */
  | 'UNVERIFIED'
  /** Two verifiers share both name and key ID, so a signature cannot be attributed. */
  | 'AMBIGUOUS_VERIFIER'
  /** The checkpoint is for another log than the one expected. */
  | 'ORIGIN_MISMATCH'
  /** An argument to a signing or formatting function is unusable (e.g. a bad signature callback result). */
  | 'INVALID_ARGUMENT';

export class NoteError extends Error {
  override readonly name = 'NoteError';
  readonly code: NoteErrorCode;
  constructor(code: NoteErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
