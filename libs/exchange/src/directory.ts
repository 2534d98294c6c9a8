/**
 * The directory of members (X-Road's "global configuration"): who the members are, their
 * public keys, where to reach them and what they offer. Plain data, so an administrator can
 * publish it as JSON; this class indexes it and resolves keys for verification.
 */
import type { KeyObject } from 'node:crypto';
import { KEY_ID, MEMBER_ID, importPublicKey, type KeyResolver, type MemberPublicJwk } from './keys.js';
import { NAME } from './messages.js';

export interface MemberDescription {
  /** `deed-platform`, `population`, `identity-documents`, `drivers`, `vehicles`, `tax`, `civil-status`, `education`... */
  id: string;
  /** A human name ("Population register"). */
  name: string;
  /** Public keys, each with its key id. During a rotation, the old and the new key are both listed. */
  keys: readonly MemberPublicJwk[];
  /** Where its exchange endpoint is (`<baseUrl>/exchange/v1`), if it runs as a separate process. */
  baseUrl?: string;
  /** Names of the services it provides (informational; access rights decide who may call them). */
  services?: readonly string[];
}

export class Directory {
  private readonly byId = new Map<string, MemberDescription>();
  private readonly keyIndex = new Map<string, KeyObject>();

  constructor(members: Iterable<MemberDescription>) {
    for (const member of members) {
      if (typeof member.id !== 'string' || !MEMBER_ID.test(member.id))
        throw new TypeError(`member id must match ${MEMBER_ID}: ${JSON.stringify(member.id)}`);
      if (this.byId.has(member.id)) throw new TypeError(`member "${member.id}" is listed twice`);
      if (typeof member.name !== 'string' || member.name.length === 0) throw new TypeError(`member "${member.id}" needs a name`);
      if (!Array.isArray(member.keys) || member.keys.length === 0)
        throw new TypeError(`member "${member.id}" needs at least one public key`);
      for (const jwk of member.keys) {
        if (typeof jwk.kid !== 'string' || !KEY_ID.test(jwk.kid)) throw new TypeError(`a key of member "${member.id}" has no valid kid`);
        const ref = `${member.id}/${jwk.kid}`;
        if (this.keyIndex.has(ref)) throw new TypeError(`key "${ref}" is listed twice`);
        const key = importPublicKey(jwk);
        if (key === undefined) throw new TypeError(`key "${ref}" is not an Ed25519 public JWK`);
        this.keyIndex.set(ref, key);
      }
      if (member.baseUrl !== undefined) {
        let url: URL | undefined;
        try {
          url = new URL(member.baseUrl);
        } catch {
          url = undefined;
        }
        if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
          throw new TypeError(`member "${member.id}" baseUrl must be an http(s) URL`);
        }
      }
      for (const service of member.services ?? []) {
        if (typeof service !== 'string' || !NAME.test(service))
          throw new TypeError(`member "${member.id}" lists an invalid service name: ${JSON.stringify(service)}`);
      }
      this.byId.set(
        member.id,
        Object.freeze({
          ...member,
          keys: Object.freeze([...member.keys]),
          ...(member.services ? { services: Object.freeze([...member.services]) } : {}),
        }),
      );
    }
  }

  /** The published key `kid` of `member` (a KeyResolver: pass `directory.resolveKey`). */
  readonly resolveKey: KeyResolver = (member, kid) => this.keyIndex.get(`${member}/${kid}`);

  member(id: string): MemberDescription | undefined {
    return this.byId.get(id);
  }

  get members(): MemberDescription[] {
    return [...this.byId.values()];
  }

  baseUrl(id: string): string | undefined {
    return this.byId.get(id)?.baseUrl;
  }

  provides(member: string, service: string): boolean {
    return this.byId.get(member)?.services?.includes(service) === true;
  }

  /** The publishable document: `{ "members": [...] }`. */
  toJSON(): { members: MemberDescription[] } {
    return { members: this.members };
  }
}
