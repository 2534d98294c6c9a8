/**
 * Known-answer tests against public vectors (see /work/shared/vectors/SOURCES.md):
 *  - RFC 9591 Appendix E.1, FROST(Ed25519, SHA-512), from cfrg/draft-irtf-cfrg-frost
 *    poc/frost-ed25519-sha512.json (the final signature starts 36282629);
 *  - the frost-rs DKG vector for FROST(Ed25519), ZcashFoundation/frost
 *    frost-ed25519/tests/helpers/vectors_dkg.json.
 * Both are 2-of-3, so they drive noble's ed25519_FROST (which this package wraps) directly,
 * and this package's strict decoders and Ed25519 verification on their values.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DKG_Round1, DKG_Round2, DKG_Secret, NonceCommitments, Nonces } from '@noble/curves/abstract/frost.js';
import { ed25519, ed25519_FROST as F } from '@noble/curves/ed25519.js';
import { bytesToNumberLE, numberToBytesLE } from '@noble/curves/utils.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { decodePoint, decodeScalar, toBase64url, verifySignature } from './index.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const VECTORS_DIR = path.resolve(repoRoot, '../shared/vectors/rfc9591-frost');
const RFC_FILE = path.join(VECTORS_DIR, 'frost-ed25519-sha512.json');
const DKG_FILE = path.join(VECTORS_DIR, 'frost-rs-ed25519-dkg.json');
const present = fs.existsSync(RFC_FILE) && fs.existsSync(DKG_FILE);
if (!present) console.warn(`@deed/frost: test vectors not found in ${VECTORS_DIR}; skipping the known-answer tests`);

const Fn = F.utils.Fn;
const L = Fn.ORDER;
const CTX = 'FROST-ED25519-SHA512-v1';

// RFC 9591 §6.5 hash functions, written out from the text to check noble against it.
const hashToScalar = (bytes: Uint8Array): bigint => bytesToNumberLE(sha512(bytes)) % L;
const H1 = (m: Uint8Array): bigint => hashToScalar(concatBytes(utf8ToBytes(CTX + 'rho'), m));
const H3 = (m: Uint8Array): bigint => hashToScalar(concatBytes(utf8ToBytes(CTX + 'nonce'), m));
const H4 = (m: Uint8Array): Uint8Array => sha512(concatBytes(utf8ToBytes(CTX + 'msg'), m));
const H5 = (m: Uint8Array): Uint8Array => sha512(concatBytes(utf8ToBytes(CTX + 'com'), m));
const scalarHex = (n: bigint): string => bytesToHex(numberToBytesLE(n, 32));

/** An RNG that returns the given byte strings in order: how the vector's randomness reaches noble. */
function fixedRng(chunks: Uint8Array[]): (len?: number) => Uint8Array {
  return (len?: number) => {
    const next = chunks.shift();
    if (next === undefined) throw new Error('fixed RNG exhausted');
    if (len !== undefined && next.length !== len) throw new Error(`fixed RNG: asked ${len} bytes, have ${next.length}`);
    return next;
  };
}

interface RfcVector {
  config: { MAX_PARTICIPANTS: string; MIN_PARTICIPANTS: string; NUM_PARTICIPANTS: string };
  inputs: {
    participant_list: number[];
    group_secret_key: string;
    group_public_key: string;
    message: string;
    share_polynomial_coefficients: string[];
    participant_shares: { identifier: number; participant_share: string }[];
  };
  round_one_outputs: {
    outputs: {
      identifier: number;
      hiding_nonce_randomness: string;
      binding_nonce_randomness: string;
      hiding_nonce: string;
      binding_nonce: string;
      hiding_nonce_commitment: string;
      binding_nonce_commitment: string;
      binding_factor_input: string;
      binding_factor: string;
    }[];
  };
  round_two_outputs: { outputs: { identifier: number; sig_share: string }[] };
  final_output: { sig: string };
}

interface DkgParticipant {
  identifier: number;
  signing_key: string;
  coefficient: string;
  vss_commitments: string[];
  proof_of_knowledge: string;
  signing_shares: Record<string, string>;
  verifying_share: string;
  signing_share: string;
}

describe.skipIf(!present)(`RFC 9591 Appendix E.1 FROST(Ed25519, SHA-512) (vectors in ${VECTORS_DIR})`, () => {
  const t = (present ? JSON.parse(fs.readFileSync(RFC_FILE, 'utf8')) : undefined) as RfcVector;
  const msg = (): Uint8Array => hexToBytes(t.inputs.message);
  const signers = (): { min: number; max: number } => ({ min: Number(t.config.MIN_PARTICIPANTS), max: Number(t.config.MAX_PARTICIPANTS) });
  const id = (n: number): string => F.Identifier.fromNumber(n);

  it('is the RFC 9591 version of the vector, not an older draft', () => {
    expect(t.final_output.sig.startsWith('36282629')).toBe(true);
  });

  it('key: group key and participant shares, reproduced by noble from the vector coefficients', () => {
    const secret = hexToBytes(t.inputs.group_secret_key);
    expect(bytesToHex(ed25519.Point.BASE.multiply(decodeScalar(secret)).toBytes())).toBe(t.inputs.group_public_key);
    // noble draws each coefficient as (x mod (L-1)) + 1 from 48 random bytes, so feed it coefficient - 1.
    const coeffRng = fixedRng(t.inputs.share_polynomial_coefficients.map((c) => numberToBytesLE(Fn.fromBytes(hexToBytes(c)) - 1n, 48)));
    const deal = F.trustedDealer(signers(), undefined, secret, coeffRng);
    expect(bytesToHex(deal.public.commitments[0] as Uint8Array)).toBe(t.inputs.group_public_key);
    for (const ps of t.inputs.participant_shares) {
      const share = deal.secretShares[id(ps.identifier)];
      expect(share && bytesToHex(share.signingShare)).toBe(ps.participant_share);
    }
    expect(bytesToHex(F.combineSecret(Object.values(deal.secretShares), signers()))).toBe(t.inputs.group_secret_key);
  });

  it('round 1: nonces (RFC nonce_generate) and commitments from the vector randomness', () => {
    for (const o of t.round_one_outputs.outputs) {
      const share = t.inputs.participant_shares.find((p) => p.identifier === o.identifier);
      if (!share) throw new Error('vector lacks a share');
      const sk = hexToBytes(share.participant_share);
      // RFC 9591 §4.1: nonce = H3(random_bytes(32) || SerializeScalar(secret)).
      expect(scalarHex(H3(concatBytes(hexToBytes(o.hiding_nonce_randomness), sk)))).toBe(o.hiding_nonce);
      expect(scalarHex(H3(concatBytes(hexToBytes(o.binding_nonce_randomness), sk)))).toBe(o.binding_nonce);
      const gen = F.commit(
        { identifier: id(o.identifier), signingShare: sk },
        fixedRng([hexToBytes(o.hiding_nonce_randomness), hexToBytes(o.binding_nonce_randomness)]),
      );
      expect(bytesToHex(gen.nonces.hiding)).toBe(o.hiding_nonce);
      expect(bytesToHex(gen.nonces.binding)).toBe(o.binding_nonce);
      expect(bytesToHex(gen.commitments.hiding)).toBe(o.hiding_nonce_commitment);
      expect(bytesToHex(gen.commitments.binding)).toBe(o.binding_nonce_commitment);
      // Every element and scalar of the vector passes this package's strict decoders.
      decodePoint(hexToBytes(o.hiding_nonce_commitment));
      decodePoint(hexToBytes(o.binding_nonce_commitment));
      decodeScalar(hexToBytes(o.hiding_nonce));
    }
  });

  it('binding factors: input encoding (RFC 9591 §4.3-4.4) and H1, byte for byte', () => {
    // noble keeps binding factors internal; they are recomputed here from the RFC's definitions.
    // That noble uses the same ones is shown by the signature shares below matching the vector.
    const outs = [...t.round_one_outputs.outputs].sort((a, b) => a.identifier - b.identifier);
    const encodedCommitments = concatBytes(
      ...outs.flatMap((o) => [
        numberToBytesLE(BigInt(o.identifier), 32),
        hexToBytes(o.hiding_nonce_commitment),
        hexToBytes(o.binding_nonce_commitment),
      ]),
    );
    const prefix = concatBytes(hexToBytes(t.inputs.group_public_key), H4(msg()), H5(encodedCommitments));
    for (const o of outs) {
      const input = concatBytes(prefix, numberToBytesLE(BigInt(o.identifier), 32));
      expect(bytesToHex(input)).toBe(o.binding_factor_input);
      expect(scalarHex(H1(input))).toBe(o.binding_factor);
    }
  });

  it('round 2 and aggregation: signature shares and the final signature, byte for byte', () => {
    const pubShares: Record<string, Uint8Array> = {};
    for (const ps of t.inputs.participant_shares)
      pubShares[id(ps.identifier)] = ed25519.Point.BASE.multiply(Fn.fromBytes(hexToBytes(ps.participant_share))).toBytes();
    const pub = { signers: signers(), commitments: [hexToBytes(t.inputs.group_public_key)], verifyingShares: pubShares };
    const nonces: Record<string, Nonces> = {};
    const list: NonceCommitments[] = [];
    for (const o of t.round_one_outputs.outputs) {
      nonces[id(o.identifier)] = { hiding: hexToBytes(o.hiding_nonce), binding: hexToBytes(o.binding_nonce) } as Nonces;
      list.push({
        identifier: id(o.identifier),
        hiding: hexToBytes(o.hiding_nonce_commitment),
        binding: hexToBytes(o.binding_nonce_commitment),
      } as NonceCommitments);
    }
    const shares: Record<string, Uint8Array> = {};
    for (const o of t.round_two_outputs.outputs) {
      const ps = t.inputs.participant_shares.find((p) => p.identifier === o.identifier);
      const n = nonces[id(o.identifier)];
      if (!ps || !n) throw new Error('vector incomplete');
      const share = F.signShare({ identifier: id(o.identifier), signingShare: hexToBytes(ps.participant_share) }, pub, n, list, msg());
      expect(bytesToHex(share)).toBe(o.sig_share);
      shares[id(o.identifier)] = share;
      expect(F.verifyShare(pub, list, msg(), id(o.identifier), share)).toBe(true);
      const tampered = Fn.toBytes(Fn.add(Fn.fromBytes(share), 1n));
      expect(F.verifyShare(pub, list, msg(), id(o.identifier), tampered)).toBe(false);
    }
    const sig = F.aggregate(pub, list, msg(), shares);
    expect(bytesToHex(sig)).toBe(t.final_output.sig);
  });

  it('the final signature is an ordinary Ed25519 signature (node:crypto, noble, this package)', () => {
    const sig = hexToBytes(t.final_output.sig);
    const pk = hexToBytes(t.inputs.group_public_key);
    const key = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: toBase64url(pk) }, format: 'jwk' });
    expect(crypto.verify(null, msg(), key, sig)).toBe(true);
    expect(ed25519.verify(sig, msg(), pk, { zip215: false })).toBe(true);
    expect(verifySignature(pk, msg(), sig)).toBe(true);
    const other = Uint8Array.from(msg());
    other[0] = (other[0] ?? 0) ^ 1;
    expect(verifySignature(pk, other, sig)).toBe(false);
  });
});

describe.skipIf(!present)(`frost-rs DKG vector for FROST(Ed25519) (vectors in ${VECTORS_DIR})`, () => {
  const t = (present ? JSON.parse(fs.readFileSync(DKG_FILE, 'utf8')) : undefined) as {
    config: { MIN_PARTICIPANTS: number; MAX_PARTICIPANTS: number };
    inputs: { verifying_key: string } & Record<string, DkgParticipant | string>;
  };
  const ids = [1, 2, 3];
  const input = (n: number): DkgParticipant => {
    const v = t.inputs[String(n)];
    if (v === undefined || typeof v === 'string') throw new Error(`vector lacks participant ${n}`);
    return v;
  };
  const signers = (): { min: number; max: number } => ({ min: t.config.MIN_PARTICIPANTS, max: t.config.MAX_PARTICIPANTS });
  const round1 = (n: number): DKG_Round1 =>
    ({
      identifier: F.Identifier.fromNumber(n),
      commitment: input(n).vss_commitments.map((c) => hexToBytes(c)),
      proofOfKnowledge: hexToBytes(input(n).proof_of_knowledge),
    }) as DKG_Round1;

  for (const me of ids) {
    it(`participant ${me}: proofs, sent shares, group key and all verifying shares`, () => {
      const v = input(me);
      for (const c of v.vss_commitments) decodePoint(hexToBytes(c));
      // The vector fixes the polynomial (signing_key, coefficient) but not the proof's randomness,
      // so the round-1 state is rebuilt from the polynomial, as frost-rs's own test does.
      const poly = F.utils.generateSecretPolynomial(signers(), hexToBytes(v.signing_key), [Fn.fromBytes(hexToBytes(v.coefficient))]);
      expect(poly.commitment.map((c) => bytesToHex(c))).toEqual(v.vss_commitments);
      const secret = {
        identifier: BigInt(me),
        coefficients: poly.coefficients,
        commitment: poly.commitment,
        signers: signers(),
        step: 1,
      } as DKG_Secret;
      const others = ids.filter((o) => o !== me);
      // round2 verifies every other participant's proof of knowledge.
      const sent = F.DKG.round2(secret, others.map(round1));
      for (const o of others)
        expect(bytesToHex(sent[F.Identifier.fromNumber(o)]?.signingShare ?? new Uint8Array())).toBe(input(o).signing_shares[String(me)]);
      const received = others.map(
        (o) => ({ identifier: F.Identifier.fromNumber(o), signingShare: hexToBytes(v.signing_shares[String(o)] ?? '') }) as DKG_Round2,
      );
      const key = F.DKG.round3(secret, others.map(round1), received);
      expect(bytesToHex(key.public.commitments[0] as Uint8Array)).toBe(t.inputs.verifying_key);
      for (const o of ids)
        expect(bytesToHex(key.public.verifyingShares[F.Identifier.fromNumber(o)] ?? new Uint8Array())).toBe(input(o).verifying_share);
      // Our share always matches our verifying share.
      const ours = Fn.fromBytes(key.secret.signingShare);
      expect(bytesToHex(ed25519.Point.BASE.multiply(ours).toBytes())).toBe(v.verifying_share);
      // Known defect of the vector (SOURCES.md): the listed final shares of 2 and 3 disagree with
      // their own verifying shares. Trust the verifying shares; participant 1's share is right.
      const listed = ed25519.Point.BASE.multiply(Fn.fromBytes(hexToBytes(v.signing_share))).toBytes();
      expect(bytesToHex(listed) === v.verifying_share).toBe(me === 1);
      expect(bytesToHex(key.secret.signingShare) === v.signing_share).toBe(me === 1);
    });
  }

  it('a proof of knowledge does not verify for another identifier or with a changed commitment', () => {
    const poly = F.utils.generateSecretPolynomial(signers(), hexToBytes(input(1).signing_key), [
      Fn.fromBytes(hexToBytes(input(1).coefficient)),
    ]);
    const fresh = (): DKG_Secret =>
      ({ identifier: 1n, coefficients: [...poly.coefficients], commitment: poly.commitment, signers: signers(), step: 1 }) as DKG_Secret;
    const swapped = { ...round1(2), proofOfKnowledge: hexToBytes(input(3).proof_of_knowledge) } as DKG_Round1;
    expect(() => F.DKG.round2(fresh(), [swapped, round1(3)])).toThrow();
    const moved = {
      ...round1(2),
      commitment: [hexToBytes(input(3).vss_commitments[0] ?? ''), hexToBytes(input(2).vss_commitments[1] ?? '')],
    } as DKG_Round1;
    expect(() => F.DKG.round2(fresh(), [moved, round1(3)])).toThrow();
  });
});
