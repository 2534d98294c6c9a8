import crypto from 'node:crypto';
import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App, Module, PlatformContext } from '../../module.js';
import { registerProblemHandlers } from './error-handler.js';
import { registerRequestMetrics, routeOf } from './metrics.js';
import { registerOpenApi } from './openapi.js';
import { registerSecurityHeaders } from './security.js';
import { serializerCompiler } from './serialization.js';
import { registerWebApp } from './web-app.js';

export interface AppOptions {
  context: PlatformContext;
  modules: readonly Module[];
  webRoot: string | undefined;
  version: string;
  /** Requests larger than this are refused with 413 unless a route sets its own limit. */
  bodyLimit?: number;
}

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/**
 * Logs carry the route pattern, status and timing of each request, never URLs with
 * identifiers, headers, bodies or addresses: no personal data in logs.
 */
function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: {
      req: (request) => ({ method: request.method, route: request.routeOptions?.url ?? 'unmatched' }),
      res: (reply) => ({ statusCode: reply.statusCode }),
    },
  };
}

export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: loggerOptions(options.context.config.logLevel),
    // One log line per request, written by the onResponse hook below.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    requestIdHeader: false,
    // A caller's request id is kept when it is safe to log; otherwise a new one is made.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    },
    return503OnClosing: true,
  }).withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON is the API's language; anything else is refused with 415 unless a route adds a parser.
  app.removeContentTypeParser('text/plain');

  // Hooks on every request are callback-style: cheaper than async ones on the hot path.
  app.addHook('onResponse', (request, reply, done) => {
    // Probes hit /health and /metrics every few seconds: their successes are debug noise.
    const level = reply.statusCode < 400 && (request.url === '/health' || request.url === '/metrics') ? 'debug' : 'info';
    if ((request.log as unknown as { isLevelEnabled(level: string): boolean }).isLevelEnabled(level)) {
      request.log[level](
        { method: request.method, route: routeOf(request), status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 },
        'request',
      );
    }
    done();
  });

  registerProblemHandlers(app);
  registerSecurityHeaders(app);
  const { metrics } = options.context;
  registerRequestMetrics(app, metrics);
  await registerOpenApi(app, options.version);

  app.get(
    '/metrics',
    { schema: { tags: ['platform'], summary: 'Prometheus metrics of this node', produces: ['text/plain'], response: { 200: z.string() } } },
    async (_request, reply) => reply.type(metrics.contentType).send(await metrics.metrics()),
  );

  for (const module of options.modules) {
    if (!module.routes) continue;
    const routes = module.routes;
    // Each module in its own encapsulation context: its hooks and parsers stay its own.
    await app.register(async (scope) => routes(scope.withTypeProvider()), { name: module.name } as never);
  }
  await registerWebApp(app, options.webRoot);
  return app as unknown as App;
}
