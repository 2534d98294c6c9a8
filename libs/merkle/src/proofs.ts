/**
 * Proof generation (RFC 9162 §2.1.3 PATH and §2.1.4 PROOF) from stored perfect subtrees.
 *
 * Each proof is first planned as a list of elements, each element being the perfect
 * subtrees whose fold gives that element's hash. Walking the RFC's recursion, only one
 * element can be an imperfect range (the right-hand remainder of the tree), so a proof
 * reads at most about 2 * log2(size) nodes and never touches leaves it does not need.
 * The plans are exported flattened, so a store with asynchronous I/O can prefetch them.
 */
import { MerkleProofError } from './errors.js';
import { assertCount, foldNodes, rangeNodes, splitPoint, type NodeGetter, type NodeId } from './tree.js';

function checkInclusionArgs(index: number, size: number): void {
  assertCount('index', index);
  assertCount('size', size);
  if (index >= size) throw new MerkleProofError('INDEX_OUT_OF_RANGE', `leaf index ${index} is not below tree size ${size}`);
}

function checkConsistencyArgs(size1: number, size2: number): void {
  assertCount('size1', size1);
  assertCount('size2', size2);
  if (size1 > size2) throw new MerkleProofError('SIZE_ORDER', `size1 (${size1}) is greater than size2 (${size2})`);
  if (size1 === 0) throw new MerkleProofError('EMPTY_TREE', 'a consistency proof from the empty tree proves nothing');
}

/** PATH(m, D[n]), element by element, leaf side first. */
function inclusionPlan(index: number, size: number): NodeId[][] {
  const topDown: NodeId[][] = [];
  let lo = 0;
  let n = size;
  let m = index;
  while (n > 1) {
    const k = splitPoint(n);
    if (m < k) {
      topDown.push(rangeNodes(lo + k, lo + n));
      n = k;
    } else {
      topDown.push(rangeNodes(lo, lo + k));
      lo += k;
      m -= k;
      n -= k;
    }
  }
  return topDown.reverse();
}

/** PROOF(m, D[n]) = SUBPROOF(m, D[n], true), element by element, innermost first. */
function consistencyPlan(size1: number, size2: number): NodeId[][] {
  const topDown: NodeId[][] = [];
  let lo = 0;
  let m = size1;
  let n = size2;
  let whole = true; // the RFC's flag b: still on the left edge, where MTH(D[m]) is known to the verifier
  while (m < n) {
    const k = splitPoint(n);
    if (m <= k) {
      topDown.push(rangeNodes(lo + k, lo + n));
      n = k;
    } else {
      topDown.push(rangeNodes(lo, lo + k));
      lo += k;
      m -= k;
      n -= k;
      whole = false;
    }
  }
  // Once off the left edge, the old tree's subtree here is perfect (it was entered by a
  // left step of power-of-two width), so this is a single stored node.
  if (!whole) topDown.push(rangeNodes(lo, lo + m));
  return topDown.reverse();
}

function dedupe(plan: NodeId[][]): NodeId[] {
  const seen = new Set<string>();
  const out: NodeId[] = [];
  for (const id of plan.flat()) {
    const key = `${id.level}/${id.index}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(id);
    }
  }
  return out;
}

/** Inclusion proof (audit path) for leaf `index` in the tree of the first `size` leaves. */
export function inclusionProof(index: number, size: number, get: NodeGetter): Uint8Array[] {
  checkInclusionArgs(index, size);
  return inclusionPlan(index, size).map((ids) => foldNodes(ids, get));
}

/** The stored nodes inclusionProof(index, size, ·) will read, for prefetching. */
export function inclusionProofNodes(index: number, size: number): NodeId[] {
  checkInclusionArgs(index, size);
  return dedupe(inclusionPlan(index, size));
}

/**
 * Consistency proof from the tree of `size1` leaves to the tree of `size2` leaves.
 * Empty when the sizes are equal; size1 = 0 is refused, as the verifier refuses it.
 */
export function consistencyProof(size1: number, size2: number, get: NodeGetter): Uint8Array[] {
  checkConsistencyArgs(size1, size2);
  return consistencyPlan(size1, size2).map((ids) => foldNodes(ids, get));
}

/** The stored nodes consistencyProof(size1, size2, ·) will read, for prefetching. */
export function consistencyProofNodes(size1: number, size2: number): NodeId[] {
  checkConsistencyArgs(size1, size2);
  return dedupe(consistencyPlan(size1, size2));
}
