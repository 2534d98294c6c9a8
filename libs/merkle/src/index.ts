/**
 * @deed/merkle: RFC 9162 Merkle tree hashing, storage-friendly proof generation,
 * proof verification and C2SP checkpoints for Deed's citizen access log. Pure: no I/O.
 */
export { MerkleProofError, NoteError, type MerkleProofErrorCode, type NoteErrorCode } from './errors.js';
export { HASH_SIZE, leafHash, nodeHash, emptyRoot, merkleRoot, isHash, bytesEqual } from './hash.js';
export { appendNodes, rootNodes, treeRoot, type NodeGetter, type NodeId, type TreeNode } from './tree.js';
export { inclusionProof, inclusionProofNodes, consistencyProof, consistencyProofNodes } from './proofs.js';
export { MemoryNodeStore } from './store.js';
export { verifyInclusion, verifyConsistency, rootFromInclusionProof, inclusionProofLength, consistencyProofLength } from './verify.js';
export { base64Encode, base64Decode } from './base64.js';
export {
  ED25519_SIGNATURE_TYPE,
  MAX_NOTE_SIGNATURES,
  ed25519KeyId,
  ed25519Verifier,
  formatNote,
  formatVerifierKey,
  isValidKeyName,
  openNote,
  parseNote,
  parseVerifierKey,
  signNote,
  type Ed25519VerifyFn,
  type Note,
  type NoteSignFn,
  type NoteSignature,
  type NoteVerifier,
  type OpenedNote,
  type VerifierKey,
} from './note.js';
export { formatCheckpoint, parseCheckpoint, signCheckpoint, openCheckpoint, type Checkpoint, type OpenedCheckpoint } from './checkpoint.js';
