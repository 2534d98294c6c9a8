import { z } from 'zod';
import type { Module, PlatformContext } from '../../module.js';
import { ProblemError } from '../../platform/http/problem.js';
import type { Sessions } from '../sessions/sessions.js';
import { AccessLog } from './access-log.js';
import { accessLogMigrations } from './access-log.migrations.js';
import type { AccessLogTables } from './access-log.tables.js';

export const signedCheckpointSchema = z.object({
  note: z.string().describe('C2SP signed note of a tlog-checkpoint'),
  origin: z.string(),
  verifierKey: z.string().describe('C2SP verifier key of the Ed25519 key that signed the note'),
  size: z.number().int(),
});

const provenEntrySchema = z.object({
  seq: z.number().int(),
  event: z.object({
    citizen: z.string(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    purpose: z.string(),
    caseId: z.string().optional(),
  }),
  salt: z.string(),
  proof: z.array(z.string()),
});

const treeSize = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export interface AccessLogModule extends Module {
  accessLog: AccessLog;
}

/**
 * The citizens' access log. Other modules record accesses through `accessLog.append`; anyone
 * can fetch checkpoints and consistency proofs (they reveal nothing personal); a signed-in
 * citizen reads their own entries, each with its inclusion proof.
 */
export function createAccessLogModule({ database, keys }: PlatformContext, { sessions }: { sessions: Sessions }): AccessLogModule {
  const accessLog = new AccessLog(database.as<AccessLogTables>(), keys);
  return {
    name: 'access-log',
    accessLog,
    migrations: accessLogMigrations,
    stop: () => accessLog.drain(),
    routes(app) {
      app.get(
        '/api/access-log/checkpoint',
        {
          schema: {
            tags: ['access log'],
            summary: 'The latest signed checkpoint of the access log (C2SP tlog-checkpoint)',
            response: { 200: signedCheckpointSchema },
          },
        },
        () => accessLog.checkpoint(),
      );
      app.get(
        '/api/me/access-log',
        {
          schema: {
            tags: ['access log'],
            summary: "The signed-in citizen's own access log entries, newest first, with inclusion proofs against the latest checkpoint",
            querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), before: treeSize.optional() }),
            response: { 200: z.object({ checkpoint: signedCheckpointSchema, entries: z.array(provenEntrySchema) }) },
          },
        },
        async (request) => {
          const { citizen } = await sessions.require(request);
          return accessLog.entriesFor(citizen, {
            limit: request.query.limit,
            ...(request.query.before !== undefined ? { beforeSeq: request.query.before } : {}),
          });
        },
      );
      app.get(
        '/api/access-log/consistency',
        {
          schema: {
            tags: ['access log'],
            summary: 'RFC 9162 consistency proof between two tree sizes',
            querystring: z.object({ from: treeSize, to: treeSize }),
            response: { 200: z.object({ from: z.number(), to: z.number(), proof: z.array(z.string()) }) },
          },
        },
        async (request) => {
          const { from, to } = request.query;
          const { size } = await accessLog.checkpoint();
          if (from < 1 || from > to || to > size) {
            throw new ProblemError(
              400,
              'invalid-tree-sizes',
              'Invalid tree sizes',
              `Need 1 <= from <= to <= ${size} (the latest checkpoint's size); got from=${from}, to=${to}.`,
            );
          }
          return { from, to, proof: await accessLog.consistency(from, to) };
        },
      );
    },
  };
}
