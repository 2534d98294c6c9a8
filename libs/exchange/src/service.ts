/**
 * Typed service catalogue: a register publishes its services as definitions (a name and the
 * input and output types), and providers and clients import the same definitions.
 *
 *   export const personRead = defineService<{ id: string }, Person>('person.read', 'A person by id', { citizen: 'required' });
 *   provider: implement(personRead, async ({ id }, ctx) => ...)
 *   client:   const person = await client.call('population', personRead, { purpose, caseId, citizen, body: { id } });
 */
import { NAME, type RequestEnvelope } from './messages.js';

/** Whether a request to the service names a citizen. */
export type CitizenRule = 'required' | 'optional' | 'none';

export interface ServiceDefinition<In = unknown, Out = unknown> {
  readonly name: string;
  readonly description: string;
  readonly citizen: CitizenRule;
  /**
   * Checks and converts an incoming body (which is only `unknown` JSON at run time). Throw to
   * refuse it: the client gets a signed 'invalid-input' error with the message as its detail.
   * Without it, the handler receives the body unchecked and must check it itself.
   */
  readonly parseInput?: ((body: unknown) => In) | undefined;
  /** Carries the types; never set at run time. */
  readonly types?: { input: In; output: Out };
}

export type ServiceInput<S> = S extends ServiceDefinition<infer In, unknown> ? In : never;
export type ServiceOutput<S> = S extends ServiceDefinition<unknown, infer Out> ? Out : never;

export interface ServiceOptions<In> {
  /** Default 'optional'. */
  citizen?: CitizenRule;
  parseInput?: (body: unknown) => In;
}

/** Declares a service. The name is dot-separated lowercase words (`person.read`). */
export function defineService<In, Out>(name: string, description: string, options: ServiceOptions<In> = {}): ServiceDefinition<In, Out> {
  if (typeof name !== 'string' || name.length > 128 || !NAME.test(name)) {
    throw new TypeError(`service name must be dot-separated lowercase words (${NAME}): ${JSON.stringify(name)}`);
  }
  return Object.freeze({
    name,
    description,
    citizen: options.citizen ?? 'optional',
    ...(options.parseInput ? { parseInput: options.parseInput } : {}),
  });
}

/** What a handler knows about the request besides its body. */
export interface ServiceContext {
  client: string;
  provider: string;
  service: string;
  purpose: string;
  citizen: string | undefined;
  caseId: string;
  requestId: string;
  /** The whole verified request. */
  request: RequestEnvelope;
}

export type ServiceHandler<In, Out> = (input: In, context: ServiceContext) => Out | Promise<Out>;

/** A service with its handler, types erased, for a Provider's list. */
export interface ServiceImplementation {
  readonly definition: ServiceDefinition<unknown, unknown>;
  readonly handler: ServiceHandler<unknown, unknown>;
}

/** Pairs a definition with its handler; the handler's types are checked against the definition's. */
export function implement<In, Out>(definition: ServiceDefinition<In, Out>, handler: ServiceHandler<In, Out>): ServiceImplementation {
  return Object.freeze({
    definition: definition as ServiceDefinition<unknown, unknown>,
    handler: handler as ServiceHandler<unknown, unknown>,
  });
}
