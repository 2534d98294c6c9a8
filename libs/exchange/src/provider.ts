/**
 * A provider member (a register, or a platform module that offers services): opens a request,
 * refuses replays, checks rights, runs the service, signs the answer and logs the pair.
 */
import { ExchangeError, ServiceError } from './errors.js';
import { tracked } from './jws.js';
import { checkSigningKey, type KeyResolver, type SigningKey } from './keys.js';
import type { MessageLogSink } from './log.js';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_SKEW_SECONDS,
  createResponse,
  openRequest,
  type Outcome,
  type RequestEnvelope,
  type ResponseEnvelope,
  type Signed,
} from './messages.js';
import type { ReplayGuard } from './replay.js';
import { AccessRights, type Grant } from './rights.js';
import type { ServiceContext, ServiceImplementation } from './service.js';

export const EXCHANGE_PATH = '/exchange/v1';
export const JOSE_CONTENT_TYPE = 'application/jose';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Grants, prepared rights, or a function returning the current rights (when an administrator can change them). */
export type RightsSource = AccessRights | readonly Grant[] | (() => AccessRights | Promise<AccessRights>);

export interface ProviderOptions {
  /** This member's signing key, or a function returning the current one (rotation). */
  signingKey: SigningKey | (() => SigningKey);
  /** Public keys of the members (e.g. `directory.resolveKey`). */
  resolveKey: KeyResolver;
  rights: RightsSource;
  replayGuard: ReplayGuard;
  /** This member's message log. */
  log: MessageLogSink;
  services: readonly ServiceImplementation[];
  /** Milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Accepted clock distance, seconds. Default 60. */
  skewSeconds?: number;
  /** Largest accepted request JWS. Default 256 KiB. */
  maxBytes?: number;
  /** Told of each handler failure that the client sees only as 'internal' (log it; it may hold personal data). */
  onInternalError?: (error: unknown, request: RequestEnvelope) => void;
}

/** A signed answer: to a request that was accepted, whether the service said yes or no. */
export interface Answer {
  /** The HTTP status for it: 200, or the error's status. */
  status: number;
  responseJws: string;
  request: RequestEnvelope;
  response: ResponseEnvelope;
}

/** What the HTTP layer sends back. */
export interface HttpAnswer {
  status: number;
  contentType: typeof JOSE_CONTENT_TYPE | typeof PROBLEM_CONTENT_TYPE;
  body: string;
  /** The refusal, when the answer is a problem (to count it; its detail names no citizen). */
  error?: ExchangeError;
}

function errorOutcome(error: ExchangeError | ServiceError): Outcome {
  return {
    status: 'error',
    error: {
      code: error.code,
      title: error.title,
      ...(error.detail === undefined ? {} : { detail: error.detail }),
      status: error.httpStatus,
    },
  };
}

const INTERNAL: Outcome = errorOutcome(new ExchangeError('internal', 'the service failed; quote the request id to the provider'));

export class Provider {
  readonly member: string;
  private readonly services = new Map<string, ServiceImplementation>();
  private readonly staticRights: AccessRights | undefined;
  private readonly skew: number;
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor(private readonly options: ProviderOptions) {
    const key = typeof options.signingKey === 'function' ? options.signingKey() : options.signingKey;
    this.member = checkSigningKey(key).member;
    for (const implementation of options.services) {
      const name = implementation.definition.name;
      if (this.services.has(name)) throw new TypeError(`service "${name}" is implemented twice`);
      this.services.set(name, implementation);
    }
    const rights = options.rights;
    this.staticRights = rights instanceof AccessRights ? rights : Array.isArray(rights) ? new AccessRights(rights) : undefined;
    this.skew = options.skewSeconds ?? DEFAULT_SKEW_SECONDS;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.now = options.now ?? Date.now;
  }

  private signingKey(): SigningKey {
    const key = typeof this.options.signingKey === 'function' ? this.options.signingKey() : this.options.signingKey;
    checkSigningKey(key);
    if (key.member !== this.member) throw new TypeError(`the signing key is for "${key.member}", not "${this.member}"`);
    return key;
  }

  /**
   * Answers a request with a signed response (see Answer), or throws ExchangeError when it
   * refuses without one: oversized, malformed, unsigned, bad-signature, unknown-member,
   * misdirected, stale, replayed (the sender is not authenticated, or the message is not a
   * fresh one from it). Other errors (the replay guard's or the log's storage) propagate.
   */
  answer(requestJws: unknown): Promise<Answer> {
    return tracked(() => this.answerNow(requestJws));
  }

  private async answerNow(requestJws: unknown): Promise<Answer> {
    const envelope = await openRequest(requestJws, {
      resolveKey: this.options.resolveKey,
      provider: this.member,
      now: this.now,
      skewSeconds: this.skew,
      maxBytes: this.maxBytes,
    });
    const request: Signed<RequestEnvelope> = { jws: requestJws as string, envelope };
    if (!(await this.options.replayGuard.remember(envelope.client, envelope.requestId, envelope.iat + this.skew))) {
      throw new ExchangeError('replayed', `request ${envelope.requestId} from "${envelope.client}" was received before`);
    }
    const outcome = await this.run(envelope);
    const key = this.signingKey();
    let response: Signed<ResponseEnvelope>;
    try {
      response = await createResponse(request, outcome, key, { now: this.now });
    } catch (error) {
      // The handler's result is not JSON (a BigInt, a cycle): the service failed.
      this.options.onInternalError?.(error, envelope);
      response = await createResponse(request, INTERNAL, key, { now: this.now });
    }
    await this.options.log.append({
      at: this.now(),
      direction: 'in',
      requestJws: request.jws,
      responseJws: response.jws,
      request: envelope,
      response: response.envelope,
    });
    const status = response.envelope.status === 'ok' ? 200 : response.envelope.error.status;
    return { status, responseJws: response.jws, request: envelope, response: response.envelope };
  }

  /** The response JWS (what an in-process transport returns); throws like `answer`. */
  async handle(requestJws: unknown): Promise<string> {
    return (await this.answer(requestJws)).responseJws;
  }

  /**
   * The whole HTTP exchange endpoint: the raw request body in, status + content type + body out.
   * A signed answer is `application/jose` with the answer's status; a refusal without one is
   * `application/problem+json` (RFC 9457). Throws only for storage failures (answer 500).
   */
  async handleHttp(body: unknown): Promise<HttpAnswer> {
    try {
      let jws = body;
      if (body instanceof Uint8Array) {
        if (body.byteLength > this.maxBytes)
          throw new ExchangeError('oversized', `the message is ${body.byteLength} bytes; the limit is ${this.maxBytes}`);
        // latin1 keeps one character per byte: any non-ASCII byte then fails the base64url checks.
        jws = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1');
      }
      const answer = await this.answer(jws);
      return { status: answer.status, contentType: JOSE_CONTENT_TYPE, body: answer.responseJws };
    } catch (error) {
      if (!(error instanceof ExchangeError)) throw error;
      return { status: error.httpStatus, contentType: PROBLEM_CONTENT_TYPE, body: JSON.stringify(error.toProblem()), error };
    }
  }

  private async run(request: RequestEnvelope): Promise<Outcome> {
    const implementation = this.services.get(request.service);
    try {
      const rights = this.staticRights ?? (await (this.options.rights as () => AccessRights | Promise<AccessRights>)());
      rights.check(request);
      if (implementation === undefined)
        throw new ExchangeError('unknown-service', `"${this.member}" offers no service "${request.service}"`);
      const { citizen, parseInput } = implementation.definition;
      if (citizen === 'required' && request.citizen === undefined) {
        throw new ServiceError('invalid-input', {
          title: 'Invalid input',
          detail: `service "${request.service}" is always on behalf of a citizen: "citizen" is required`,
        });
      }
      if (citizen === 'none' && request.citizen !== undefined) {
        throw new ServiceError('invalid-input', {
          title: 'Invalid input',
          detail: `service "${request.service}" is not on behalf of a citizen: "citizen" must be absent`,
        });
      }
      let input: unknown = request.body;
      if (parseInput) {
        try {
          input = parseInput(request.body);
        } catch (error) {
          throw new ServiceError('invalid-input', {
            title: 'Invalid input',
            detail: error instanceof Error ? error.message : 'the body was refused',
          });
        }
      }
      const context: ServiceContext = {
        client: request.client,
        provider: request.provider,
        service: request.service,
        purpose: request.purpose,
        citizen: request.citizen,
        caseId: request.caseId,
        requestId: request.requestId,
        request,
      };
      try {
        const body = await implementation.handler(input, context);
        return { status: 'ok', body: body === undefined ? null : body };
      } catch (error) {
        if (error instanceof ServiceError) return errorOutcome(error);
        // Anything else, including an ExchangeError from a call the handler made itself: the
        // client's request was fine, so it must not see that error's code as its own.
        this.options.onInternalError?.(error, request);
        return INTERNAL;
      }
    } catch (error) {
      if (error instanceof ExchangeError || error instanceof ServiceError) return errorOutcome(error);
      throw error;
    }
  }
}

/** A transport to providers in this process: what the default single-process platform uses. */
export function inProcessTransport(providers: Iterable<Provider>): (provider: string, requestJws: string) => Promise<string> {
  const byMember = new Map<string, Provider>();
  for (const provider of providers) byMember.set(provider.member, provider);
  return async (member, requestJws) => {
    const provider = byMember.get(member);
    if (provider === undefined) throw new Error(`no member "${member}" runs in this process`);
    try {
      return await provider.handle(requestJws);
    } catch (error) {
      // The provider's refusal, as the client would get it over HTTP.
      if (error instanceof ExchangeError) throw new ExchangeError(error.code, error.detail, { remote: true, cause: error });
      throw error;
    }
  };
}
