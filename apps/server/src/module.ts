import type { FastifyInstance, FastifyBaseLogger, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import type { Config } from './config.js';
import type { Database } from './platform/db/database.js';
import type { ModuleMigrations } from './platform/db/migrations.js';
import type { AdminAuth } from './platform/http/admin-auth.js';
import type { KeyStore } from './platform/keys/key-store.js';

/** Fastify with zod schemas: route handlers get typed, validated input. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What the platform hands every module when it is created. */
export interface PlatformContext {
  config: Config;
  database: Database;
  keys: KeyStore;
  metrics: Registry;
  admin: AdminAuth;
}

/**
 * A capability of the platform. It owns its tables (its migrations create them, only its code
 * queries them) and its routes, registered in their own Fastify encapsulation context. Other
 * modules use it through the typed interface its factory returns, never through its tables;
 * the composition root (modules/index.ts) passes those interfaces along.
 */
export interface Module {
  name: string;
  migrations?: ModuleMigrations;
  routes?(app: App): Promise<void> | void;
  /** After migrations, before the server listens. */
  start?(): Promise<void>;
  /** After the HTTP server has closed, before the database closes. */
  stop?(): Promise<void>;
}
