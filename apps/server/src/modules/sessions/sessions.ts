import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { ProblemError } from '../../platform/http/problem.js';
import type { SessionsTables } from './sessions.tables.js';

export const SESSION_COOKIE = 'deed_session';
/** Short sessions: a citizen's app signs in again after this, as with a bank. */
const SESSION_SECONDS = 30 * 60;

export interface CitizenSession {
  citizen: string;
  method: string;
  expiresAt: string;
}

const hash = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

function readCookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * Citizens' sessions: an opaque random token in an HttpOnly, SameSite=Strict cookie; the
 * database keeps its hash, the citizen, how they signed in, and when it expires.
 */
export class Sessions {
  constructor(
    private readonly db: Kysely<SessionsTables>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async start(reply: FastifyReply, citizen: string, method: string): Promise<CitizenSession> {
    const token = crypto.randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + SESSION_SECONDS * 1000).toISOString();
    await this.db
      .insertInto('sessions')
      .values({ id_hash: hash(token), citizen, method, created_at: now.toISOString(), expires_at: expiresAt, revoked_at: null })
      .execute();
    const secure = reply.request.protocol === 'https' ? '; Secure' : '';
    reply.header('set-cookie', `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_SECONDS}${secure}`);
    return { citizen, method, expiresAt };
  }

  /** The signed-in citizen, or undefined. */
  async current(request: FastifyRequest): Promise<CitizenSession | undefined> {
    const token = readCookie(request, SESSION_COOKIE);
    if (!token || !/^[\w-]{43}$/.test(token)) return undefined;
    const row = await this.db.selectFrom('sessions').selectAll().where('id_hash', '=', hash(token)).executeTakeFirst();
    if (!row || row.revoked_at || row.expires_at <= this.now().toISOString()) return undefined;
    return { citizen: row.citizen, method: row.method, expiresAt: row.expires_at };
  }

  /** The signed-in citizen, or a 401 problem that says to sign in. */
  async require(request: FastifyRequest): Promise<CitizenSession> {
    const session = await this.current(request);
    if (!session) throw new ProblemError(401, 'sign-in-required', 'Sign-in required', 'Sign in to Deed to see your own data.');
    return session;
  }

  async end(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = readCookie(request, SESSION_COOKIE);
    if (token)
      await this.db.updateTable('sessions').set({ revoked_at: this.now().toISOString() }).where('id_hash', '=', hash(token)).execute();
    reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
  }
}
