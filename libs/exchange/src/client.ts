/**
 * A client member (the platform, or a register asking another one): signs a request, sends it
 * through a transport, verifies that the response answers exactly that request, logs the pair
 * and returns the body, or throws what the provider (or the way there) said.
 */
import { ExchangeError, ServiceError, exchangeErrorFromProblem, isExchangeErrorCode } from './errors.js';
import { tracked } from './jws.js';
import { checkSigningKey, type KeyResolver, type SigningKey } from './keys.js';
import type { MessageLogSink } from './log.js';
import { DEFAULT_MAX_BYTES, createRequest, openResponse, type RequestEnvelope, type ResponseEnvelope, type Signed } from './messages.js';
import { EXCHANGE_PATH, JOSE_CONTENT_TYPE, PROBLEM_CONTENT_TYPE } from './provider.js';
import type { ServiceDefinition } from './service.js';

/**
 * Carries a request JWS to a provider member and returns its response JWS. When the provider
 * refuses without a signed response, it throws an ExchangeError with `remote: true` (HTTP: a
 * problem+json answer); anything else it throws means there was no answer ('unavailable').
 */
export type Transport = (provider: string, requestJws: string) => Promise<string>;

export interface ClientOptions {
  /** This member's signing key, or a function returning the current one (rotation). */
  signingKey: SigningKey | (() => SigningKey);
  /** Public keys of the members (e.g. `directory.resolveKey`). */
  resolveKey: KeyResolver;
  transport: Transport;
  /** This member's message log. */
  log: MessageLogSink;
  /** Milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Largest accepted response JWS. Default 256 KiB. */
  maxBytes?: number;
}

export interface CallArgs<In> {
  /** Why: a purpose code the provider's access rights name. */
  purpose: string;
  caseId: string;
  /** On whose behalf, if anyone's. */
  citizen?: string | undefined;
  body: In;
  /** Default: a new random UUID. A retry is a new request, with a new id. */
  requestId?: string;
}

export interface CallResult<Out> {
  body: Out;
  request: Signed<RequestEnvelope>;
  response: Signed<ResponseEnvelope>;
}

export class Client {
  readonly member: string;
  private readonly now: () => number;
  private readonly maxBytes: number;

  constructor(private readonly options: ClientOptions) {
    this.member = checkSigningKey(this.signingKey()).member;
    this.now = options.now ?? Date.now;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  private signingKey(): SigningKey {
    return typeof this.options.signingKey === 'function' ? this.options.signingKey() : this.options.signingKey;
  }

  /**
   * Calls `service` of member `provider` and returns the verified response body. Throws
   * ServiceError (the service said no), ExchangeError (refused by the provider: `remote`; or
   * 'bad-response', 'unavailable' found here), or TypeError for bad arguments.
   */
  call<In, Out>(provider: string, service: ServiceDefinition<In, Out>, args: CallArgs<In>): Promise<Out>;
  call(provider: string, service: string, args: CallArgs<unknown>): Promise<unknown>;
  async call(provider: string, service: ServiceDefinition<unknown, unknown> | string, args: CallArgs<unknown>): Promise<unknown> {
    return (await this.exchange(provider, service as ServiceDefinition<unknown, unknown>, args)).body;
  }

  /** Like `call`, and also returns both signed messages (for a case file, an access log). */
  exchange<In, Out>(provider: string, service: ServiceDefinition<In, Out>, args: CallArgs<In>): Promise<CallResult<Out>>;
  exchange(provider: string, service: string, args: CallArgs<unknown>): Promise<CallResult<unknown>>;
  exchange(provider: string, service: ServiceDefinition<unknown, unknown> | string, args: CallArgs<unknown>): Promise<CallResult<unknown>> {
    return tracked(() => this.exchangeNow(provider, service, args));
  }

  private async exchangeNow(
    provider: string,
    service: ServiceDefinition<unknown, unknown> | string,
    args: CallArgs<unknown>,
  ): Promise<CallResult<unknown>> {
    const key = this.signingKey();
    if (key.member !== this.member) throw new TypeError(`the signing key is for "${key.member}", not "${this.member}"`);
    const request = await createRequest(
      {
        provider,
        service: typeof service === 'string' ? service : service.name,
        purpose: args.purpose,
        citizen: args.citizen,
        caseId: args.caseId,
        ...(args.requestId === undefined ? {} : { requestId: args.requestId }),
        body: args.body,
      },
      key,
      { now: this.now },
    );
    let responseJws: unknown;
    try {
      responseJws = await this.options.transport(provider, request.jws);
    } catch (error) {
      await this.log(request, null, undefined);
      if (error instanceof ExchangeError) throw error;
      throw new ExchangeError('unavailable', `no answer from "${provider}": ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
    let response: ResponseEnvelope | undefined;
    let failure: unknown;
    try {
      response = await openResponse(responseJws, request, { resolveKey: this.options.resolveKey, maxBytes: this.maxBytes });
    } catch (error) {
      failure = error;
    }
    // What came back is logged as received, even if it does not verify: that is what happened.
    const logged = typeof responseJws === 'string' && responseJws.length <= this.maxBytes ? responseJws : null;
    await this.log(request, logged, response);
    if (response === undefined) {
      const reason = failure instanceof ExchangeError ? `${failure.code}: ${failure.detail}` : String(failure);
      throw new ExchangeError('bad-response', `the response from "${provider}" was refused (${reason})`, { cause: failure });
    }
    if (response.status === 'error') {
      const { code, title, detail, status } = response.error;
      if (isExchangeErrorCode(code)) throw new ExchangeError(code, detail ?? title, { remote: true });
      throw new ServiceError(code, { status, title, ...(detail === undefined ? {} : { detail }), remote: true });
    }
    return { body: response.body, request, response: { jws: responseJws as string, envelope: response } };
  }

  private async log(request: Signed<RequestEnvelope>, responseJws: string | null, response: ResponseEnvelope | undefined): Promise<void> {
    await this.options.log.append({
      at: this.now(),
      direction: 'out',
      requestJws: request.jws,
      responseJws,
      request: request.envelope,
      response,
    });
  }
}

/** A `fetch` as this library uses it (the global one fits). */
export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal; redirect: 'error' },
) => Promise<Response>;

export interface HttpTransportOptions {
  /** The fetch to use (`globalThis.fetch`): this library does no I/O of its own. */
  fetch: FetchLike;
  /** A provider's base URL (e.g. `(id) => directory.baseUrl(id)`); the endpoint is `<base>/exchange/v1`. */
  baseUrl: (provider: string) => string | undefined;
  /** Default 10 s. */
  timeoutMs?: number;
  /** Stop reading a response body after this many bytes (the client then refuses it as oversized). Default 256 KiB. */
  maxBytes?: number;
}

/**
 * A Transport over HTTP: `POST <base>/exchange/v1`, body the request JWS (`application/jose`);
 * an `application/jose` answer of any status is the signed response; an
 * `application/problem+json` answer is the provider's unsigned refusal.
 */
export function httpTransport(options: HttpTransportOptions): Transport {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return async (provider, requestJws) => {
    const base = options.baseUrl(provider);
    if (base === undefined) throw new Error(`no base URL for member "${provider}"`);
    const response = await options.fetch(base.replace(/\/+$/, '') + EXCHANGE_PATH, {
      method: 'POST',
      headers: { 'content-type': JOSE_CONTENT_TYPE, accept: `${JOSE_CONTENT_TYPE}, ${PROBLEM_CONTENT_TYPE}` },
      body: requestJws,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === JOSE_CONTENT_TYPE) return await readLimited(response, maxBytes);
    if (type === PROBLEM_CONTENT_TYPE) {
      let problem: unknown;
      try {
        problem = JSON.parse(await readLimited(response, 64 * 1024));
      } catch {
        problem = undefined;
      }
      throw exchangeErrorFromProblem(problem, response.status);
    }
    await response.body?.cancel();
    throw new Error(`HTTP ${response.status} with content type "${type}"`);
  };
}

/** The body as text, at most `limit` + 1 bytes of it (one more, so that the reader can tell it was too long). */
async function readLimited(response: Response, limit: number): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
    if (length > limit) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks)
    .subarray(0, limit + 1)
    .toString('latin1');
}
