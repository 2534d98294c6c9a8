import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFoundProblem, sendProblem } from './error-handler.js';
import { contentSecurityPolicy } from './security.js';

/** Paths that belong to machines: an unknown one is a 404 problem, never the app's page. */
const machinePaths = /^\/(api|\.well-known|metrics|health)(\/|$)/;

function wantsPage(request: FastifyRequest): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !machinePaths.test(request.url) &&
    (request.headers.accept ?? '').includes('text/html')
  );
}

/**
 * Serves the built web app. Hashed assets are cached for a year; the page, the manifest and
 * the service worker are revalidated on every load so an update reaches citizens at once.
 * Any other page URL gets the app's index.html (client-side routes); anything else, a 404
 * problem.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const hasApp = webRoot !== undefined && fs.existsSync(path.join(webRoot, 'index.html'));
  if (!hasApp) {
    if (webRoot !== undefined) app.log.warn({ webRoot }, 'web app not built; serving the API only (run npm run build)');
  } else {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: true,
      index: ['index.html'],
      setHeaders(res, file) {
        res.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
        res.header('content-security-policy', contentSecurityPolicy);
      },
    });
  }
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (hasApp && wantsPage(request))
      return reply.header('cache-control', 'no-cache').header('content-security-policy', contentSecurityPolicy).sendFile('index.html');
    return sendProblem(reply, notFoundProblem(request));
  });
}
