import type { KeyPurpose } from './key-store.js';

/**
 * The platform's own signing keys (DESIGN.md, security model). Registers hold their own keys;
 * these are the platform's. Rotating one keeps the previous keys published for verification.
 */
export const platformKeyPurposes: readonly KeyPurpose[] = [
  { name: 'presentation', alg: 'EdDSA', description: 'signs document presentations (QR codes) that verifiers check offline' },
  { name: 'checkpoint', alg: 'EdDSA', description: "signs checkpoints of the citizens' access log (RFC 9162 tree heads)" },
  { name: 'exchange', alg: 'EdDSA', description: "signs the platform's requests on the register exchange" },
  { name: 'oidc', alg: 'ES256', description: 'signs ID tokens for businesses that log citizens in with Deed' },
];
