import { z } from 'zod';
import type { Module, PlatformContext } from '../../module.js';
import { ProblemError } from '../../platform/http/problem.js';

const healthy = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  uptimeSeconds: z.number(),
});

/** `GET /health`: answers 200 only when this node can reach its database. */
export function createHealthModule({ database }: PlatformContext): Module {
  return {
    name: 'health',
    routes(app) {
      app.get(
        '/health',
        {
          schema: {
            tags: ['platform'],
            summary: 'Health of this node, including a database round trip',
            response: { 200: healthy },
          },
        },
        async () => {
          try {
            await database.ping();
          } catch {
            throw new ProblemError(503, 'database-unavailable', 'Database unavailable', 'This node cannot reach its database.');
          }
          return { status: 'ok' as const, database: database.dialect, uptimeSeconds: Math.round(process.uptime()) };
        },
      );
    },
  };
}
