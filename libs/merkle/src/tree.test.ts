import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  appendNodes,
  consistencyProof,
  consistencyProofLength,
  consistencyProofNodes,
  emptyRoot,
  inclusionProof,
  inclusionProofLength,
  inclusionProofNodes,
  leafHash,
  MemoryNodeStore,
  merkleRoot,
  MerkleProofError,
  nodeHash,
  rootNodes,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
  type NodeGetter,
} from './index.js';

// Independent reference: RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 written out literally,
// with node:crypto's SHA-256 rather than the library's.
const sha = (...parts: Uint8Array[]): Uint8Array => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const refLeaf = (d: Uint8Array): Uint8Array => sha(Uint8Array.of(0), d);
const refNode = (l: Uint8Array, r: Uint8Array): Uint8Array => sha(Uint8Array.of(1), l, r);
const split = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};
/** The RFC's recursive definitions over D[lo:hi] of one leaf list, with MTH memoised to keep the tests fast. */
function reference(d: readonly Uint8Array[]) {
  const memo = new Map<string, Uint8Array>();
  const mth = (lo: number, hi: number): Uint8Array => {
    const key = `${lo}:${hi}`;
    let h = memo.get(key);
    if (h === undefined) {
      if (hi === lo) h = sha();
      else if (hi - lo === 1) h = d[lo]!;
      else {
        const k = split(hi - lo);
        h = refNode(mth(lo, lo + k), mth(lo + k, hi));
      }
      memo.set(key, h);
    }
    return h;
  };
  const path = (m: number, lo: number, hi: number): Uint8Array[] => {
    if (hi - lo === 1) return [];
    const k = split(hi - lo);
    return m < k ? [...path(m, lo, lo + k), mth(lo + k, hi)] : [...path(m - k, lo + k, hi), mth(lo, lo + k)];
  };
  const subproof = (m: number, lo: number, hi: number, b: boolean): Uint8Array[] => {
    if (m === hi - lo) return b ? [] : [mth(lo, hi)];
    const k = split(hi - lo);
    return m <= k ? [...subproof(m, lo, lo + k, b), mth(lo + k, hi)] : [...subproof(m - k, lo + k, hi, false), mth(lo, lo + k)];
  };
  return {
    /** MTH(D[0:n]) */
    root: (n: number) => mth(0, n),
    /** MTH(D[lo:hi]) */
    range: mth,
    /** PATH(m, D[0:n]) */
    path: (m: number, n: number) => path(m, 0, n),
    /** PROOF(m, D[0:n]) */
    proof: (m: number, n: number) => subproof(m, 0, n, true),
  };
}

/** Hex join: string comparison is far faster in expect() than deep equality of Uint8Arrays. */
const hx = (a: readonly Uint8Array[]): string => a.map((h) => Buffer.from(h).toString('hex')).join(',');

const entry = (i: number): Uint8Array => new TextEncoder().encode(`access-log entry ${i}`);
const leaves = (n: number): Uint8Array[] => Array.from({ length: n }, (_, i) => refLeaf(entry(i)));

function storeOf(n: number): MemoryNodeStore {
  const s = new MemoryNodeStore();
  for (let i = 0; i < n; i++) s.append(leafHash(entry(i)));
  return s;
}

function flip(h: Uint8Array, bit = 0): Uint8Array {
  const c = h.slice();
  c[bit >> 3]! ^= 1 << (bit & 7);
  return c;
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof MerkleProofError) return e.code;
    throw e;
  }
  return undefined;
}

describe('hashing (RFC 9162 §2.1.1)', () => {
  it('matches the reference and the published empty-tree and leaf hashes', () => {
    expect(Buffer.from(emptyRoot()).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(Buffer.from(leafHash(new Uint8Array(0))).toString('hex')).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    const a = refLeaf(entry(1));
    const b = refLeaf(entry(2));
    expect(leafHash(entry(1))).toEqual(a);
    expect(nodeHash(a, b)).toEqual(refNode(a, b));
  });

  it('merkleRoot equals the naive MTH for 0..70 leaves', () => {
    const ref = reference(leaves(70));
    for (let n = 0; n <= 70; n++) expect(merkleRoot(leaves(n))).toEqual(ref.root(n));
  });

  it('the RFC 6962 test tree of 8 leaves has the published root', () => {
    const data = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
    const l = data.map((h) => leafHash(Buffer.from(h, 'hex')));
    expect(Buffer.from(merkleRoot(l)).toString('hex')).toBe('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328');
  });
});

describe('storage model', () => {
  it('appendNodes returns the leaf plus one parent per trailing 1-bit, and 2n - popcount(n) nodes in all', () => {
    const stored = new Map<string, Uint8Array>();
    const get: NodeGetter = (level, index) => stored.get(`${level}/${index}`)!;
    let total = 0;
    for (let size = 0; size < 300; size++) {
      const nodes = appendNodes(size, leafHash(entry(size)), get);
      let trailingOnes = 0;
      for (let s = size; s % 2 === 1; s = (s - 1) / 2) trailingOnes++;
      expect(nodes).toHaveLength(1 + trailingOnes);
      for (const n of nodes) stored.set(`${n.level}/${n.index}`, n.hash);
      total += nodes.length;
      const n = size + 1;
      const popcount = n.toString(2).replaceAll('0', '').length;
      expect(total).toBe(2 * n - popcount);
    }
  });

  it('every stored node is the MTH of the leaves it covers', () => {
    const n = 77;
    const s = storeOf(n);
    const ref = reference(leaves(n));
    for (let level = 0; 2 ** level <= n; level++) {
      for (let index = 0; (index + 1) * 2 ** level <= n; index++) {
        expect(s.get(level, index)).toEqual(ref.range(index * 2 ** level, (index + 1) * 2 ** level));
      }
    }
    expect(codeOf(() => s.get(0, n))).toBe('MISSING_NODE');
    expect(codeOf(() => s.get(3, 9))).toBe('MISSING_NODE'); // covers leaves 72..79: incomplete
  });

  it('roots of every historical size 0..70 equal the naive MTH', () => {
    const s = storeOf(70);
    const ref = reference(leaves(70));
    for (let n = 0; n <= 70; n++) {
      expect(s.root(n)).toEqual(ref.root(n));
      expect(treeRoot(n, s.get)).toEqual(ref.root(n));
      expect(rootNodes(n)).toHaveLength(n.toString(2).replaceAll('0', '').length);
    }
  });

  it('the getter returns copies, so mutating a proof cannot corrupt the log', () => {
    const s = storeOf(5);
    const root = s.root();
    s.inclusionProof(0)[0]!.fill(0);
    expect(s.root()).toEqual(root);
  });

  it('refuses bad arguments with typed errors', () => {
    const s = storeOf(4);
    expect(codeOf(() => s.append(new Uint8Array(31)))).toBe('BAD_HASH_LENGTH');
    expect(codeOf(() => s.root(5))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => s.inclusionProof(4))).toBe('INDEX_OUT_OF_RANGE');
    expect(codeOf(() => s.inclusionProof(-1))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => s.inclusionProof(0.5))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => s.consistencyProof(0, 4))).toBe('EMPTY_TREE');
    expect(codeOf(() => s.consistencyProof(3, 2))).toBe('SIZE_ORDER');
    expect(codeOf(() => inclusionProof(0, 2, () => new Uint8Array(3)))).toBe('MISSING_NODE');
    expect(codeOf(() => appendNodes(Number.MAX_SAFE_INTEGER, leafHash(entry(0)), s.get))).toBe('INVALID_ARGUMENT');
  });
});

describe('inclusion proofs (RFC 9162 §2.1.3)', () => {
  const N = 70;
  const s = storeOf(N);
  const l = leaves(N);
  const ref = reference(l);

  it('for every index of every tree size 1..70: equal the naive PATH and verify against the naive MTH', () => {
    for (let n = 1; n <= N; n++) {
      const root = ref.root(n);
      for (let m = 0; m < n; m++) {
        const proof = s.inclusionProof(m, n);
        expect(hx(proof)).toBe(hx(ref.path(m, n)));
        expect(proof).toHaveLength(inclusionProofLength(m, n));
        verifyInclusion(l[m]!, m, n, proof, root); // throws on failure
      }
    }
  });

  it('a tampered leaf, proof element, index, size or root fails', () => {
    for (const [m, n] of [
      [0, 1],
      [0, 8],
      [5, 8],
      [6, 7],
      [12, 13],
      [31, 70],
      [64, 70],
      [69, 70],
    ] as const) {
      const root = ref.root(n);
      const proof = s.inclusionProof(m, n);
      expect(codeOf(() => verifyInclusion(flip(l[m]!), m, n, proof, root))).toBe('ROOT_MISMATCH');
      expect(codeOf(() => verifyInclusion(l[m]!, m, n, proof, flip(root, 255)))).toBe('ROOT_MISMATCH');
      for (let i = 0; i < proof.length; i++) {
        const bad = proof.map((p, j) => (j === i ? flip(p, 77) : p));
        expect(codeOf(() => verifyInclusion(l[m]!, m, n, bad, root))).toBe('ROOT_MISMATCH');
      }
      if (n > 1) {
        const other = m === 0 ? 1 : m - 1;
        expect(codeOf(() => verifyInclusion(l[m]!, other, n, proof, root))).toMatch(/ROOT_MISMATCH|WRONG_PROOF_LENGTH/);
      }
      // Another tree's root fails. (A root does not commit to the tree size: the same proof
      // can verify for a neighbouring size of the same shape, which is why size and root are
      // always taken together from one signed checkpoint.)
      if (n < N) expect(codeOf(() => verifyInclusion(l[m]!, m, n + 1, proof, ref.root(n + 1)))).toMatch(/ROOT_MISMATCH|WRONG_PROOF_LENGTH/);
      expect(codeOf(() => verifyInclusion(l[m]!, m, n, [...proof, root], root))).toBe('WRONG_PROOF_LENGTH');
      if (proof.length > 0) expect(codeOf(() => verifyInclusion(l[m]!, m, n, proof.slice(1), root))).toBe('WRONG_PROOF_LENGTH');
      expect(codeOf(() => verifyInclusion(l[m]!, n, n, proof, root))).toBe('INDEX_OUT_OF_RANGE');
    }
  });

  it('hostile input yields typed errors, never a crash', () => {
    const root = ref.root(8);
    const proof = s.inclusionProof(3, 8);
    const h = l[3]!;
    const cases: [() => void, string][] = [
      [() => verifyInclusion(h, 3, 8, null as never, root), 'INVALID_ARGUMENT'],
      [() => verifyInclusion(h, 3, 8, [1, 2, 3] as never, root), 'INVALID_ARGUMENT'],
      [() => verifyInclusion(h, 3, 8, 'abc' as never, root), 'INVALID_ARGUMENT'],
      [() => verifyInclusion(h, Number.NaN, 8, proof, root), 'INVALID_ARGUMENT'],
      [() => verifyInclusion(h, 3, Infinity, proof, root), 'INVALID_ARGUMENT'],
      [() => verifyInclusion(h, 3, '8' as never, proof, root), 'INVALID_ARGUMENT'],
      [() => verifyInclusion(h, 3, 2 ** 60, proof, root), 'INVALID_ARGUMENT'],
      [() => verifyInclusion(h, 3, 8, proof, undefined as never), 'INVALID_ARGUMENT'],
      [() => verifyInclusion(h.subarray(1), 3, 8, proof, root), 'BAD_HASH_LENGTH'],
      [() => verifyInclusion(h, 3, 8, [proof[0]!, proof[1]!, new Uint8Array(33)], root), 'BAD_HASH_LENGTH'],
      [
        () =>
          verifyInclusion(
            h,
            3,
            8,
            Array.from({ length: 100_000 }, () => h),
            root,
          ),
        'WRONG_PROOF_LENGTH',
      ],
      [() => verifyInclusion(h, 0, 0, [], root), 'INDEX_OUT_OF_RANGE'],
      [() => inclusionProofLength(0, Infinity), 'INVALID_ARGUMENT'],
      [() => inclusionProofLength(8, 8), 'INDEX_OUT_OF_RANGE'],
      [() => consistencyProofLength(5, 5), 'INVALID_ARGUMENT'],
      [() => consistencyProofLength(1, Number.NaN), 'INVALID_ARGUMENT'],
      [() => merkleRoot([h, h.subarray(2)]), 'BAD_HASH_LENGTH'],
      [() => leafHash('text' as never), 'INVALID_ARGUMENT'],
    ];
    for (const [f, code] of cases) expect(codeOf(f)).toBe(code);
  });

  it('handles sizes beyond 2^32 (no 32-bit bit operators)', () => {
    // Identical leaves make every perfect subtree's hash depend only on its level.
    const byLevel = [leafHash(entry(0))];
    for (let i = 1; i <= 53; i++) byLevel.push(nodeHash(byLevel[i - 1]!, byLevel[i - 1]!));
    const get: NodeGetter = (level) => byLevel[level]!;
    for (const [m, n] of [
      [2 ** 32 + 5, 2 ** 33 + 3],
      [0, 2 ** 40 + 1],
      [2 ** 45 - 1, 2 ** 45],
      [2 ** 52 + 7, 2 ** 53 - 1],
    ]) {
      const proof = inclusionProof(m!, n!, get);
      expect(() => verifyInclusion(byLevel[0]!, m!, n!, proof, treeRoot(n!, get))).not.toThrow();
    }
    const cp = consistencyProof(2 ** 33 + 3, 2 ** 50 + 9, get);
    expect(() => verifyConsistency(2 ** 33 + 3, 2 ** 50 + 9, cp, treeRoot(2 ** 33 + 3, get), treeRoot(2 ** 50 + 9, get))).not.toThrow();
  });
});

describe('consistency proofs (RFC 9162 §2.1.4)', () => {
  const N = 40;
  const s = storeOf(N);
  const ref = reference(leaves(N));
  const roots = Array.from({ length: N + 1 }, (_, n) => ref.root(n));

  it('between all pairs of sizes 1 <= m <= n <= 40: equal the naive PROOF and verify', () => {
    for (let n = 1; n <= N; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = s.consistencyProof(m, n);
        expect(hx(proof)).toBe(hx(ref.proof(m, n)));
        if (m < n) expect(proof).toHaveLength(consistencyProofLength(m, n));
        verifyConsistency(m, n, proof, roots[m]!, roots[n]!); // throws on failure
      }
    }
  });

  it('tampered proofs, roots and sizes fail', () => {
    for (let n = 2; n <= N; n += 3) {
      for (let m = 1; m < n; m += 2) {
        const proof = s.consistencyProof(m, n);
        expect(codeOf(() => verifyConsistency(m, n, proof, flip(roots[m]!), roots[n]!))).toBe('ROOT_MISMATCH');
        expect(codeOf(() => verifyConsistency(m, n, proof, roots[m]!, flip(roots[n]!)))).toBe('ROOT_MISMATCH');
        expect(codeOf(() => verifyConsistency(m, n, proof, roots[n]!, roots[m]!))).toBe('ROOT_MISMATCH');
        for (let i = 0; i < proof.length; i++) {
          const bad = proof.map((p, j) => (j === i ? flip(p, 200) : p));
          expect(codeOf(() => verifyConsistency(m, n, bad, roots[m]!, roots[n]!))).toBe('ROOT_MISMATCH');
        }
        expect(codeOf(() => verifyConsistency(m, n, [...proof, roots[m]!], roots[m]!, roots[n]!))).toBe('WRONG_PROOF_LENGTH');
        expect(codeOf(() => verifyConsistency(m, n, proof.slice(1), roots[m]!, roots[n]!))).toBe('WRONG_PROOF_LENGTH');
        expect(codeOf(() => verifyConsistency(m, n, [], roots[m]!, roots[n]!))).toBe('WRONG_PROOF_LENGTH');
        expect(codeOf(() => verifyConsistency(n, m, proof, roots[n]!, roots[m]!))).toBe('SIZE_ORDER');
      }
    }
  });

  it('follows the edge-case policy', () => {
    const r = roots[5]!;
    expect(codeOf(() => verifyConsistency(0, 0, [], roots[0]!, roots[0]!))).toBe('EMPTY_TREE');
    expect(codeOf(() => verifyConsistency(0, 5, [], roots[0]!, r))).toBe('EMPTY_TREE');
    expect(codeOf(() => verifyConsistency(5, 5, [], r, r))).toBeUndefined();
    expect(codeOf(() => verifyConsistency(5, 5, [r], r, r))).toBe('WRONG_PROOF_LENGTH');
    expect(codeOf(() => verifyConsistency(5, 5, [], r, roots[4]!))).toBe('ROOT_MISMATCH');
    // Equal sizes compare roots as bytes, whatever their length.
    expect(codeOf(() => verifyConsistency(1, 1, [], Uint8Array.of(1, 2), Uint8Array.of(1, 2)))).toBeUndefined();
    expect(codeOf(() => verifyConsistency(1, 2, [r], Uint8Array.of(1, 2), r))).toBe('BAD_HASH_LENGTH');
    expect(codeOf(() => verifyConsistency(1, 2, [r.subarray(1)], r, r))).toBe('BAD_HASH_LENGTH');
    expect(codeOf(() => verifyConsistency(1, 2, {} as never, r, r))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => verifyConsistency(-1, 2, [], r, r))).toBe('INVALID_ARGUMENT');
  });
});

describe('proofs touch O(log n) stored nodes', () => {
  // A 2^20-leaf tree built lazily: all leaves equal, so a perfect subtree's hash depends
  // only on its level. The getter counts calls and refuses nodes outside the tree.
  const byLevel = [leafHash(entry(0))];
  for (let i = 1; i <= 40; i++) byLevel.push(nodeHash(byLevel[i - 1]!, byLevel[i - 1]!));
  function counting(size: number): { get: NodeGetter; calls: () => number } {
    let calls = 0;
    return {
      get: (level, index) => {
        calls++;
        if ((index + 1) * 2 ** level > size) throw new Error(`node (${level}, ${index}) is not complete in size ${size}`);
        return byLevel[level]!;
      },
      calls: () => calls,
    };
  }

  it('inclusion, consistency and root read at most 2*log2(n)+2 nodes', () => {
    const sizes = [2 ** 20, 2 ** 20 - 1, 1_000_000, 2 ** 20 + 12_345, 999_999];
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    for (const n of sizes) {
      const bound = 2 * Math.log2(n) + 2;
      const root = treeRoot(n, counting(n).get);
      for (const m of [0, 1, n - 1, n >> 1, rand(n), rand(n), rand(n)]) {
        const c = counting(n);
        const proof = inclusionProof(m, n, c.get);
        expect(c.calls()).toBeLessThanOrEqual(bound);
        expect(c.calls()).toBe(inclusionProofNodes(m, n).length);
        verifyInclusion(byLevel[0]!, m, n, proof, root);
      }
      for (const m of [1, 2, 3, n - 1, rand(n) + 1, rand(n) + 1]) {
        const c = counting(n);
        const proof = consistencyProof(m, n, c.get);
        expect(c.calls()).toBeLessThanOrEqual(bound);
        expect(c.calls()).toBe(consistencyProofNodes(m, n).length);
        verifyConsistency(m, n, proof, treeRoot(m, counting(m).get), root);
      }
      const c = counting(n);
      treeRoot(n, c.get);
      expect(c.calls()).toBeLessThanOrEqual(Math.log2(n) + 1);
    }
  });

  it('an append reads at most log2(n) stored nodes', () => {
    for (const size of [2 ** 20 - 1, 1_000_000, 12_345]) {
      const c = counting(size);
      const nodes = appendNodes(size, byLevel[0]!, c.get);
      expect(c.calls()).toBe(nodes.length - 1);
      expect(c.calls()).toBeLessThanOrEqual(Math.log2(size + 1));
    }
  });
});
