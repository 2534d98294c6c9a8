import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyStore, UnknownKeyPurposeError, type KeyPurpose } from '@deed/server';
import { tempDir } from '../../../testing/server.js';

const purposes: KeyPurpose[] = [
  { name: 'presentation', alg: 'EdDSA', description: 'test' },
  { name: 'oidc', alg: 'ES256', description: 'test' },
];

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('platform keys in the data directory', () => {
  it('creates one key per purpose, readable by the owner only', () => {
    const dir = tempDir();
    const store = new KeyStore(dir, purposes);
    store.ensureKeys();
    expect(store.list().map((k) => [k.purpose, k.alg, k.status])).toEqual([
      ['presentation', 'EdDSA', 'current'],
      ['oidc', 'ES256', 'current'],
    ]);
    expect(mode(path.join(dir, 'keys'))).toBe(0o700);
    for (const purpose of purposes) {
      const folder = path.join(dir, 'keys', purpose.name);
      expect(mode(folder)).toBe(0o700);
      for (const file of fs.readdirSync(folder)) expect(mode(path.join(folder, file))).toBe(0o600);
    }
    expect(store.current('oidc').publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(store.current('presentation').publicKey.asymmetricKeyType).toBe('ed25519');
  });

  it('keeps the same keys across restarts', () => {
    const dir = tempDir();
    const first = new KeyStore(dir, purposes);
    first.ensureKeys();
    const second = new KeyStore(dir, purposes);
    second.ensureKeys();
    expect(second.list()).toEqual(first.list());
  });

  it('rotates without breaking what the previous key signed, and other processes see it', () => {
    const dir = tempDir();
    const store = new KeyStore(dir, purposes);
    const before = store.current('presentation');
    const message = Buffer.from('signed before the rotation');
    const signature = crypto.sign(null, message, before.privateKey);

    const otherNode = new KeyStore(dir, purposes);
    expect(otherNode.current('presentation').kid).toBe(before.kid);
    const after = store.rotate('presentation');
    expect(after.kid).not.toBe(before.kid);
    expect(otherNode.current('presentation').kid).toBe(after.kid);
    expect(
      store
        .list()
        .filter((k) => k.purpose === 'presentation')
        .map((k) => [k.kid, k.status]),
    ).toEqual([
      [after.kid, 'current'],
      [before.kid, 'previous'],
    ]);
    const old = otherNode.find(before.kid);
    expect(old && crypto.verify(null, message, old.publicKey, signature)).toBe(true);
  });

  it('refuses an unknown purpose by name', () => {
    const store = new KeyStore(tempDir(), purposes);
    expect(() => store.rotate('printer')).toThrow(UnknownKeyPurposeError);
    expect(() => store.rotate('printer')).toThrow('Unknown key purpose "printer"; known purposes: presentation, oidc');
  });
});
