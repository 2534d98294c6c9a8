import crypto from 'node:crypto';
import { MemoryNodeStore, base64Encode, formatVerifierKey, leafHash, signCheckpoint } from '@deed/merkle';
import { describe, expect, it } from 'vitest';
import { commitment, encodeEvent, verifyEntries, AccessLogVerificationError, type AccessEvent, type ProvenEntry } from './index.js';

const origin = 'example.gov/access-log';
const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
const rawPublic = new Uint8Array(Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url'));
const verify = (pub: Uint8Array, message: Uint8Array, signature: Uint8Array) =>
  crypto.verify(
    null,
    message,
    crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(pub).toString('base64url') }, format: 'jwk' }),
    signature,
  );

const events: AccessEvent[] = Array.from({ length: 9 }, (_, i) => ({
  citizen: i % 2 ? '19900101-00019' : '19850515-00027',
  at: `2026-11-26T10:00:0${i}Z`,
  actor: 'deed-platform',
  action: 'population/person.read',
  purpose: 'document.present',
  ...(i === 3 ? { caseId: 'case-3' } : {}),
}));

async function signedLog() {
  const store = new MemoryNodeStore();
  const salts = events.map(() => crypto.randomBytes(32));
  events.forEach((event, i) => store.append(leafHash(commitment(event, salts[i]!))));
  const note = await signCheckpoint({ origin, size: store.size, root: store.root() }, origin, rawPublic, (m) =>
    crypto.sign(null, m, privateKey),
  );
  const checkpoint = { note, origin, verifierKey: formatVerifierKey(origin, rawPublic) };
  const entries: ProvenEntry[] = events.map((event, seq) => ({
    seq,
    event,
    salt: base64Encode(salts[seq]!),
    proof: store.inclusionProof(seq).map(base64Encode),
  }));
  return { checkpoint, entries };
}

describe('access log entries', () => {
  it('encodes events canonically, whatever the key order', () => {
    const a = encodeEvent({ citizen: 'c', at: 't', actor: 'a', action: 'x', purpose: 'p' });
    const b = encodeEvent({ purpose: 'p', action: 'x', actor: 'a', at: 't', citizen: 'c' });
    expect(new TextDecoder().decode(a)).toBe('["c","t","a","x","p",null]');
    expect(b).toEqual(a);
  });

  it('verifies every entry of a signed log', async () => {
    const { checkpoint, entries } = await signedLog();
    await expect(verifyEntries(checkpoint, entries, verify)).resolves.toEqual({ size: 9 });
  });

  it('fails an entry whose who, when, what or why was changed', async () => {
    const { checkpoint, entries } = await signedLog();
    for (const change of [
      { actor: 'someone-else' },
      { at: '2026-11-26T10:00:00Z' },
      { action: 'tax/taxpayer.read' },
      { purpose: 'curiosity' },
      { caseId: undefined },
    ]) {
      const tampered = entries.map((e) => (e.seq === 3 ? { ...e, event: { ...e.event, ...change } } : e));
      await expect(verifyEntries(checkpoint, tampered, verify)).rejects.toThrow(/entry 3 is not in the signed log/);
    }
  });

  it('fails a checkpoint that was not signed by the given key, or was altered', async () => {
    const { checkpoint, entries } = await signedLog();
    const other = crypto.generateKeyPairSync('ed25519').publicKey;
    const otherKey = formatVerifierKey(origin, new Uint8Array(Buffer.from(other.export({ format: 'jwk' }).x!, 'base64url')));
    await expect(verifyEntries({ ...checkpoint, verifierKey: otherKey }, entries, verify)).rejects.toBeInstanceOf(
      AccessLogVerificationError,
    );
    await expect(verifyEntries({ ...checkpoint, note: checkpoint.note.replace('\n9\n', '\n10\n') }, entries, verify)).rejects.toThrow(
      /checkpoint not verified/,
    );
  });
});
