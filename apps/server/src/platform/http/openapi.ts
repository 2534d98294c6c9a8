import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * OpenAPI 3.1 generated from the routes' zod schemas, served at /api/openapi.json, with a
 * readable page at /api/docs. Routes must be registered after this so they are collected.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Deed API',
        version,
        description:
          "Citizens' documents and public services on open standards. Errors are RFC 9457 problem details (application/problem+json).",
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      tags: [{ name: 'platform', description: 'Health, metrics and the platform itself' }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // BaseLayout: no "explore any URL" bar; this page documents this server only.
    uiConfig: { docExpansion: 'list', deepLinking: false, layout: 'BaseLayout' },
    theme: { title: 'Deed API' },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
