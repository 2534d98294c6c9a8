/**
 * Access rights: which client member may call which service of which provider, for which
 * purposes. Explicit grants only, no wildcards (docs/exchange.md, "Access rights").
 */
import { ExchangeError } from './errors.js';
import { MEMBER_ID } from './keys.js';
import { NAME, type RequestEnvelope } from './messages.js';

/** One access right, as an administrator grants it. */
export interface Grant {
  client: string;
  provider: string;
  service: string;
  /** The purposes the client may give; at least one. */
  purposes: readonly string[];
}

/** The fields of a request that rights are about. */
export type RightsQuery = Pick<RequestEnvelope, 'client' | 'provider' | 'service' | 'purpose'>;

const SEP = '\u0000';

/**
 * A set of grants, indexed for the hot path (one map lookup and one set lookup per request).
 * Immutable: when an administrator changes rights, build a new one and swap it in.
 */
export class AccessRights {
  readonly grants: readonly Grant[];
  private readonly byService = new Map<string, Set<string>>();
  private readonly clientsAt = new Set<string>();

  constructor(grants: readonly Grant[]) {
    for (const grant of grants) {
      for (const [field, value] of [
        ['client', grant.client],
        ['provider', grant.provider],
      ] as const) {
        if (typeof value !== 'string' || !MEMBER_ID.test(value))
          throw new TypeError(`grant ${field} must be a member id: ${JSON.stringify(value)}`);
      }
      if (typeof grant.service !== 'string' || !NAME.test(grant.service)) {
        throw new TypeError(`grant service must be a service name (no wildcards): ${JSON.stringify(grant.service)}`);
      }
      if (!Array.isArray(grant.purposes) || grant.purposes.length === 0) {
        throw new TypeError(`grant ${grant.client} -> ${grant.provider} ${grant.service} needs at least one purpose`);
      }
      const key = grant.client + SEP + grant.provider + SEP + grant.service;
      let purposes = this.byService.get(key);
      if (purposes === undefined) this.byService.set(key, (purposes = new Set()));
      for (const purpose of grant.purposes) {
        if (typeof purpose !== 'string' || !NAME.test(purpose))
          throw new TypeError(`grant purpose must be a purpose code (no wildcards): ${JSON.stringify(purpose)}`);
        purposes.add(purpose);
      }
      this.clientsAt.add(grant.client + SEP + grant.provider);
    }
    this.grants = Object.freeze(grants.map((g) => Object.freeze({ ...g, purposes: Object.freeze([...g.purposes]) })));
  }

  allows(query: RightsQuery): boolean {
    return this.byService.get(query.client + SEP + query.provider + SEP + query.service)?.has(query.purpose) === true;
  }

  /** Throws ExchangeError 'unauthorised' naming what is missing, unless the request is allowed. */
  check(query: RightsQuery): void {
    const purposes = this.byService.get(query.client + SEP + query.provider + SEP + query.service);
    if (purposes?.has(query.purpose)) return;
    let detail: string;
    if (purposes !== undefined) {
      detail = `member "${query.client}" may call "${query.provider}" service "${query.service}" for purposes ${[...purposes]
        .map((p) => `"${p}"`)
        .join(', ')}, not for "${query.purpose}"`;
    } else if (this.clientsAt.has(query.client + SEP + query.provider)) {
      detail = `member "${query.client}" has no right to call "${query.provider}" service "${query.service}"`;
    } else {
      detail = `member "${query.client}" has no access rights at "${query.provider}"`;
    }
    throw new ExchangeError('unauthorised', detail);
  }
}

/** Checks a request against grants (or a prepared AccessRights). Throws ExchangeError 'unauthorised'. */
export function checkRights(rights: AccessRights | readonly Grant[], request: RightsQuery): void {
  (rights instanceof AccessRights ? rights : new AccessRights(rights)).check(request);
}
