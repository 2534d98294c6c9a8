/**
 * The RFC 9162 test vectors from transparency-dev/merkle (inclusion/** and consistency/**):
 * each happy path must verify, each tampered case must fail with a MerkleProofError.
 * The vectors live outside the repository, so this suite skips when they are absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { leafHash, MemoryNodeStore, MerkleProofError, verifyConsistency, verifyInclusion } from './index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const VECTORS = path.resolve(repoRoot, '../shared/vectors/rfc9162-merkle');
const present = existsSync(VECTORS);
if (!present) console.warn(`RFC 9162 vector folder not found, skipping: ${VECTORS}`);

interface InclusionVector {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}
interface ConsistencyVector {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(dir, f));
}

const b64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));
const load = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** Runs f and returns 'ok', or the MerkleProofError code; any other exception is a crash and fails the test. */
function outcome(f: () => void): string {
  try {
    f();
    return 'ok';
  } catch (e) {
    if (e instanceof MerkleProofError) return e.code;
    throw e;
  }
}

describe.skipIf(!present)(`RFC 9162 vectors in ${VECTORS}`, () => {
  if (!present) {
    it(`needs the vector folder ${VECTORS}`, () => {});
    return;
  }
  const inclusion = jsonFiles(path.join(VECTORS, 'inclusion'));
  const consistency = jsonFiles(path.join(VECTORS, 'consistency'));

  it('finds the vector files', () => {
    expect(inclusion.length).toBeGreaterThan(50);
    expect(consistency.length).toBeGreaterThan(50);
  });

  describe('inclusion', () => {
    for (const file of inclusion) {
      const v = load<InclusionVector>(file);
      it(`${path.relative(VECTORS, file)}: ${v.desc} (${v.wantErr ? 'fails' : 'verifies'})`, () => {
        const result = outcome(() => verifyInclusion(b64(v.leafHash), v.leafIdx, v.treeSize, (v.proof ?? []).map(b64), b64(v.root)));
        if (v.wantErr) expect(result).not.toBe('ok');
        else expect(result).toBe('ok');
      });
    }
  });

  describe('consistency', () => {
    for (const file of consistency) {
      const v = load<ConsistencyVector>(file);
      it(`${path.relative(VECTORS, file)}: ${v.desc} (${v.wantErr ? 'fails' : 'verifies'})`, () => {
        const result = outcome(() => verifyConsistency(v.size1, v.size2, (v.proof ?? []).map(b64), b64(v.root1), b64(v.root2)));
        if (v.wantErr) expect(result).not.toBe('ok');
        else expect(result).toBe('ok');
      });
    }
  });

  // The happy paths use the RFC 6962 test tree; the store must generate exactly their proofs.
  it('the store generates the happy-path proofs byte for byte', () => {
    const data = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
    const store = new MemoryNodeStore();
    for (const d of data) store.append(leafHash(Buffer.from(d, 'hex')));
    let checked = 0;
    for (const file of inclusion.filter((f) => f.endsWith('happy-path.json'))) {
      const v = load<InclusionVector>(file);
      if (v.treeSize > data.length) continue;
      expect(store.root(v.treeSize)).toEqual(b64(v.root));
      expect(store.inclusionProof(v.leafIdx, v.treeSize)).toEqual((v.proof ?? []).map(b64));
      checked++;
    }
    for (const file of consistency.filter((f) => f.endsWith('happy-path.json'))) {
      const v = load<ConsistencyVector>(file);
      if (v.size2 > data.length) continue;
      expect(store.root(v.size1)).toEqual(b64(v.root1));
      expect(store.root(v.size2)).toEqual(b64(v.root2));
      expect(store.consistencyProof(v.size1, v.size2)).toEqual((v.proof ?? []).map(b64));
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });
});
