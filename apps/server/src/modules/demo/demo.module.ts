import { z } from 'zod';
import type { Module, PlatformContext } from '../../module.js';
import { ProblemError } from '../../platform/http/problem.js';
import { population } from '../../registers/catalogue.js';
import { PURPOSES } from '../exchange/default-rights.js';
import { asProblem, type ExchangeModule } from '../exchange/exchange.module.js';
import type { Sessions } from '../sessions/sessions.js';
import { sessionSchema } from '../sessions/sessions.module.js';

const unzr = z.string().regex(/^\d{8}-\d{5}$/, 'must be a register number (UNZR) like 19900101-00012');

/**
 * Demo mode only (DEED_DEMO=on, the default for `npm start`): pick a synthetic citizen and sign
 * in as them. The real ways to prove identity (a bank, an activation code, a passkey) replace
 * it; with DEED_DEMO=off these routes do not exist.
 */
export function createDemoModule({ config }: PlatformContext, deps: { sessions: Sessions; exchange: ExchangeModule }): Module {
  return {
    name: 'demo',
    routes(app) {
      if (!config.demo) return;
      app.get(
        '/api/demo/citizens',
        {
          schema: {
            tags: ['demo'],
            summary: 'Synthetic citizens to sign in as (demo mode only)',
            querystring: z.object({
              limit: z.coerce.number().int().min(1).max(100).default(12),
              offset: z.coerce.number().int().min(0).default(0),
            }),
            response: {
              200: z.object({
                total: z.number(),
                people: z.array(
                  z.object({
                    unzr: z.string(),
                    lastName: z.string(),
                    firstName: z.string(),
                    patronymic: z.string(),
                    dateOfBirth: z.string(),
                    sex: z.enum(['M', 'F']),
                  }),
                ),
              }),
            },
          },
        },
        async (request) =>
          asProblem(
            deps.exchange.exchange().call('population', population.personSample, { purpose: PURPOSES.demoSignIn, body: request.query }),
          ),
      );
      app.post(
        '/api/demo/sign-in',
        {
          schema: {
            tags: ['demo'],
            summary: 'Sign in as a synthetic citizen (demo mode only)',
            body: z.object({ citizen: unzr }).strict(),
            response: { 200: sessionSchema },
          },
        },
        async (request, reply) => {
          const { citizen } = request.body;
          const person = await asProblem(
            deps.exchange.exchange().call('population', population.personRead, { purpose: PURPOSES.demoSignIn, citizen, body: {} }),
          );
          if (person.status !== 'alive')
            throw new ProblemError(403, 'citizen-deceased', 'Cannot sign in', 'This person is recorded as deceased.');
          return deps.sessions.start(reply, citizen, 'demo');
        },
      );
    },
  };
}
