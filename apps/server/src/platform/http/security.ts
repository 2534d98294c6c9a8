import type { FastifyInstance } from 'fastify';

/**
 * A strict Content-Security-Policy: only the server's own scripts, styles and connections, no
 * inline code, no framing; violations are reported to /api/csp-reports. The web app is built
 * to need nothing more; the API docs page sets its own, looser policy for Swagger UI.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  'report-uri /api/csp-reports',
].join('; ');

/** What an API answer (JSON, problem+json, text) needs: nothing may load from it, nothing may frame it. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/**
 * The security headers of every response. They never vary, so they are computed once:
 * building them per request (as helmet's Fastify plugin does) cost a quarter of a cheap route.
 * Pages of the web app replace the API's policy with the app's (web-app.ts).
 */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': apiContentSecurityPolicy,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'permissions-policy': 'camera=(self), geolocation=(), microphone=(), payment=(), usb=()',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
};

/** The security headers, and the request id so a caller can quote it. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(securityHeaders);
    reply.header('x-request-id', request.id);
    done();
  });
}
