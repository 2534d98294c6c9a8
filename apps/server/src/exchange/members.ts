import path from 'node:path';
import { Directory, type MemberDescription, type MemberPublicJwk, type SigningKey } from '@deed/exchange';
import { KeyStore, type PlatformKey } from '../platform/keys/key-store.js';
import { registers } from '../registers/index.js';

/** The platform's own member id on the exchange. */
export const PLATFORM_MEMBER = 'deed-platform';

/** A register's keys, in its own folder of the data directory: `members/<id>/keys/exchange`. */
export function memberKeyStore(dataDir: string, member: string): KeyStore {
  return new KeyStore(path.join(dataDir, 'members', member), [
    { name: 'exchange', alg: 'EdDSA', description: `signs ${member}'s exchange messages` },
  ]);
}

/** The current signing key of a member, as the exchange library wants it; follows rotations. */
export function signingKeyOf(member: string, keys: KeyStore): () => SigningKey {
  let cached: { key: PlatformKey; signing: SigningKey } | undefined;
  return () => {
    const key = keys.current('exchange');
    if (cached?.key !== key) cached = { key, signing: { member, kid: key.kid, privateKey: key.privateKey } };
    return cached.signing;
  };
}

function publicJwks(keys: KeyStore): MemberPublicJwk[] {
  return keys.keys('exchange').map((key) => {
    const { x } = key.publicKey.export({ format: 'jwk' });
    return { kty: 'OKP', crv: 'Ed25519', x: x!, kid: key.kid, alg: 'EdDSA', use: 'sig' };
  });
}

/**
 * The exchange's directory (X-Road's global configuration): every member with its public keys,
 * services and, for a register run as a separate process, its address. Built from the keys in
 * the data directory, which every process of one installation shares; an installation spread
 * over several hosts would publish this document instead.
 */
export function buildDirectory(dataDir: string, platformKeys: KeyStore, registerUrls: Readonly<Record<string, string>>): Directory {
  const members: MemberDescription[] = [{ id: PLATFORM_MEMBER, name: 'Deed platform', keys: publicJwks(platformKeys) }];
  for (const register of registers) {
    const keys = memberKeyStore(dataDir, register.id);
    keys.ensureKeys();
    const url = registerUrls[register.id];
    members.push({
      id: register.id,
      name: register.name.en,
      keys: publicJwks(keys),
      services: register.offers.map((service) => service.name),
      ...(url ? { baseUrl: url } : {}),
    });
  }
  return new Directory(members);
}
