/**
 * PIN masking: any PIN unmasks to a well-formed share, so only the server can tell a wrong PIN,
 * by share verification. Low scrypt parameters keep the tests fast.
 */
import { describe, expect, it } from 'vitest';
import {
  commit,
  createDeviceRecord,
  createDeviceRecordAsync,
  decodeScalar,
  DEFAULT_PIN_KDF_PARAMS,
  DEVICE,
  maskShare,
  maskShareAsync,
  newPinSalt,
  parseDeviceRecord,
  publicKeyPackage,
  signShare,
  unlockDeviceRecord,
  unlockDeviceRecordAsync,
  unmaskShare,
  unmaskShareAsync,
  verifySignatureShare,
  type PinKdfParams,
} from './index.js';
import { cosign, expectCode, nodeVerify, runDkg } from './test-helpers.js';

const FAST: PinKdfParams = { N: 16, r: 1, p: 1 };

describe('maskShare / unmaskShare', () => {
  const { device } = runDkg();
  const salt = newPinSalt();

  it('the right PIN gives the share back; the masked share is not the share', () => {
    const masked = maskShare(device.signingShare, '2580', salt, FAST);
    expect(masked).not.toEqual(device.signingShare);
    expect(unmaskShare(masked, '2580', salt, FAST)).toEqual(device.signingShare);
  });

  it('every wrong PIN still gives a well-formed, different scalar (nothing to test offline)', () => {
    const masked = maskShare(device.signingShare, '2580', salt, FAST);
    const seen = new Set<string>();
    for (let pin = 0; pin < 200; pin++) {
      const candidate = unmaskShare(masked, String(pin).padStart(4, '0'), salt, FAST);
      expect(() => decodeScalar(candidate)).not.toThrow();
      expect(candidate).not.toEqual(device.signingShare);
      seen.add(Buffer.from(candidate).toString('hex'));
    }
    expect(seen.size).toBe(200);
  });

  it('salt and parameters matter, and are deterministic', () => {
    const a = maskShare(device.signingShare, '2580', salt, FAST);
    expect(maskShare(device.signingShare, '2580', salt, FAST)).toEqual(a);
    expect(maskShare(device.signingShare, '2580', newPinSalt(), FAST)).not.toEqual(a);
    expect(maskShare(device.signingShare, '2580', salt, { N: 32, r: 1, p: 1 })).not.toEqual(a);
  });

  it('async variants agree with the sync ones', async () => {
    const masked = await maskShareAsync(device.signingShare, '1111', salt, FAST);
    expect(masked).toEqual(maskShare(device.signingShare, '1111', salt, FAST));
    expect(await unmaskShareAsync(masked, '1111', salt, FAST)).toEqual(device.signingShare);
  });

  it('rejects bad inputs', () => {
    expectCode(() => maskShare(device.signingShare, '', salt, FAST), 'invalid-parameters');
    expectCode(() => maskShare(device.signingShare, '1234', new Uint8Array(8), FAST), 'invalid-parameters');
    expectCode(() => maskShare(device.signingShare, '1234', salt, { N: 3, r: 1, p: 1 }), 'invalid-parameters');
    expectCode(() => maskShare(device.signingShare, '1234', salt, { N: 2 ** 21, r: 8, p: 1 }), 'invalid-parameters');
    expectCode(() => maskShare(new Uint8Array(32).fill(0xff), '1234', salt, FAST), 'invalid-scalar');
  });

  it('the default cost is scrypt N=2^14, r=8, p=1', () => {
    expect(DEFAULT_PIN_KDF_PARAMS).toEqual({ N: 2 ** 14, r: 8, p: 1 });
  });
});

describe('device record and the server-side PIN check', () => {
  const keys = runDkg();
  const record = createDeviceRecord(keys.device, '4711', FAST);
  const message = new TextEncoder().encode('application #42');

  it('stores only the masked share, the group key, the salt and the KDF parameters', () => {
    expect(Object.keys(record).sort()).toEqual(['groupPublicKey', 'kdf', 'kind', 'maskedShare', 'salt', 'v']);
    expect(record.kdf).toEqual({ name: 'scrypt', ...FAST });
    const text = JSON.stringify(record);
    for (const secretOrOracle of [keys.device.signingShare, keys.device.verifyingShare, keys.device.peerVerifyingShare])
      expect(text).not.toContain(Buffer.from(secretOrOracle).toString('base64url'));
    expect(parseDeviceRecord(JSON.parse(text))).toEqual(record);
  });

  it('right PIN: the server verifies the share and returns a valid Ed25519 signature', () => {
    const result = cosign(unlockDeviceRecord(record, '4711'), keys.server, message);
    expect(result.ok).toBe(true);
    if (result.ok) expect(nodeVerify(keys.server.groupPublicKey, message, result.signature)).toBe(true);
  });

  it('wrong PIN: a well-formed partial signature that share verification rejects', () => {
    const wrong = unlockDeviceRecord(record, '4712');
    expect(wrong.identifier).toBe(DEVICE);
    const d = commit(wrong);
    const s = commit(keys.server);
    const list = [d.commitment, s.commitment];
    const share = signShare(wrong, d.nonces, list, message); // the device cannot tell
    expect(verifySignatureShare(publicKeyPackage(keys.server), list, message, share)).toBe(false);
    expect(cosign(wrong, keys.server, message)).toEqual({ ok: false, reason: 'device-share-rejected' });
  });

  it('async creation and unlock work the same way', async () => {
    const r = await createDeviceRecordAsync(keys.device, '0000', FAST);
    const key = await unlockDeviceRecordAsync(r, '0000');
    expect(key.signingShare).toEqual(keys.device.signingShare);
  });

  it('only the device key share can become a device record', () => {
    expectCode(() => createDeviceRecord(keys.server, '4711', FAST), 'invalid-participant');
  });

  it('a tampered record is refused when read', () => {
    expectCode(() => parseDeviceRecord({ ...record, kdf: { name: 'scrypt', N: 2 ** 30, r: 8, p: 1 } }), 'invalid-parameters');
    expectCode(() => parseDeviceRecord({ ...record, kind: 'key-share' }), 'invalid-message');
  });
});
