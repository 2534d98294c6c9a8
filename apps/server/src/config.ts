import path from 'node:path';
import { z } from 'zod';

/** Validated process configuration, read once from the environment at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: LogLevel;
  /** Demo mode: a synthetic population is seeded, and anyone may sign in as one of them. */
  demo: boolean;
  /** Registers that run as separate processes, by member id; the others run in this process. */
  registerUrls: Readonly<Record<string, string>>;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** A bad configuration value: the process refuses to start and names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

const schema = {
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a whole number between 0 and 65535')
    .transform(Number)
    .refine((n) => n <= 65535, 'must be a whole number between 0 and 65535'),
  HOST: z
    .string()
    .min(1, 'must not be empty')
    .regex(/^[\w.:[\]-]+$/, 'must be a host name or IP address'),
  DEED_DATA_DIR: z.string().min(1, 'must not be empty'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL (unset it to use the embedded SQLite database)')
    .refine((v) => URL.canParse(v), 'is not a valid URL'),
  DEED_DEMO: z.enum(['on', 'off'], { error: 'must be on or off' }).transform((v) => v === 'on'),
  DEED_REGISTER_URLS: z.string().transform((v, ctx) => {
    const urls: Record<string, string> = {};
    for (const pair of v
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [id, url] = pair.split('=', 2);
      if (!id || !/^[a-z][a-z-]*$/.test(id) || !url || !/^https?:\/\/\S+$/.test(url) || !URL.canParse(url)) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a comma-separated list of register=http://host:port (bad entry ${JSON.stringify(pair)})`,
        });
        return z.NEVER;
      }
      urls[id] = url;
    }
    return urls;
  }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    error: 'must be one of fatal, error, warn, info, debug, trace, silent',
  }),
} as const;

function read<K extends keyof typeof schema>(env: NodeJS.ProcessEnv, key: K, fallback?: string): z.output<(typeof schema)[K]> | undefined {
  const raw = env[key] === undefined || env[key] === '' ? fallback : env[key];
  if (raw === undefined) return undefined;
  const result = schema[key].safeParse(raw);
  if (!result.success) {
    const shown = key === 'DATABASE_URL' ? '' : ` (got ${JSON.stringify(raw)})`;
    throw new ConfigError(key, `${result.error.issues[0]?.message ?? 'is invalid'}${shown}`);
  }
  return result.data as z.output<(typeof schema)[K]>;
}

/** Reads and validates the configuration; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  return {
    port: read(env, 'PORT', '8080')!,
    host: read(env, 'HOST', '127.0.0.1')!,
    dataDir: path.resolve(cwd, read(env, 'DEED_DATA_DIR', './data')!),
    databaseUrl: read(env, 'DATABASE_URL'),
    logLevel: read(env, 'LOG_LEVEL', 'info')!,
    demo: read(env, 'DEED_DEMO', 'on')!,
    registerUrls: read(env, 'DEED_REGISTER_URLS') ?? {},
  };
}
