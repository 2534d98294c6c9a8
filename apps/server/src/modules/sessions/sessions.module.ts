import { z } from 'zod';
import type { Module, PlatformContext } from '../../module.js';
import { sessionsMigrations } from './sessions.migrations.js';
import { Sessions } from './sessions.js';
import type { SessionsTables } from './sessions.tables.js';

export const sessionSchema = z.object({ citizen: z.string(), method: z.string(), expiresAt: z.string() });

export interface SessionsModule extends Module {
  sessions: Sessions;
}

/** Who is signed in on this browser, and signing out. Ways to sign in are other modules' (demo now; passkeys next). */
export function createSessionsModule({ database }: PlatformContext): SessionsModule {
  const sessions = new Sessions(database.as<SessionsTables>());
  return {
    name: 'sessions',
    sessions,
    migrations: sessionsMigrations,
    routes(app) {
      app.get(
        '/api/session',
        {
          schema: {
            tags: ['sessions'],
            summary: 'The citizen signed in on this browser, if any',
            response: { 200: z.object({ session: sessionSchema.nullable() }) },
          },
        },
        async (request) => ({ session: (await sessions.current(request)) ?? null }),
      );
      app.post(
        '/api/session/sign-out',
        { schema: { tags: ['sessions'], summary: 'Sign out on this browser', response: { 204: z.null() } } },
        async (request, reply) => {
          await sessions.end(request, reply);
          return reply.code(204).send(null);
        },
      );
    },
  };
}
