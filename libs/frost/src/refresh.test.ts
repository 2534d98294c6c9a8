/**
 * Proactive refresh for two-of-two: same group key, new shares, and a stale copy of the device
 * share stops working.
 */
import { describe, expect, it } from 'vitest';
import { ED25519_TORSION_SUBGROUP } from '@noble/curves/ed25519.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import {
  applyRefresh,
  checkKeyShare,
  commit,
  createDeviceRecord,
  DEVICE,
  publicKeyPackage,
  refreshDeviceRecord,
  refreshShare,
  RefreshSession,
  SERVER,
  signShare,
  toBase64url,
  unlockDeviceRecord,
  verifySignatureShare,
  type KeyShare,
  type PinKdfParams,
  type RefreshResult,
} from './index.js';
import { cosign, expectCode, nodeVerify, runDkg, wire } from './test-helpers.js';

const FAST: PinKdfParams = { N: 16, r: 1, p: 1 };
const message = new TextEncoder().encode('tax return 2025');

/** The product flow: request 1 carries the device's round 1; the server answers with round 1 and 2; request 2 carries the device's round 2. */
function runRefresh(groupPublicKey: Uint8Array): { device: RefreshResult; server: RefreshResult } {
  const device = RefreshSession.start(DEVICE, groupPublicKey);
  let server = RefreshSession.start(SERVER, groupPublicKey);
  const serverRound1 = wire(server.round1Message);
  const serverToDevice = wire(server.receiveRound1(wire(device.round1Message)));
  const stored = server.serialize();
  const deviceToServer = wire(device.receiveRound1(serverRound1));
  const deviceResult = device.finish(serverToDevice);
  server = RefreshSession.deserialize(stored);
  return { device: deviceResult, server: server.finish(deviceToServer) };
}

describe('share refresh', () => {
  it('keeps the group key, changes every share, and new shares sign', () => {
    const keys = runDkg();
    const record = createDeviceRecord(keys.device, '1357', FAST);
    const r = runRefresh(keys.server.groupPublicKey);
    const server2 = applyRefresh(keys.server, r.server);
    const record2 = refreshDeviceRecord(record, r.device); // no PIN needed: the mask is additive
    const device2 = applyRefresh(keys.device, r.device);

    expect(server2.groupPublicKey).toEqual(keys.server.groupPublicKey);
    expect(record2.groupPublicKey).toBe(record.groupPublicKey);
    expect(server2.signingShare).not.toEqual(keys.server.signingShare);
    expect(server2.verifyingShare).not.toEqual(keys.server.verifyingShare);
    expect(server2.peerVerifyingShare).not.toEqual(keys.server.peerVerifyingShare);
    expect(record2.maskedShare).not.toBe(record.maskedShare);
    // Both sides derived the same new verifying shares.
    expect(device2.verifyingShare).toEqual(server2.peerVerifyingShare);
    expect(device2.peerVerifyingShare).toEqual(server2.verifyingShare);
    expect(unlockDeviceRecord(record2, '1357').signingShare).toEqual(device2.signingShare);
    expect(refreshShare(keys.device.signingShare, r.device)).toEqual(device2.signingShare);
    checkKeyShare(server2);
    checkKeyShare(device2);

    for (let i = 0; i < 3; i++) {
      const result = cosign(unlockDeviceRecord(record2, '1357'), server2, message);
      expect(result.ok).toBe(true);
      if (result.ok) expect(nodeVerify(keys.server.groupPublicKey, message, result.signature)).toBe(true);
    }
  });

  it('a stale (copied) device share fails share verification against the refreshed server', () => {
    const keys = runDkg();
    const stolenCopy = createDeviceRecord(keys.device, '1357', FAST);
    const r = runRefresh(keys.server.groupPublicKey);
    const server2 = applyRefresh(keys.server, r.server);
    const old = unlockDeviceRecord(stolenCopy, '1357'); // even with the right PIN
    const d = commit(old);
    const s = commit(server2);
    const list = [d.commitment, s.commitment];
    const share = signShare(old, d.nonces, list, message);
    expect(verifySignatureShare(publicKeyPackage(server2), list, message, share)).toBe(false);
    expect(cosign(old, server2, message)).toEqual({ ok: false, reason: 'device-share-rejected' });
    // ...and the new device share does not work with the old server share either.
    const device2 = applyRefresh(keys.device, r.device);
    expect(cosign(device2, keys.server, message)).toEqual({ ok: false, reason: 'device-share-rejected' });
  });

  it('can run again and again', () => {
    const keys = runDkg();
    let server: KeyShare = keys.server;
    let device: KeyShare = keys.device;
    for (let i = 0; i < 3; i++) {
      const r = runRefresh(server.groupPublicKey);
      server = applyRefresh(server, r.server);
      device = applyRefresh(device, r.device);
    }
    const result = cosign(device, server, message);
    expect(result.ok && nodeVerify(keys.server.groupPublicKey, message, result.signature)).toBe(true);
  });

  it('rejects a share that does not match its commitment, a foreign key, identity commitments, replays', () => {
    const keys = runDkg();
    const gpk = keys.server.groupPublicKey;
    // Share not matching the commitment.
    let d = RefreshSession.start(DEVICE, gpk);
    let s = RefreshSession.start(SERVER, gpk);
    const toServer = d.receiveRound1(wire(s.round1Message));
    const toDevice = s.receiveRound1(wire(d.round1Message));
    expectCode(() => d.finish({ ...toDevice, share: toServer.share }), 'invalid-share');
    // Another key's refresh.
    const other = runDkg().server.groupPublicKey;
    d = RefreshSession.start(DEVICE, gpk);
    expectCode(() => d.receiveRound1(wire(RefreshSession.start(SERVER, other).round1Message)), 'inconsistent-key');
    // Identity and small-order commitments.
    d = RefreshSession.start(DEVICE, gpk);
    s = RefreshSession.start(SERVER, gpk);
    for (const hex of ['01' + '00'.repeat(31), ED25519_TORSION_SUBGROUP[1] ?? ''])
      expectCode(() => d.receiveRound1({ ...s.round1Message, commitment: toBase64url(hexToBytes(hex)) }), 'invalid-point');
    // Own message reflected back.
    expectCode(() => d.receiveRound1(wire(d.round1Message)), 'invalid-participant');
    // Out of order and twice.
    expectCode(() => d.finish({}), 'invalid-state');
    d.receiveRound1(wire(s.round1Message));
    expectCode(() => d.receiveRound1(wire(s.round1Message)), 'invalid-state');
  });

  it('refuses to apply a result to the wrong side or key', () => {
    const keys = runDkg();
    const r = runRefresh(keys.server.groupPublicKey);
    expectCode(() => applyRefresh(keys.server, r.device), 'invalid-participant');
    const other = runDkg();
    expectCode(() => applyRefresh(other.server, r.server), 'inconsistent-key');
    const record = createDeviceRecord(other.device, '1', FAST);
    expectCode(() => refreshDeviceRecord(record, r.device), 'inconsistent-key');
  });
});
