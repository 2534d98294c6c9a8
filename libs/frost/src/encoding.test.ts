/**
 * The strict decoders, and the rule that the library itself is pure (no node: imports, no I/O).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ED25519_TORSION_SUBGROUP, ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js';
import {
  decodePoint,
  decodeScalar,
  fromBase64url,
  parseCommitmentMessage,
  parseDkgRound1Message,
  parseRefreshRound1Message,
  parseSignatureShareMessage,
  toBase64url,
  verifySignature,
} from './index.js';
import { expectCode } from './test-helpers.js';

const L = ed25519.Point.Fn.ORDER;
const le32 = (n: bigint): Uint8Array => {
  const out = new Uint8Array(32);
  let x = n;
  for (let i = 0; i < 32; i++) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
};

describe('points', () => {
  const base = ed25519.Point.BASE;

  it('accepts prime-order points, canonically encoded', () => {
    for (let i = 1n; i < 20n; i++) {
      const bytes = base.multiply(i * 7919n).toBytes();
      expect(decodePoint(bytes).toBytes()).toEqual(bytes);
    }
  });

  it('rejects the identity, all eight small-order points, and mixed-order points', () => {
    for (const hex of ED25519_TORSION_SUBGROUP) expectCode(() => decodePoint(hexToBytes(hex)), 'invalid-point');
    expectCode(() => decodePoint(hexToBytes('01' + '00'.repeat(31))), 'invalid-point');
    for (const t of ED25519_TORSION_SUBGROUP) {
      const torsion = ed25519.Point.fromHex(t);
      if (torsion.is0()) continue;
      expectCode(() => decodePoint(base.multiply(12345n).add(torsion).toBytes()), 'invalid-point');
    }
  });

  it('rejects non-canonical encodings: y >= p, "negative zero" x, wrong lengths, off-curve', () => {
    const nonCanonical = [
      'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // y = p (i.e. 0)
      'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // y = p + 1 (i.e. the identity)
      'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff', // the same with the sign bit
      '01' + '00'.repeat(30) + '80', // identity with x sign bit set
      'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff', // y = p - 1, x = 0, sign bit set
    ];
    for (const hex of nonCanonical) expectCode(() => decodePoint(hexToBytes(hex)), 'invalid-point');
    // An off-curve y (no x exists): y = 2 is not the y of any Ed25519 point.
    expectCode(() => decodePoint(hexToBytes('02' + '00'.repeat(31))), 'invalid-point');
    expectCode(() => decodePoint(base.toBytes().subarray(0, 31)), 'invalid-point');
    expectCode(() => decodePoint(new Uint8Array(33)), 'invalid-point');
  });
});

describe('scalars', () => {
  it('accepts 0 .. L-1 and rejects L, L+1, 2^255-19, 2^256-1 and wrong lengths', () => {
    expect(decodeScalar(le32(0n))).toBe(0n);
    expect(decodeScalar(le32(L - 1n))).toBe(L - 1n);
    for (const n of [L, L + 1n, 2n ** 255n - 19n, 2n ** 256n - 1n]) expectCode(() => decodeScalar(le32(n)), 'invalid-scalar');
    expect(bytesToHex(le32(L))).toBe('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010');
    expectCode(() => decodeScalar(new Uint8Array(31)), 'invalid-scalar');
    expectCode(() => decodeScalar(new Uint8Array(64)), 'invalid-scalar');
  });

  it('signature shares must be canonical scalars', () => {
    const msg = (share: Uint8Array): unknown => ({ v: 1, kind: 'signature-share', from: 1, share: toBase64url(share) });
    expect(parseSignatureShareMessage(msg(le32(L - 1n))).from).toBe(1);
    expectCode(() => parseSignatureShareMessage(msg(le32(L))), 'invalid-scalar');
    expectCode(() => parseSignatureShareMessage(msg(new Uint8Array(32).fill(0xff))), 'invalid-scalar');
  });

  it('an Ed25519 signature with S >= L is refused (RFC 8032 strictness)', () => {
    const sk = randomBytes(32);
    const pk = ed25519.getPublicKey(sk);
    const m = new Uint8Array([1, 2, 3]);
    const sig = ed25519.sign(m, sk);
    expect(verifySignature(pk, m, sig)).toBe(true);
    const s = decodeScalar(sig.subarray(32));
    const malleated = Uint8Array.from([...sig.subarray(0, 32), ...le32(s + L)]);
    expect(verifySignature(pk, m, malleated)).toBe(false);
    expect(verifySignature(pk, m, sig.subarray(0, 63))).toBe(false);
  });
});

describe('base64url', () => {
  it('round-trips every length and matches Node', () => {
    for (let n = 0; n < 70; n++) {
      const b = randomBytes(n);
      const text = toBase64url(b);
      expect(text).toBe(Buffer.from(b).toString('base64url'));
      expect(fromBase64url(text)).toEqual(b);
    }
  });

  it('is strict: no padding, no standard alphabet, no stray bits, no impossible length', () => {
    for (const bad of ['AA==', 'A+8', 'A/8', 'AB', 'AAB', 'A', 'AAAA A', 'ÄA']) expectCode(() => fromBase64url(bad), 'invalid-message');
    expect(fromBase64url('AA')).toEqual(new Uint8Array([0]));
    expect(fromBase64url('AAE')).toEqual(new Uint8Array([0, 1]));
  });
});

describe('message parsers', () => {
  const p = toBase64url(ed25519.Point.BASE.multiply(5n).toBytes());
  const q = toBase64url(ed25519.Point.BASE.multiply(7n).toBytes());
  const identity = toBase64url(hexToBytes('01' + '00'.repeat(31)));
  const small = toBase64url(hexToBytes(ED25519_TORSION_SUBGROUP[2] ?? ''));

  it('commitments: exact shape, participants 1 or 2, valid points', () => {
    const good = { v: 1, kind: 'commitment', from: 2, hiding: p, binding: q };
    expect(parseCommitmentMessage(good)).toEqual(good);
    expectCode(() => parseCommitmentMessage({ ...good, extra: 1 }), 'invalid-message');
    expectCode(() => parseCommitmentMessage({ ...good, v: 2 }), 'invalid-message');
    expectCode(() => parseCommitmentMessage({ ...good, kind: 'signature-share' }), 'invalid-message');
    expectCode(() => parseCommitmentMessage({ ...good, from: 3 }), 'invalid-participant');
    expectCode(() => parseCommitmentMessage({ ...good, from: '1' }), 'invalid-participant');
    expectCode(() => parseCommitmentMessage({ ...good, hiding: identity }), 'invalid-point');
    expectCode(() => parseCommitmentMessage({ ...good, binding: small }), 'invalid-point');
    expectCode(() => parseCommitmentMessage(null), 'invalid-message');
    expectCode(() => parseCommitmentMessage([good]), 'invalid-message');
  });

  it('DKG round 1: two commitments and a 64-byte proof, all well-formed', () => {
    const pok = toBase64url(Uint8Array.from([...ed25519.Point.BASE.multiply(9n).toBytes(), ...le32(5n)]));
    const good = { v: 1, kind: 'dkg-round1', from: 1, commitment: [p, q], proofOfKnowledge: pok };
    expect(parseDkgRound1Message(good)).toEqual(good);
    expectCode(() => parseDkgRound1Message({ ...good, commitment: [p, q, p] }), 'invalid-message');
    expectCode(() => parseDkgRound1Message({ ...good, commitment: [identity, q] }), 'invalid-point');
    const badZ = toBase64url(Uint8Array.from([...ed25519.Point.BASE.multiply(9n).toBytes(), ...le32(L)]));
    expectCode(() => parseDkgRound1Message({ ...good, proofOfKnowledge: badZ }), 'invalid-scalar');
    const badR = toBase64url(Uint8Array.from([...hexToBytes(ED25519_TORSION_SUBGROUP[3] ?? ''), ...le32(5n)]));
    expectCode(() => parseDkgRound1Message({ ...good, proofOfKnowledge: badR }), 'invalid-point');
  });

  it('refresh round 1: the commitment cannot be the identity', () => {
    const good = { v: 1, kind: 'refresh-round1', from: 2, groupPublicKey: p, commitment: q };
    expect(parseRefreshRound1Message(good)).toEqual(good);
    expectCode(() => parseRefreshRound1Message({ ...good, commitment: identity }), 'invalid-point');
  });
});

describe('purity', () => {
  it('library sources import no node: modules and do no I/O', () => {
    const dir = path.dirname(fileURLToPath(import.meta.url));
    const sources = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'test-helpers.ts');
    expect(sources.length).toBeGreaterThan(5);
    for (const f of sources) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/from ['"]node:|require\(|\bprocess\.|\bfetch\(|\bBuffer\b/);
    }
  });
});
