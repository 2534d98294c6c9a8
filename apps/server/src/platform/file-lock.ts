import fs from 'node:fs';
import path from 'node:path';

/** A lock older than this was left by a process that died holding it. */
const STALE_MS = 10 * 60_000;

/**
 * Runs `task` while holding a lock file (created exclusively, removed after): processes that
 * share a data directory take turns. For work that the database cannot lock for us, such as
 * SQLite schema migrations from several processes at once.
 */
export async function withFileLock<T>(lockFile: string, task: () => Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true, mode: 0o700 });
  for (;;) {
    try {
      fs.closeSync(fs.openSync(lockFile, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (fs.statSync(lockFile, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_MS) fs.rmSync(lockFile, { force: true });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await task();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}
