import { z } from 'zod';
import type { Module } from '../../module.js';
import { population } from '../../registers/catalogue.js';
import { PURPOSES } from '../exchange/default-rights.js';
import { asProblem, type ExchangeModule } from '../exchange/exchange.module.js';
import type { Sessions } from '../sessions/sessions.js';

const latin = z.object({ lastName: z.string(), firstName: z.string() });
const place = z.object({
  settlement: z.string(),
  settlementType: z.string(),
  region: z.string(),
  regionCode: z.string(),
  country: z.string(),
});
const address = z.object({
  postcode: z.string(),
  region: z.string(),
  settlementType: z.string(),
  settlement: z.string(),
  streetType: z.string(),
  street: z.string(),
  building: z.string(),
  apartment: z.string().nullable(),
});

/** `GET /api/me/profile`: the signed-in citizen's record, asked of the Population register each time. */
export function createProfileModule(deps: { sessions: Sessions; exchange: ExchangeModule }): Module {
  return {
    name: 'profile',
    routes(app) {
      app.get(
        '/api/me/profile',
        {
          schema: {
            tags: ['citizen'],
            summary: "The signed-in citizen's record in the Population register, fetched live through the exchange",
            response: {
              200: z.object({
                unzr: z.string(),
                rnokpp: z.string(),
                lastName: z.string(),
                firstName: z.string(),
                patronymic: z.string(),
                latin,
                sex: z.enum(['M', 'F']),
                dateOfBirth: z.string(),
                placeOfBirth: place,
                address: address.nullable(),
                addressRegisteredOn: z.string().nullable(),
                family: z.array(
                  z.object({
                    relation: z.string(),
                    unzr: z.string(),
                    lastName: z.string(),
                    firstName: z.string(),
                    patronymic: z.string(),
                    dateOfBirth: z.string(),
                  }),
                ),
              }),
            },
          },
        },
        async (request) => {
          const { citizen } = await deps.sessions.require(request);
          return asProblem(
            deps.exchange.exchange().call('population', population.personRead, { purpose: PURPOSES.profile, citizen, body: {} }),
          );
        },
      );
    },
  };
}
