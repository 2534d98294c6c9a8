import crypto from 'node:crypto';

/** The 32-byte public key of an Ed25519 KeyObject (what C2SP notes and JWKs carry). */
export function rawPublicKey(key: crypto.KeyObject): Uint8Array {
  return new Uint8Array(Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url'));
}

/** Ed25519 verification from a raw public key, as the libraries' callbacks want it. */
export function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  const key = crypto.createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
    format: 'jwk',
  });
  return crypto.verify(null, message, key, signature);
}
