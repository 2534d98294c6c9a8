import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@deed/server';

describe('configuration from the environment', () => {
  it('has defaults that start Deed on localhost:8080 with SQLite in ./data', () => {
    const config = loadConfig({}, '/srv/deed');
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/srv/deed/data',
      databaseUrl: undefined,
      logLevel: 'info',
      demo: true,
      registerUrls: {},
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '::1',
      DEED_DATA_DIR: '/var/lib/deed',
      DATABASE_URL: 'postgres://deed@db:5432/deed',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '::1',
      dataDir: '/var/lib/deed',
      databaseUrl: 'postgres://deed@db:5432/deed',
      logLevel: 'warn',
    });
  });

  it.each([
    ['PORT', 'eighty', /PORT must be a whole number between 0 and 65535 \(got "eighty"\)/],
    ['PORT', '70000', /PORT must be a whole number/],
    ['PORT', '-1', /PORT must be a whole number/],
    ['HOST', 'bad host!', /HOST must be a host name or IP address/],
    ['DATABASE_URL', 'mysql://x@y/z', /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/],
    ['DEED_DEMO', 'yes', /DEED_DEMO must be on or off/],
    ['DEED_REGISTER_URLS', 'population:9101', /DEED_REGISTER_URLS must be a comma-separated list of register=http:\/\/host:port/],
  ])('refuses %s=%s and names the variable', (variable, value, message) => {
    const attempt = () => loadConfig({ [variable]: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
  });

  it('never echoes a database URL, which may hold a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://user:secret@host/db' })).toThrow(/^(?!.*secret).*$/);
  });
});
