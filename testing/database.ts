import crypto from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  /** undefined: SQLite in the test's data directory. */
  url: string | undefined;
  dialect: 'sqlite' | 'postgres';
  drop(): Promise<void>;
}

/**
 * With DATABASE_URL set, a fresh PostgreSQL database for one test file, dropped afterwards;
 * without it, the embedded SQLite database (each test server has its own data directory).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = process.env.DATABASE_URL;
  if (!admin) return { url: undefined, dialect: 'sqlite', drop: async () => undefined };
  const name = `deed_test_${crypto.randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dialect: 'postgres',
    drop: async () => {
      const dropper = new pg.Client({ connectionString: admin });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
