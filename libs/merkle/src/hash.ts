/**
 * RFC 9162 §2.1.1 hashing with SHA-256. The 0x00 / 0x01 prefixes separate leaves from
 * interior nodes, so a leaf can never be passed off as a node (second-preimage defence).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { isBytes } from '@noble/hashes/utils.js';
import { MerkleProofError } from './errors.js';

/** Size in bytes of every leaf, node and root hash (SHA-256). */
export const HASH_SIZE = 32;

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

/** leafHash(d) = SHA-256(0x00 || d). */
export function leafHash(data: Uint8Array): Uint8Array {
  if (!isBytes(data)) throw new MerkleProofError('INVALID_ARGUMENT', 'leaf data must be a Uint8Array');
  const buf = new Uint8Array(1 + data.length);
  buf[0] = LEAF_PREFIX;
  buf.set(data, 1);
  return sha256(buf);
}

/** nodeHash(l, r) = SHA-256(0x01 || l || r). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  // One buffer, one digest call: this is the hot path of appends and proofs.
  const buf = new Uint8Array(1 + left.length + right.length);
  buf[0] = NODE_PREFIX;
  buf.set(left, 1);
  buf.set(right, 1 + left.length);
  return sha256(buf);
}

/** MTH({}) = SHA-256 of the empty string. A fresh copy each call, so callers may not corrupt it. */
export function emptyRoot(): Uint8Array {
  return sha256(new Uint8Array(0));
}

/** True when `h` is a Uint8Array of exactly HASH_SIZE bytes. */
export function isHash(h: unknown): h is Uint8Array {
  return isBytes(h) && h.length === HASH_SIZE;
}

/** Constant-length byte comparison (the inputs are public, so no timing concern). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * MTH (RFC 9162 §2.1.1) of a list of leaf hashes, computed level by level in O(n).
 * Pairing neighbours and promoting an unpaired last node equals the RFC's split at the
 * largest power of two, because that split keeps every left subtree perfect.
 */
export function merkleRoot(leafHashes: readonly Uint8Array[]): Uint8Array {
  if (!Array.isArray(leafHashes)) throw new MerkleProofError('INVALID_ARGUMENT', 'leafHashes must be an array');
  if (leafHashes.length === 0) return emptyRoot();
  let level: Uint8Array[] = leafHashes.map((h, i) => {
    if (!isHash(h)) throw new MerkleProofError('BAD_HASH_LENGTH', `leaf hash ${i} is not ${HASH_SIZE} bytes`);
    return h;
  });
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(nodeHash(level[i]!, level[i + 1]!));
    if (level.length % 2 === 1) next.push(level[level.length - 1]!);
    level = next;
  }
  // A one-leaf tree's root is the leaf hash itself; copy so the caller's array stays independent.
  return level[0]!.slice();
}
