import { ExchangeError, ServiceError } from '@deed/exchange';
import { z } from 'zod';
import { ConfigError } from '../../config.js';
import { signConfiguration } from '../../exchange/configuration.js';
import { buildDirectory, PLATFORM_MEMBER, signingKeyOf } from '../../exchange/members.js';
import { SqlMessageLog } from '../../exchange/sql-message-log.js';
import type { Module, PlatformContext } from '../../module.js';
import { ProblemError } from '../../platform/http/problem.js';
import { registers } from '../../registers/index.js';
import { RegisterHost } from '../../registers/register-host.js';
import { seedDemoOnce } from '../../registers/seed.js';
import type { AccessLog } from '../access-log/access-log.js';
import { exchangeMigrations } from './exchange.migrations.js';
import type { ExchangeStorageTables } from '../../exchange/storage.tables.js';
import type { ExchangeTables } from './exchange.tables.js';
import { PlatformExchange } from './platform-exchange.js';
import { RightsStore } from './rights-store.js';

/** The demo population of a first start. */
export const DEMO_CITIZENS = 1000;

export interface ExchangeModule extends Module {
  rights: RightsStore;
  /** Available once the module has started. */
  exchange(): PlatformExchange;
  /** The registers running in this process. */
  hosts: ReadonlyMap<string, RegisterHost>;
}

const memberId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a member id');
const serviceName = z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/, 'must be a service name like person.read');
const grantSchema = z
  .object({ client: memberId, provider: memberId, service: serviceName, purposes: z.array(serviceName).min(1).max(50) })
  .strict();

/** Maps what a register said (or the way there) to the platform's problem+json. */
function exchangeProblem(error: unknown): ProblemError | unknown {
  if (error instanceof ServiceError) return new ProblemError(error.httpStatus, `register-${error.code}`, error.title, error.detail);
  if (error instanceof ExchangeError) {
    // The exchange refusing the platform is the platform's failure, not the caller's: 5xx either way.
    return new ProblemError(error.httpStatus >= 500 ? error.httpStatus : 502, `exchange-${error.code}`, error.title, error.detail);
  }
  return error;
}

/** A register call whose failure becomes the platform's problem+json. */
export function asProblem<T>(call: Promise<T>): Promise<T> {
  return call.catch((error: unknown) => {
    throw exchangeProblem(error);
  });
}

/**
 * The platform's side of the exchange: it runs the registers that are not configured as
 * separate processes, calls them as the member `deed-platform`, keeps the platform's message
 * log and the access rights, and gives administrators their view of it.
 */
export function createExchangeModule(context: PlatformContext, { accessLog }: { accessLog: AccessLog }): ExchangeModule {
  const { config, database, keys, admin } = context;
  for (const id of Object.keys(config.registerUrls)) {
    if (!registers.some((r) => r.id === id))
      throw new ConfigError('DEED_REGISTER_URLS', `names an unknown register "${id}" (known: ${registers.map((r) => r.id).join(', ')})`);
  }
  const db = database.as<ExchangeTables>();
  const rights = new RightsStore(db);
  const hosts = new Map<string, RegisterHost>();
  let platform: PlatformExchange | undefined;

  return {
    name: 'exchange',
    migrations: exchangeMigrations,
    rights,
    hosts,
    exchange: () => {
      if (!platform) throw new Error('the exchange module has not started');
      return platform;
    },
    async start() {
      const directory = buildDirectory(config.dataDir, keys, config.registerUrls);
      for (const register of registers) {
        if (config.registerUrls[register.id]) continue;
        hosts.set(register.id, await RegisterHost.open(register, { config, directory, rights: rights.current }));
      }
      platform = new PlatformExchange(directory, keys, new SqlMessageLog(database.as<ExchangeStorageTables>()), hosts, accessLog);
      const population = hosts.get('population');
      if (config.demo && population && (await population.store.count('person')) === 0) {
        await seedDemoOnce(config, [...hosts.keys()], async () => (await population.store.count('person')) === 0, {
          citizens: DEMO_CITIZENS,
        });
      }
    },
    async stop() {
      for (const host of hosts.values()) await host.close();
      hosts.clear();
    },
    routes(app) {
      app.get(
        '/exchange/v1/configuration',
        {
          schema: {
            tags: ['exchange'],
            summary: 'The access rights, signed by the platform (JWS), for registers that run as separate processes',
            produces: ['application/jose'],
            response: { 200: z.string() },
          },
        },
        async (_request, reply) =>
          reply.type('application/jose').send(await signConfiguration(await rights.list(), signingKeyOf(PLATFORM_MEMBER, keys)())),
      );
      app.get(
        '/api/admin/exchange/members',
        {
          schema: {
            tags: ['administration'],
            summary: 'Members of the exchange: registers and the platform, their keys and services',
            response: {
              200: z.object({
                members: z.array(
                  z.object({
                    id: z.string(),
                    name: z.string(),
                    services: z.array(z.string()),
                    keyIds: z.array(z.string()),
                    runs: z.enum(['platform', 'in-process', 'separate-process']),
                    baseUrl: z.string().optional(),
                  }),
                ),
                logs: z.array(z.object({ member: z.string(), ok: z.boolean(), count: z.number(), detail: z.string().optional() })),
              }),
            },
          },
        },
        async (request) => {
          admin.require(request);
          const exchange = platform!;
          return {
            members: exchange.directory.members.map((m) => ({
              id: m.id,
              name: m.name,
              services: [...(m.services ?? [])],
              keyIds: m.keys.map((k) => k.kid),
              runs:
                m.id === PLATFORM_MEMBER
                  ? ('platform' as const)
                  : exchange.isLocal(m.id)
                    ? ('in-process' as const)
                    : ('separate-process' as const),
              ...(m.baseUrl ? { baseUrl: m.baseUrl } : {}),
            })),
            logs: await exchange.verifyLogs(),
          };
        },
      );
      app.get(
        '/api/admin/exchange/rights',
        {
          schema: {
            tags: ['administration'],
            summary: 'Access rights on the exchange',
            response: { 200: z.object({ grants: z.array(grantSchema) }) },
          },
        },
        async (request) => {
          admin.require(request);
          return { grants: await rights.list() };
        },
      );
      app.put(
        '/api/admin/exchange/rights',
        {
          schema: {
            tags: ['administration'],
            summary: 'Grant a client the purposes for which it may call a service (replaces its purposes)',
            body: grantSchema,
            response: { 204: z.null() },
          },
        },
        async (request, reply) => {
          admin.require(request);
          const { provider, service } = request.body;
          const register = registers.find((r) => r.id === provider);
          if (!register)
            throw new ProblemError(400, 'unknown-member', 'Unknown member', `"${provider}" is not a register on this exchange.`);
          if (!register.offers.some((s) => s.name === service))
            throw new ProblemError(400, 'unknown-service', 'Unknown service', `"${provider}" offers no service "${service}".`);
          await rights.grant(request.body);
          return reply.code(204).send(null);
        },
      );
      app.delete(
        '/api/admin/exchange/rights',
        {
          schema: {
            tags: ['administration'],
            summary: "Revoke a client's right to a service",
            querystring: z.object({ client: memberId, provider: memberId, service: serviceName }),
            response: { 204: z.null() },
          },
        },
        async (request, reply) => {
          admin.require(request);
          const { client, provider, service } = request.query;
          if (!(await rights.revoke(client, provider, service)))
            throw new ProblemError(404, 'no-such-right', 'No such right', `${client} has no right to ${provider}/${service}.`);
          return reply.code(204).send(null);
        },
      );
      app.get(
        '/api/admin/exchange/messages',
        {
          schema: {
            tags: ['administration'],
            summary: 'Signed request/response pairs of one case, from every message log this node can read',
            querystring: z.object({ caseId: z.string().min(1).max(128) }),
            response: {
              200: z.object({
                logs: z.array(
                  z.object({
                    member: z.string(),
                    entries: z.array(
                      z.object({
                        seq: z.number(),
                        at: z.number(),
                        direction: z.enum(['in', 'out']),
                        client: z.string(),
                        provider: z.string(),
                        service: z.string(),
                        purpose: z.string(),
                        requestId: z.string(),
                        status: z.string(),
                        hash: z.string(),
                        requestJws: z.string(),
                        responseJws: z.string().nullable(),
                      }),
                    ),
                  }),
                ),
              }),
            },
          },
        },
        async (request) => {
          admin.require(request);
          return { logs: await platform!.messagesOfCase(request.query.caseId) };
        },
      );
    },
  };
}
