/**
 * Proof verification, RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency), for the
 * citizen's app. Inputs are treated as hostile: every failure is a MerkleProofError with
 * a code, checked before any hashing where possible (proof length is known from the sizes,
 * so an oversized proof costs nothing). Edge cases follow transparency-dev/merkle and the
 * RFC 9162 test vectors: a consistency proof from size 0 is refused; equal sizes need an
 * empty proof and byte-equal roots (of any length); otherwise every hash must be 32 bytes.
 */
import { isBytes } from '@noble/hashes/utils.js';
import { MerkleProofError } from './errors.js';
import { bytesEqual, HASH_SIZE, nodeHash } from './hash.js';
import { assertCount } from './tree.js';

const half = (x: number): number => Math.floor(x / 2);
const isOdd = (x: number): boolean => x % 2 === 1;

function checkHash(what: string, h: unknown): asserts h is Uint8Array {
  if (!isBytes(h)) throw new MerkleProofError('INVALID_ARGUMENT', `${what} must be a Uint8Array`);
  if (h.length !== HASH_SIZE) throw new MerkleProofError('BAD_HASH_LENGTH', `${what} is ${h.length} bytes, not ${HASH_SIZE}`);
}

function checkProof(proof: unknown): asserts proof is readonly Uint8Array[] {
  if (!Array.isArray(proof)) throw new MerkleProofError('INVALID_ARGUMENT', 'proof must be an array');
}

function checkProofHashes(proof: readonly Uint8Array[]): void {
  proof.forEach((h, i) => checkHash(`proof[${i}]`, h));
}

/** Number of elements in the inclusion proof of leaf `index` in a tree of `size` (index < size). */
export function inclusionProofLength(index: number, size: number): number {
  assertCount('index', index);
  assertCount('size', size);
  if (index >= size) throw new MerkleProofError('INDEX_OUT_OF_RANGE', `leaf index ${index} is not below tree size ${size}`);
  return pathSteps(index, size - 1);
}

/** The RFC's verification loop from (fn, sn), run without hashes: one proof element per step until sn reaches 0. */
function pathSteps(fn: number, sn: number): number {
  let steps = 0;
  while (sn > 0) {
    steps++;
    if (fn === sn) {
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    }
    fn = half(fn);
    sn = half(sn);
  }
  return steps;
}

/** Number of elements in the consistency proof from `size1` to `size2` (0 < size1 < size2). */
export function consistencyProofLength(size1: number, size2: number): number {
  assertCount('size1', size1);
  assertCount('size2', size2);
  if (size1 === 0 || size1 >= size2) {
    throw new MerkleProofError('INVALID_ARGUMENT', `no consistency proof elements are defined for sizes ${size1} and ${size2}`);
  }
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // The RFC prepends root1 when size1 is a power of two, so the proof omits that first element.
  return 1 + pathSteps(fn, sn) - (isPowerOfTwo(size1) ? 1 : 0);
}

function isPowerOfTwo(n: number): boolean {
  let p = 1;
  while (p < n) p *= 2;
  return p === n;
}

/**
 * The root that an inclusion proof leads to (RFC 9162 §2.1.3.2 steps 1-4). Throws on
 * malformed input; use verifyInclusion to also compare with a trusted root.
 */
export function rootFromInclusionProof(leaf: Uint8Array, index: number, size: number, proof: readonly Uint8Array[]): Uint8Array {
  assertCount('index', index);
  assertCount('size', size);
  checkProof(proof);
  if (index >= size) throw new MerkleProofError('INDEX_OUT_OF_RANGE', `leaf index ${index} is not below tree size ${size}`);
  checkHash('leaf hash', leaf);
  const want = inclusionProofLength(index, size);
  if (proof.length !== want) {
    throw new MerkleProofError('WRONG_PROOF_LENGTH', `inclusion proof has ${proof.length} elements, expected ${want}`);
  }
  checkProofHashes(proof);
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return r;
}

/**
 * Checks that `leaf` (a leaf hash) is entry `index` of the tree of `size` leaves whose
 * root is `root`. Returns normally on success; throws MerkleProofError otherwise.
 */
export function verifyInclusion(leaf: Uint8Array, index: number, size: number, proof: readonly Uint8Array[], root: Uint8Array): void {
  assertCount('index', index);
  assertCount('size', size);
  checkProof(proof);
  if (index >= size) throw new MerkleProofError('INDEX_OUT_OF_RANGE', `leaf index ${index} is not below tree size ${size}`);
  checkHash('root', root);
  const computed = rootFromInclusionProof(leaf, index, size, proof);
  if (!bytesEqual(computed, root)) throw new MerkleProofError('ROOT_MISMATCH', 'inclusion proof does not lead to the root');
}

/**
 * Checks that the tree of `size2` leaves with root `root2` extends the tree of `size1`
 * leaves with root `root1`. Returns normally on success; throws MerkleProofError otherwise.
 */
export function verifyConsistency(size1: number, size2: number, proof: readonly Uint8Array[], root1: Uint8Array, root2: Uint8Array): void {
  assertCount('size1', size1);
  assertCount('size2', size2);
  checkProof(proof);
  if (size2 < size1) throw new MerkleProofError('SIZE_ORDER', `size1 (${size1}) is greater than size2 (${size2})`);
  if (size1 === 0) throw new MerkleProofError('EMPTY_TREE', 'a consistency proof from the empty tree proves nothing');
  if (!isBytes(root1) || !isBytes(root2)) throw new MerkleProofError('INVALID_ARGUMENT', 'roots must be Uint8Arrays');
  if (size1 === size2) {
    if (proof.length !== 0) throw new MerkleProofError('WRONG_PROOF_LENGTH', 'equal sizes need an empty proof');
    if (!bytesEqual(root1, root2)) throw new MerkleProofError('ROOT_MISMATCH', 'equal sizes but different roots');
    return;
  }
  checkHash('root1', root1);
  checkHash('root2', root2);
  const want = consistencyProofLength(size1, size2);
  if (proof.length !== want) {
    throw new MerkleProofError('WRONG_PROOF_LENGTH', `consistency proof has ${proof.length} elements, expected ${want}`);
  }
  checkProofHashes(proof);
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = fr;
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (!bytesEqual(fr, root1)) throw new MerkleProofError('ROOT_MISMATCH', 'consistency proof does not lead to root1');
  if (!bytesEqual(sr, root2)) throw new MerkleProofError('ROOT_MISMATCH', 'consistency proof does not lead to root2');
}
