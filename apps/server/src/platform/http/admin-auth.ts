import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { ProblemError } from './problem.js';

/**
 * The administrator's bearer token for /api/admin: made at first start in the data directory
 * (owner-only), so whoever can read the server's files can administer it, and nobody else.
 * Single sign-on for officials and administrators replaces it with the identity issue's roles.
 */
export class AdminAuth {
  private cached: Buffer | undefined;

  constructor(private readonly dataDir: string) {}

  get file(): string {
    return path.join(this.dataDir, 'admin-token');
  }

  token(): string {
    try {
      return fs.readFileSync(this.file, 'utf8').trim();
    } catch {
      fs.mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
      const token = crypto.randomBytes(32).toString('base64url');
      try {
        fs.writeFileSync(this.file, `${token}\n`, { mode: 0o600, flag: 'wx' });
        return token;
      } catch {
        // Another process made it first.
        return fs.readFileSync(this.file, 'utf8').trim();
      }
    }
  }

  require(request: FastifyRequest): void {
    this.cached ??= crypto.createHash('sha256').update(this.token()).digest();
    const given = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    const ok = given !== undefined && crypto.timingSafeEqual(crypto.createHash('sha256').update(given).digest(), this.cached);
    if (!ok) {
      throw new ProblemError(
        401,
        'admin-token-required',
        'Administrator token required',
        'Send "Authorization: Bearer <token>" with the administrator token (the file admin-token in the server\'s data directory).',
      );
    }
  }
}
