import { EXCHANGE_PATH, JOSE_CONTENT_TYPE } from '@deed/exchange';
import { z } from 'zod';
import type { Config } from '../config.js';
import { remoteRights } from '../exchange/configuration.js';
import { buildDirectory, memberKeyStore } from '../exchange/members.js';
import type { Module, PlatformContext } from '../module.js';
import { createHealthModule } from '../modules/health/health.module.js';
import { AdminAuth } from '../platform/http/admin-auth.js';
import { buildApp } from '../platform/http/app.js';
import { createMetricsRegistry } from '../platform/http/metrics.js';
import { KeyStore } from '../platform/keys/key-store.js';
import { platformKeyPurposes } from '../platform/keys/purposes.js';
import { registerById, registers } from './index.js';
import { RegisterHost } from './register-host.js';

/** `POST /exchange/v1`: the register's door on the exchange (docs/exchange.md, "Transport"). */
function exchangeEndpoint(host: RegisterHost): Module {
  return {
    name: 'exchange-endpoint',
    routes(app) {
      // Only signed messages come in: JSON or anything else is refused with 415.
      app.removeAllContentTypeParsers();
      // The provider checks the size itself (and answers 'oversized' the exchange's way).
      app.addContentTypeParser(JOSE_CONTENT_TYPE, { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_request, body, done) =>
        done(null, body),
      );
      app.post(
        EXCHANGE_PATH,
        {
          bodyLimit: 1024 * 1024,
          schema: {
            tags: ['exchange'],
            summary: `Signed requests to the ${host.definition.name.en} (compact JWS in, compact JWS out)`,
            consumes: [JOSE_CONTENT_TYPE],
            body: z.string(),
            produces: [JOSE_CONTENT_TYPE],
          },
        },
        async (request, reply) => {
          const answer = await host.provider.handleHttp(request.body);
          // A signed answer or the exchange's own problem+json, sent as the provider wrote it.
          return reply
            .code(answer.status)
            .type(answer.contentType)
            .serializer((body: string) => body)
            .send(answer.body);
        },
      );
    },
  };
}

export interface RegisterProcess {
  url: string;
  host: RegisterHost;
  close(): Promise<void>;
}

/**
 * Runs one register as its own process: its database, its key, its exchange endpoint. It
 * verifies requests with the members' keys in the shared data directory and takes its access
 * rights from the platform's signed configuration.
 */
export async function startRegisterProcess(config: Config, registerId: string, platformUrl: string): Promise<RegisterProcess> {
  const definition = registerById(registerId);
  if (!definition) throw new Error(`no register "${registerId}"; the registers are ${registers.map((r) => r.id).join(', ')}`);
  const platformKeys = new KeyStore(config.dataDir, platformKeyPurposes);
  const directory = buildDirectory(config.dataDir, platformKeys, {});
  const host = await RegisterHost.open(definition, { config, directory, rights: remoteRights(platformUrl, directory) });
  const context: PlatformContext = {
    config,
    database: host.database,
    keys: memberKeyStore(config.dataDir, registerId),
    metrics: createMetricsRegistry(),
    admin: new AdminAuth(config.dataDir),
  };
  const app = await buildApp({
    context,
    modules: [createHealthModule(context), exchangeEndpoint(host)],
    webRoot: undefined,
    version: 'register',
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    host,
    close: async () => {
      await app.close();
      await host.close();
    },
  };
}
