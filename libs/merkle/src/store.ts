/**
 * An in-memory node store: the reference implementation of the storage model, for tests
 * and for small logs. A database-backed store does the same: on append, write the nodes
 * appendNodes returns; for proofs, read nodes by (level, index).
 */
import { MerkleProofError } from './errors.js';
import { HASH_SIZE, isHash } from './hash.js';
import { consistencyProof, inclusionProof } from './proofs.js';
import { appendNodes, assertCount, treeRoot, type NodeGetter } from './tree.js';

/** Hashes per chunk: big flat buffers instead of one small object per node, to keep a million-leaf log near 64 MB. */
const CHUNK = 4096;

export class MemoryNodeStore {
  /** levels[level][chunk] holds CHUNK consecutive node hashes of that level. */
  readonly #levels: Uint8Array[][] = [];
  #size = 0;

  /** Number of leaves appended so far. */
  get size(): number {
    return this.#size;
  }

  /**
   * The NodeGetter over this store (bound, so it can be passed around). Returns a copy,
   * so a caller that mutates a proof cannot corrupt the log.
   */
  readonly get: NodeGetter = (level, index) => {
    if (
      !Number.isSafeInteger(level) ||
      level < 0 ||
      level > 53 ||
      !Number.isSafeInteger(index) ||
      index < 0 ||
      index >= Math.floor(this.#size / 2 ** level)
    ) {
      throw new MerkleProofError('MISSING_NODE', `no complete node (${level}, ${index}) in a tree of ${this.#size} leaves`);
    }
    const chunk = this.#levels[level]?.[Math.floor(index / CHUNK)];
    if (chunk === undefined) throw new MerkleProofError('MISSING_NODE', `node (${level}, ${index}) is not stored`);
    const off = (index % CHUNK) * HASH_SIZE;
    return chunk.slice(off, off + HASH_SIZE);
  };

  /** Appends a leaf hash (see leafHash) and returns its leaf index. */
  append(leaf: Uint8Array): number {
    if (!isHash(leaf)) throw new MerkleProofError('BAD_HASH_LENGTH', `leaf hash must be ${HASH_SIZE} bytes`);
    const index = this.#size;
    for (const node of appendNodes(index, leaf, this.get)) this.#write(node.level, node.index, node.hash);
    this.#size = index + 1;
    return index;
  }

  /** Root of the tree of the first `size` leaves (default: all). */
  root(size: number = this.#size): Uint8Array {
    this.#checkSize('size', size);
    return treeRoot(size, this.get);
  }

  /** Inclusion proof for leaf `index` in the tree of the first `size` leaves (default: all). */
  inclusionProof(index: number, size: number = this.#size): Uint8Array[] {
    this.#checkSize('size', size);
    return inclusionProof(index, size, this.get);
  }

  /** Consistency proof from the tree of `size1` leaves to that of `size2` (default: all). */
  consistencyProof(size1: number, size2: number = this.#size): Uint8Array[] {
    this.#checkSize('size2', size2);
    return consistencyProof(size1, size2, this.get);
  }

  #checkSize(what: string, size: number): void {
    assertCount(what, size);
    if (size > this.#size) {
      throw new MerkleProofError('INVALID_ARGUMENT', `${what} ${size} exceeds the ${this.#size} leaves stored`);
    }
  }

  #write(level: number, index: number, hash: Uint8Array): void {
    let chunks = this.#levels[level];
    if (chunks === undefined) {
      chunks = [];
      this.#levels[level] = chunks;
    }
    const c = Math.floor(index / CHUNK);
    let chunk = chunks[c];
    if (chunk === undefined) {
      chunk = new Uint8Array(CHUNK * HASH_SIZE);
      chunks[c] = chunk;
    }
    chunk.set(hash, (index % CHUNK) * HASH_SIZE);
  }
}
