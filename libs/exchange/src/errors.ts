/**
 * Typed errors. Callers (the HTTP layer, a platform module) branch on `code`, never on the
 * message, so the codes are part of the protocol (docs/exchange.md, "Errors"). Details name
 * members, services, purposes and fields, never a citizen id or a body: they may be logged.
 */

/** The exchange's own refusals and failures. */
export type ExchangeErrorCode =
  /** Not a compact JWS, bad JSON, a missing, extra or mistyped field, wrong `typ`, a header parameter besides alg, kid, typ. */
  | 'malformed'
  /** The message is longer than the limit (256 KiB by default). */
  | 'oversized'
  /** `alg: none`, or the signature part is empty. */
  | 'unsigned'
  /** The signature does not verify, is not EdDSA, or was made by another member than the one named. */
  | 'bad-signature'
  /** No published key for the `kid` (unknown member, or a key not, or no longer, in the directory). */
  | 'unknown-member'
  /** `iat` is outside the window (60 s either side by default). */
  | 'stale'
  /** The same (client, requestId) arrived before. */
  | 'replayed'
  /** The request names another provider than the member that received it. */
  | 'misdirected'
  /** No access right for (client, provider, service, purpose). */
  | 'unauthorised'
  /** The client may call the service, but the provider does not offer it (any more). */
  | 'unknown-service'
  /** The service failed unexpectedly; the provider reveals nothing more. */
  | 'internal'
  /** Client side: the response failed verification (signature, signer, or binding to the request). */
  | 'bad-response'
  /** Client side: the transport failed, so there was no answer from the provider. */
  | 'unavailable';

interface CodeInfo {
  readonly status: number;
  readonly title: string;
}

/** HTTP status and title of each code (docs/exchange.md has the same table). */
export const EXCHANGE_ERRORS: Readonly<Record<ExchangeErrorCode, CodeInfo>> = Object.freeze({
  malformed: { status: 400, title: 'Malformed exchange message' },
  oversized: { status: 413, title: 'Exchange message too large' },
  unsigned: { status: 401, title: 'Exchange message is not signed' },
  'bad-signature': { status: 401, title: 'Exchange signature does not verify' },
  'unknown-member': { status: 401, title: 'Unknown exchange member or key' },
  stale: { status: 400, title: 'Exchange request outside the time window' },
  replayed: { status: 409, title: 'Exchange request already received' },
  misdirected: { status: 421, title: 'Exchange request addressed to another member' },
  unauthorised: { status: 403, title: 'No access right for this exchange request' },
  'unknown-service': { status: 404, title: 'Unknown exchange service' },
  internal: { status: 500, title: 'The exchange service failed' },
  'bad-response': { status: 502, title: 'Invalid response from the exchange provider' },
  unavailable: { status: 503, title: 'Exchange provider unavailable' },
});

export const EXCHANGE_ERROR_CODES = Object.freeze(Object.keys(EXCHANGE_ERRORS) as ExchangeErrorCode[]);

export function isExchangeErrorCode(code: unknown): code is ExchangeErrorCode {
  return typeof code === 'string' && Object.hasOwn(EXCHANGE_ERRORS, code);
}

/** RFC 9457 problem details, the fields this library fills in. */
export interface ExchangeProblem {
  type: string;
  title: string;
  status: number;
  detail?: string;
}

/** Problem type URIs: `urn:deed:problem:exchange-<code>` (and `exchange-service-<code>` for services). */
export const PROBLEM_TYPE_PREFIX = 'urn:deed:problem:exchange-';

export class ExchangeError extends Error {
  override readonly name = 'ExchangeError';
  readonly code: ExchangeErrorCode;
  readonly title: string;
  readonly detail: string;
  /** True when the provider refused (its signed error response, or its problem+json); false when found here. */
  readonly remote: boolean;

  constructor(code: ExchangeErrorCode, detail: string, options: { remote?: boolean; cause?: unknown } = {}) {
    super(`${code}: ${detail}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.title = EXCHANGE_ERRORS[code].title;
    this.detail = detail;
    this.remote = options.remote ?? false;
  }

  get httpStatus(): number {
    return EXCHANGE_ERRORS[this.code].status;
  }

  toProblem(): ExchangeProblem {
    return { type: PROBLEM_TYPE_PREFIX + this.code, title: this.title, status: this.httpStatus, detail: this.detail };
  }
}

const SERVICE_ERROR_CODE = /^[a-z][a-z0-9-]{0,63}$/;

/**
 * A service's own refusal ("no such person", "invalid input"): a handler throws it, the provider
 * signs it into the response, and the client throws it again with `remote: true`. Codes are the
 * service's (lowercase, hyphens); the exchange's codes are reserved. `invalid-input` is what the
 * library itself uses when a body fails the service's `parseInput` or its citizen rule.
 */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  readonly code: string;
  readonly httpStatus: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly remote: boolean;

  constructor(code: string, options: { status?: number; title?: string; detail?: string; remote?: boolean; cause?: unknown } = {}) {
    const status = options.status ?? 400;
    if (!SERVICE_ERROR_CODE.test(code) || isExchangeErrorCode(code)) {
      throw new TypeError(`ServiceError code must match ${SERVICE_ERROR_CODE} and not be an exchange code: ${JSON.stringify(code)}`);
    }
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new TypeError(`ServiceError status must be an HTTP error status (400-599): ${status}`);
    }
    super(options.detail ? `${code}: ${options.detail}` : code, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.httpStatus = status;
    this.title = options.title ?? code;
    this.detail = options.detail;
    this.remote = options.remote ?? false;
  }

  toProblem(): ExchangeProblem {
    return {
      type: `${PROBLEM_TYPE_PREFIX}service-${this.code}`,
      title: this.title,
      status: this.httpStatus,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
    };
  }
}

/**
 * The ExchangeError that a problem+json document from a provider stands for (what an HTTP
 * transport throws when the provider refused without a signed answer). Anything that is not one
 * of ours becomes `unavailable`.
 */
export function exchangeErrorFromProblem(problem: unknown, httpStatus?: number): ExchangeError {
  if (typeof problem === 'object' && problem !== null) {
    const { type, detail } = problem as { type?: unknown; detail?: unknown };
    if (typeof type === 'string' && type.startsWith(PROBLEM_TYPE_PREFIX)) {
      const code = type.slice(PROBLEM_TYPE_PREFIX.length);
      if (isExchangeErrorCode(code)) {
        return new ExchangeError(code, typeof detail === 'string' ? detail : EXCHANGE_ERRORS[code].title, { remote: true });
      }
    }
  }
  return new ExchangeError('unavailable', `the provider answered HTTP ${httpStatus ?? '?'} with a problem that is not an exchange error`, {
    remote: true,
  });
}
