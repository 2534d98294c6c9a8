import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../apps/cli/bin/deed.js', import.meta.url));

export interface DeedProcess {
  child: ChildProcessWithoutNullStreams;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Runs the real `deed` command as a separate process, as a user would. */
export function runDeed(args: string[], env: Record<string, string | undefined>): DeedProcess {
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits until `deed serve` says where it listens; returns that URL. */
export async function waitForUrl(deed: DeedProcess, timeoutMs = 20_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const match = /Open (http:\/\/\S+)/.exec(deed.output());
    if (match?.[1]) return match[1];
    if (deed.child.exitCode !== null) throw new Error(`deed exited with ${deed.child.exitCode}:\n${deed.output()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`deed did not start in ${timeoutMs} ms:\n${deed.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
