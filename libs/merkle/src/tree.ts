/**
 * The storage model: a log is kept as the hashes of its perfect subtrees, addressed by
 * (level, index) and covering leaves [index * 2^level, (index + 1) * 2^level). A perfect
 * subtree never changes once complete, so it can be written once and read forever; the
 * root and every proof of any tree size are folds over O(log n) of them. No proof ever
 * needs the leaves or a rebuilt tree.
 *
 * Sizes and indexes are JS numbers limited to Number.MAX_SAFE_INTEGER; the arithmetic
 * below uses division rather than bit operators, which would truncate at 2^32.
 */
import { MerkleProofError } from './errors.js';
import { emptyRoot, HASH_SIZE, isHash, nodeHash } from './hash.js';

/** Address of a perfect subtree. Level 0 is a leaf hash. */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

/** A perfect subtree and its hash, as handed to storage. */
export interface TreeNode extends NodeId {
  readonly hash: Uint8Array;
}

/**
 * Reads the stored hash of a complete perfect subtree. Synchronous so that proofs stay
 * simple loops; an asynchronous store prefetches the addresses listed by rootNodes,
 * inclusionProofNodes or consistencyProofNodes into a Map first.
 */
export type NodeGetter = (level: number, index: number) => Uint8Array;

/** @internal Throws unless `n` is a safe non-negative integer. */
export function assertCount(what: string, n: unknown): asserts n is number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new MerkleProofError('INVALID_ARGUMENT', `${what} must be a non-negative safe integer, got ${String(n)}`);
  }
}

/** @internal The largest power of two strictly below n (n >= 2): the RFC 9162 split point k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * @internal The perfect subtrees covering leaves [lo, hi), left to right, largest first.
 * Requires lo to be a multiple of a power of two >= hi - lo, which holds for every range
 * the RFC's recursive split produces; then each piece is aligned to its own size.
 */
export function rangeNodes(lo: number, hi: number): NodeId[] {
  const out: NodeId[] = [];
  let rest = hi - lo;
  let pos = lo;
  let width = 1;
  let level = 0;
  while (width * 2 <= rest) {
    width *= 2;
    level++;
  }
  for (; rest > 0; width /= 2, level--) {
    if (rest >= width) {
      out.push({ level, index: pos / width });
      pos += width;
      rest -= width;
    }
  }
  return out;
}

/** @internal Reads one node through the getter, refusing anything but a 32-byte hash. */
export function readNode(get: NodeGetter, level: number, index: number): Uint8Array {
  const h = get(level, index);
  if (!isHash(h)) {
    throw new MerkleProofError('MISSING_NODE', `node getter returned no ${HASH_SIZE}-byte hash for node (${level}, ${index})`);
  }
  return h;
}

/**
 * @internal Hash of a range from its covering perfect subtrees: a right fold, because the
 * RFC puts the largest perfect subtree on the left and recurses into the remainder.
 */
export function foldNodes(ids: readonly NodeId[], get: NodeGetter): Uint8Array {
  const last = ids[ids.length - 1];
  if (last === undefined) throw new MerkleProofError('INVALID_ARGUMENT', 'empty range has no hash');
  let acc = readNode(get, last.level, last.index);
  for (let i = ids.length - 2; i >= 0; i--) {
    const id = ids[i]!;
    acc = nodeHash(readNode(get, id.level, id.index), acc);
  }
  return acc;
}

/**
 * The nodes that become complete when leaf number `size` (0-based; the tree grows from
 * `size` to `size + 1` leaves) is appended: the leaf itself at level 0, then one parent per
 * trailing 1-bit of `size`. That is 2 nodes per append on average, and each new parent
 * needs only its left sibling, which was stored earlier and is read through `get`.
 * The caller stores every returned node; nothing else is ever written.
 */
export function appendNodes(size: number, leaf: Uint8Array, get: NodeGetter): TreeNode[] {
  assertCount('size', size);
  if (size >= Number.MAX_SAFE_INTEGER) throw new MerkleProofError('INVALID_ARGUMENT', 'tree is full');
  if (!isHash(leaf)) throw new MerkleProofError('BAD_HASH_LENGTH', `leaf hash must be ${HASH_SIZE} bytes`);
  const nodes: TreeNode[] = [{ level: 0, index: size, hash: leaf }];
  let hash = leaf;
  let index = size;
  let level = 0;
  while (index % 2 === 1) {
    hash = nodeHash(readNode(get, level, index - 1), hash);
    index = (index - 1) / 2;
    level++;
    nodes.push({ level, index, hash });
  }
  return nodes;
}

/** The perfect subtrees whose fold is the root of a tree of `size` leaves (one per 1-bit of size). */
export function rootNodes(size: number): NodeId[] {
  assertCount('size', size);
  return rangeNodes(0, size);
}

/** MTH of the first `size` leaves, from at most log2(size) + 1 stored nodes. */
export function treeRoot(size: number, get: NodeGetter): Uint8Array {
  assertCount('size', size);
  if (size === 0) return emptyRoot();
  return foldNodes(rangeNodes(0, size), get);
}
