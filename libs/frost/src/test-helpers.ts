/** Shared by the tests only (excluded from the build). */
import crypto from 'node:crypto';
import { expect } from 'vitest';
import {
  DEVICE,
  DkgSession,
  FrostError,
  SERVER,
  SigningNonces,
  commit,
  serverCosign,
  signShare,
  toBase64url,
  type FrostErrorCode,
  type KeyShare,
  type SignerKey,
} from './index.js';

/** What the other side receives is a JSON-parsed copy. */
export const wire = <T>(m: T): unknown => JSON.parse(JSON.stringify(m));

export function expectCode(fn: () => unknown, code: FrostErrorCode): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected FrostError ${code}`).toBeInstanceOf(FrostError);
  expect((caught as FrostError).code, (caught as Error).message).toBe(code);
}

export interface Keys {
  device: KeyShare;
  server: KeyShare;
}

/**
 * The product's enrolment flow: request 1 carries the device's round 1; the server answers with
 * its round 1 and round 2 and saves its state; request 2 carries the device's round 2.
 */
export function runDkg(): Keys {
  const device = DkgSession.start(DEVICE);
  let server = DkgSession.start(SERVER);
  const serverRound1 = wire(server.round1Message);
  const serverToDevice = wire(server.receiveRound1(wire(device.round1Message)));
  const stored = server.serialize();
  const deviceToServer = wire(device.receiveRound1(serverRound1));
  const deviceKey = device.finish(serverToDevice);
  server = DkgSession.deserialize(stored);
  const serverKey = server.finish(deviceToServer);
  return { device: deviceKey, server: serverKey };
}

export function nodeVerify(groupPublicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  const key = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: toBase64url(groupPublicKey) }, format: 'jwk' });
  return crypto.verify(null, message, key, signature);
}

/**
 * The product's signing flow: request 1, the server commits and stores its nonces; request 2
 * carries the device's commitment and share; the server co-signs.
 */
export function cosign(device: SignerKey, server: KeyShare, message: Uint8Array): ReturnType<typeof serverCosign> {
  const s = commit(server);
  const storedNonces = s.nonces.exportForStorage();
  const serverCommitment = wire(s.commitment);
  const d = commit(device);
  const deviceShare = signShare(device, d.nonces, [d.commitment, serverCommitment], message);
  return serverCosign({
    key: server,
    nonces: SigningNonces.importFromStorage(storedNonces),
    deviceCommitment: wire(d.commitment),
    deviceShare: wire(deviceShare),
    message,
  });
}
