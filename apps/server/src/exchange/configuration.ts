import { AccessRights, ExchangeError, type Directory, type Grant, type SigningKey } from '@deed/exchange';
import type { KeyObject } from 'node:crypto';
import { CompactSign, compactVerify } from 'jose';
import { PLATFORM_MEMBER } from './members.js';

const TYP = 'deed-exchange-configuration+jws';

/**
 * The access rights as the platform publishes them to registers that run as separate
 * processes: a JWS signed with the platform's exchange key (X-Road's signed global
 * configuration, in miniature).
 */
export async function signConfiguration(grants: readonly Grant[], key: SigningKey, now = Date.now()): Promise<string> {
  const payload = new TextEncoder().encode(JSON.stringify({ iss: key.member, iat: Math.floor(now / 1000), grants }));
  return new CompactSign(payload).setProtectedHeader({ alg: 'EdDSA', kid: `${key.member}/${key.kid}`, typ: TYP }).sign(key.privateKey);
}

/** Verifies a published configuration against the directory and returns its rights. */
export async function openConfiguration(jws: string, directory: Directory): Promise<AccessRights> {
  const { payload } = await compactVerify(jws, async (header) => {
    const [member, kid] = (header.kid ?? '').split('/');
    const key = member === PLATFORM_MEMBER && kid && header.typ === TYP ? directory.resolveKey(member, kid) : undefined;
    if (!key) throw new Error('the configuration is not signed by a platform key');
    return key as KeyObject;
  });
  const { grants } = JSON.parse(new TextDecoder().decode(payload)) as { grants: Grant[] };
  return new AccessRights(grants);
}

/**
 * A rights source for a register in its own process: the platform's signed configuration,
 * fetched at most every `ttlMs`. While the platform cannot be reached, the last verified
 * rights stay in force; before any, requests are refused as 'unavailable'.
 */
export function remoteRights(platformUrl: string, directory: Directory, ttlMs = 2000): () => Promise<AccessRights> {
  let last: { at: number; rights: AccessRights } | undefined;
  return async () => {
    if (last && Date.now() - last.at < ttlMs) return last.rights;
    try {
      const response = await fetch(`${platformUrl.replace(/\/+$/, '')}/exchange/v1/configuration`, { signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      last = { at: Date.now(), rights: await openConfiguration(await response.text(), directory) };
    } catch (error) {
      if (!last)
        throw new ExchangeError('unavailable', `access rights could not be fetched from the platform: ${(error as Error).message}`);
    }
    return last.rights;
  };
}
