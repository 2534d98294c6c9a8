export { ConfigError, loadConfig, type Config, type LogLevel } from './config.js';
export type { App, Module, PlatformContext } from './module.js';
export { createPlatformModules } from './modules/index.js';
export { openDatabase, type Database, type Dialect } from './platform/db/database.js';
export { migrate, MigrationError, type ModuleMigrations } from './platform/db/migrations.js';
export { ProblemError, type Problem } from './platform/http/problem.js';
export { KeyStore, UnknownKeyPurposeError, type KeyInfo, type KeyPurpose, type PlatformKey } from './platform/keys/key-store.js';
export { platformKeyPurposes } from './platform/keys/purposes.js';
export { createServer, defaultWebRoot, migrateDatabase, version, type DeedServer, type ServerOptions } from './server.js';
