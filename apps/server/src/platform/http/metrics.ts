import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The route pattern, never the raw URL: no identifiers or personal data reach metrics or logs. */
export const routeOf = (request: FastifyRequest): string => request.routeOptions.url ?? 'unmatched';

/**
 * Prometheus metrics for one server: request counts and latency histograms per route, plus the
 * process's own (CPU, memory, event loop). A registry per server, so servers in one process
 * (tests, registers) do not mix figures.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'deed_' });
  return registry;
}

export function registerRequestMetrics(app: FastifyInstance, registry: Registry): void {
  // The histogram's _count is the number of requests per route and status: no separate counter.
  const duration = new Histogram({
    name: 'deed_http_request_duration_seconds',
    help: 'Time from request received to response sent, per route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  // One labelled child per route and status, looked up by a string key: no label hashing per request.
  const children = new Map<string, ReturnType<typeof duration.labels>>();
  app.addHook('onResponse', (request, reply, done) => {
    const route = routeOf(request);
    const key = `${request.method} ${reply.statusCode} ${route}`;
    let child = children.get(key);
    if (!child) children.set(key, (child = duration.labels(request.method, route, String(reply.statusCode))));
    child.observe(reply.elapsedTime / 1000);
    done();
  });
}
