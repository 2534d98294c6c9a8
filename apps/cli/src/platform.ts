import { InvalidArgumentError } from 'commander';
import { createServer, loadConfig, type DeedServer } from '@deed/server';

/** A failure the user can act on: printed as one line, without a stack. */
export class CommandError extends Error {}

/** Runs a command against this installation's platform (its database, keys and registers), then closes it. */
export async function withPlatform<T>(run: (server: DeedServer) => Promise<T>): Promise<T> {
  const server = await createServer(loadConfig(), { webRoot: undefined });
  try {
    return await run(server);
  } finally {
    await server.close();
  }
}

/** Parses a whole number option, with a message that names the option. */
export function wholeNumber(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    return n;
  };
}
