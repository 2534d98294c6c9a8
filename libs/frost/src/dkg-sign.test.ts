/**
 * Two-party key generation and signing as the device and the server run them: every message
 * goes through JSON, the server's state is serialized between requests, and every signature
 * is checked by node:crypto's Ed25519.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ED25519_TORSION_SUBGROUP, ed25519 } from '@noble/curves/ed25519.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import {
  aggregate,
  commit,
  DEVICE,
  DkgSession,
  FrostError,
  publicKeyPackage,
  SERVER,
  serverCosign,
  signShare,
  SigningNonces,
  toBase64url,
  verifySignature,
  verifySignatureShare,
  type CommitmentMessage,
  type SignatureShareMessage,
} from './index.js';
import { cosign, expectCode, nodeVerify, runDkg, wire, type Keys } from './test-helpers.js';

/** One signature through the product flow; fails the test if the device share is rejected. */
function sign(keys: Keys, message: Uint8Array): Uint8Array {
  const result = cosign(keys.device, keys.server, message);
  if (!result.ok) throw new Error('device share rejected');
  return result.signature;
}

describe('two-party DKG', () => {
  it("both sides agree on the group key and on each other's verifying shares", () => {
    const { device, server } = runDkg();
    expect(device.groupPublicKey).toEqual(server.groupPublicKey);
    expect(device.groupPublicKey).toHaveLength(32);
    expect(device.verifyingShare).toEqual(server.peerVerifyingShare);
    expect(server.verifyingShare).toEqual(device.peerVerifyingShare);
    expect(device.signingShare).not.toEqual(server.signingShare);
  });

  it('rejects a forged proof of knowledge, a tampered share, bad points and wrong senders', () => {
    const mk = (): { d: DkgSession; s: DkgSession } => ({ d: DkgSession.start(DEVICE), s: DkgSession.start(SERVER) });
    // The proof of another session's polynomial does not fit these commitments.
    let { d, s } = mk();
    const other = DkgSession.start(SERVER).round1Message;
    expectCode(() => d.receiveRound1({ ...s.round1Message, proofOfKnowledge: other.proofOfKnowledge }), 'invalid-proof');
    // Reflection: the device's own round 1 relabelled as the server's (the proof binds the identifier).
    ({ d } = mk());
    expectCode(() => d.receiveRound1({ ...d.round1Message, from: SERVER }), 'invalid-proof');
    // Identity and small-order commitments.
    ({ d, s } = mk());
    const identity = toBase64url(hexToBytes('01' + '00'.repeat(31)));
    expectCode(() => d.receiveRound1({ ...s.round1Message, commitment: [identity, s.round1Message.commitment[1]] }), 'invalid-point');
    const small = toBase64url(hexToBytes(ED25519_TORSION_SUBGROUP[1] ?? ''));
    expectCode(() => d.receiveRound1({ ...s.round1Message, commitment: [s.round1Message.commitment[0], small] }), 'invalid-point');
    // Wrong sender.
    expectCode(() => d.receiveRound1(d.round1Message), 'invalid-participant');
    // A share that is a valid scalar but not the one committed to.
    ({ d, s } = mk());
    const toServer = d.receiveRound1(wire(s.round1Message));
    const toDevice = s.receiveRound1(wire(d.round1Message));
    expectCode(() => d.finish({ ...toDevice, signingShare: toServer.signingShare, from: SERVER, to: DEVICE }), 'invalid-share');
    // Non-canonical scalar (the group order L itself).
    expectCode(
      () =>
        d.finish({
          ...toDevice,
          signingShare: toBase64url(hexToBytes('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010')),
        }),
      'invalid-scalar',
    );
    // The genuine share still works afterwards, once.
    expect(d.finish(toDevice).identifier).toBe(DEVICE);
    expectCode(() => d.finish(toDevice), 'invalid-state');
  });

  it('steps are single-use and ordered', () => {
    const d = DkgSession.start(DEVICE);
    const s = DkgSession.start(SERVER);
    expectCode(() => d.finish({}), 'invalid-state');
    d.receiveRound1(wire(s.round1Message));
    expectCode(() => d.receiveRound1(wire(s.round1Message)), 'invalid-state');
  });

  it('restored state must match its published commitments', () => {
    const s = DkgSession.start(SERVER);
    const state = JSON.parse(s.serialize()) as { coefficients: string[] };
    state.coefficients.reverse();
    expectCode(() => DkgSession.deserialize(JSON.stringify(state)), 'inconsistent-key');
  });
});

describe('two-party signing', () => {
  it('many key generations and signatures, all valid Ed25519 for node:crypto', () => {
    let count = 0;
    for (let k = 0; k < 8; k++) {
      const keys = runDkg();
      for (let i = 0; i < 4; i++) {
        const message = crypto.randomBytes(1 + ((k * 7 + i * 13) % 200));
        const sig = sign(keys, message);
        expect(sig).toHaveLength(64);
        expect(nodeVerify(keys.device.groupPublicKey, message, sig)).toBe(true);
        expect(verifySignature(keys.device.groupPublicKey, message, sig)).toBe(true);
        const other = Uint8Array.from(message);
        other[0] = (other[0] ?? 0) ^ 0x80;
        expect(nodeVerify(keys.device.groupPublicKey, other, sig)).toBe(false);
        count++;
      }
    }
    expect(count).toBe(32);
  });

  it('signs the empty message too, and the raw primitives aggregate to the same kind of signature', () => {
    const keys = runDkg();
    const message = new Uint8Array(0);
    const d = commit(keys.device);
    const s = commit(keys.server);
    const list = [d.commitment, s.commitment];
    const dz = signShare(keys.device, d.nonces, list, message);
    const sz = signShare(keys.server, s.nonces, [...list].reverse(), message); // order does not matter
    const pub = publicKeyPackage(keys.server);
    expect(verifySignatureShare(pub, list, message, dz)).toBe(true);
    expect(verifySignatureShare(pub, list, message, sz)).toBe(true);
    const sig = aggregate(pub, list, message, [sz, dz]);
    expect(nodeVerify(pub.groupPublicKey, message, sig)).toBe(true);
  });

  describe('rejects bad commitment lists and shares', () => {
    const keys = runDkg();
    const message = new TextEncoder().encode('a document');
    const fresh = (): { d: ReturnType<typeof commit>; s: ReturnType<typeof commit> } => ({
      d: commit(keys.device),
      s: commit(keys.server),
    });

    it('duplicate identifiers', () => {
      const { d } = fresh();
      const again = commit(keys.device).commitment;
      expectCode(() => signShare(keys.device, d.nonces, [d.commitment, again], message), 'duplicate-participant');
      const pub = publicKeyPackage(keys.server);
      const share: SignatureShareMessage = { v: 1, kind: 'signature-share', from: DEVICE, share: toBase64url(new Uint8Array(32)) };
      expectCode(() => verifySignatureShare(pub, [d.commitment, d.commitment], message, share), 'duplicate-participant');
      const { s } = fresh();
      expectCode(() => aggregate(pub, [d.commitment, s.commitment], message, [share, share]), 'duplicate-participant');
    });

    it("a commitment list missing one's own", () => {
      const { d } = fresh();
      const s1 = commit(keys.server).commitment;
      const s2 = commit(keys.server).commitment;
      expectCode(() => signShare(keys.device, d.nonces, [s1, s2], message), 'missing-own-commitment');
      expect(d.nonces.used).toBe(true); // consumed even though nothing was signed
    });

    it("a commitment list whose own entry is not the signer's", () => {
      const { d, s } = fresh();
      const substituted: CommitmentMessage = { ...commit(keys.device).commitment };
      expectCode(() => signShare(keys.device, d.nonces, [substituted, s.commitment], message), 'commitment-mismatch');
    });

    it('the wrong number of signers', () => {
      const { d, s } = fresh();
      expectCode(() => signShare(keys.device, d.nonces, [d.commitment], message), 'wrong-signer-count');
      const three = [d.commitment, s.commitment, { ...s.commitment }];
      expectCode(
        () =>
          verifySignatureShare(publicKeyPackage(keys.server), three, message, {
            v: 1,
            kind: 'signature-share',
            from: DEVICE,
            share: toBase64url(new Uint8Array(32)),
          }),
        'wrong-signer-count',
      );
      expectCode(() => aggregate(publicKeyPackage(keys.server), [d.commitment, s.commitment], message, []), 'wrong-signer-count');
    });

    it('identity, small-order, mixed-order and non-canonical points in commitments', () => {
      const p = ed25519.Point;
      const mixed = p.BASE.add(p.fromHex(ED25519_TORSION_SUBGROUP[1] ?? '')).toBytes();
      const bad = [
        '01' + '00'.repeat(31), // identity
        '01' + '00'.repeat(30) + '80', // identity with the sign bit set (non-canonical)
        'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // order 2
        'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // y = p (non-canonical)
        ...ED25519_TORSION_SUBGROUP,
      ].map((h) => toBase64url(hexToBytes(h)));
      bad.push(toBase64url(mixed));
      for (const b of bad) {
        const { d, s } = fresh();
        expectCode(() => signShare(keys.device, d.nonces, [d.commitment, { ...s.commitment, binding: b }], message), 'invalid-point');
        expectCode(
          () =>
            verifySignatureShare(publicKeyPackage(keys.server), [{ ...d.commitment, hiding: b }, s.commitment], message, {
              v: 1,
              kind: 'signature-share',
              from: DEVICE,
              share: toBase64url(new Uint8Array(32)),
            }),
          'invalid-point',
        );
      }
    });

    it('non-canonical signature-share scalars', () => {
      const { d, s } = fresh();
      const list = [d.commitment, s.commitment];
      const dz = signShare(keys.device, d.nonces, list, message);
      const pub = publicKeyPackage(keys.server);
      // z + L encodes the same residue; a strict decoder must refuse it.
      const L = ed25519.Point.Fn.ORDER;
      const z = ed25519.Point.Fn.fromBytes(Uint8Array.from(Buffer.from(dz.share, 'base64url')));
      const plusL = new Uint8Array(32);
      let n = z + L;
      for (let i = 0; i < 32; i++) {
        plusL[i] = Number(n & 0xffn);
        n >>= 8n;
      }
      expectCode(() => verifySignatureShare(pub, list, message, { ...dz, share: toBase64url(plusL) }), 'invalid-scalar');
      expectCode(
        () => verifySignatureShare(pub, list, message, { ...dz, share: toBase64url(new Uint8Array(32).fill(0xff)) }),
        'invalid-scalar',
      );
      expect(verifySignatureShare(pub, list, message, dz)).toBe(true);
    });

    it('a share made for another message or by the other key fails verification and aggregation', () => {
      const { d, s } = fresh();
      const list = [d.commitment, s.commitment];
      const dz = signShare(keys.device, d.nonces, list, new TextEncoder().encode('something else'));
      const pub = publicKeyPackage(keys.server);
      expect(verifySignatureShare(pub, list, message, dz)).toBe(false);
      const sz = signShare(keys.server, s.nonces, list, message);
      expectCode(() => aggregate(pub, list, message, [dz, sz]), 'aggregation-failed');
      expect(verifySignatureShare(pub, list, message, { ...sz, from: DEVICE })).toBe(false);
    });
  });

  describe('nonces are single-use', () => {
    const keys = runDkg();
    const message = new TextEncoder().encode('pay 100');

    it('a second signShare with the same nonce object throws', () => {
      const d = commit(keys.device);
      const s = commit(keys.server);
      const list = [d.commitment, s.commitment];
      expect(d.nonces.used).toBe(false);
      signShare(keys.device, d.nonces, list, message);
      expect(d.nonces.used).toBe(true);
      expectCode(() => signShare(keys.device, d.nonces, list, new TextEncoder().encode('pay 1000')), 'nonce-reused');
    });

    it('export consumes the object; discard too; serverCosign consumes whatever the outcome', () => {
      const s = commit(keys.server);
      const stored = s.nonces.exportForStorage();
      expectCode(() => s.nonces.exportForStorage(), 'nonce-reused');
      const d = commit(keys.device);
      expectCode(() => signShare(keys.server, s.nonces, [d.commitment, s.commitment], message), 'nonce-reused');
      const restored = SigningNonces.importFromStorage(stored);
      expect(restored.commitment).toEqual(s.commitment);
      const d2 = commit(keys.device);
      d2.nonces.discard();
      expectCode(() => signShare(keys.device, d2.nonces, [d2.commitment, s.commitment], message), 'nonce-reused');
      const garbage = { v: 1, kind: 'signature-share', from: DEVICE, share: 'not base64url!' };
      expect(() =>
        serverCosign({ key: keys.server, nonces: restored, deviceCommitment: d.commitment, deviceShare: garbage, message }),
      ).toThrow(FrostError);
      expect(restored.used).toBe(true);
    });

    it('nonce objects cannot be made from chosen values', () => {
      const Ctor = SigningNonces as unknown as new (...args: unknown[]) => SigningNonces;
      expectCode(() => new Ctor(Symbol('x'), DEVICE, new Uint8Array(32), new Uint8Array(32)), 'invalid-state');
    });
  });
});
