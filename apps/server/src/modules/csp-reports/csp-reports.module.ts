import { Counter } from 'prom-client';
import { z } from 'zod';
import type { Module, PlatformContext } from '../../module.js';

/** Only the fields we keep; browsers send more, and the rest is ignored. */
const violation = z.object({
  'effective-directive': z.string().max(200).optional(),
  'violated-directive': z.string().max(200).optional(),
  'blocked-uri': z.string().max(4096).optional(),
});
const legacyReport = z.object({ 'csp-report': violation });
const reportingApi = z
  .array(
    z.object({
      type: z.string().max(100),
      body: z.object({ effectiveDirective: z.string().max(200).optional(), blockedURL: z.string().max(4096).optional() }),
    }),
  )
  .max(100);

/** Keeps only the scheme and host of a blocked resource: paths and queries can carry personal data. */
function originOf(uri: string | undefined): string {
  if (!uri) return 'none';
  return URL.canParse(uri) ? new URL(uri).origin : uri.replace(/[^a-z-].*$/i, '').slice(0, 40) || 'other';
}

/**
 * `POST /api/csp-reports`: where browsers report Content-Security-Policy violations, so that
 * a strict policy can stay strict. Counted by directive in /metrics and logged without
 * personal data.
 */
export function createCspReportsModule({ metrics }: PlatformContext): Module {
  return {
    name: 'csp-reports',
    routes(app) {
      const violations = new Counter({
        name: 'deed_csp_violations_total',
        help: 'Content-Security-Policy violations reported by browsers',
        labelNames: ['directive'] as const,
        registers: [metrics],
      });
      for (const type of ['application/csp-report', 'application/reports+json']) {
        app.addContentTypeParser(type, { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
      }
      app.post(
        '/api/csp-reports',
        {
          bodyLimit: 16 * 1024,
          schema: {
            tags: ['platform'],
            summary: 'Receive Content-Security-Policy violation reports from browsers',
            body: z.union([legacyReport, reportingApi], {
              error: 'must be a CSP report ({"csp-report": {...}}) or a Reporting API list of reports',
            }),
            response: { 204: z.null() },
          },
        },
        async (request, reply) => {
          const reports = Array.isArray(request.body)
            ? request.body.map((r) => ({ directive: r.body.effectiveDirective, blocked: r.body.blockedURL }))
            : [
                {
                  directive: request.body['csp-report']['effective-directive'] ?? request.body['csp-report']['violated-directive'],
                  blocked: request.body['csp-report']['blocked-uri'],
                },
              ];
          for (const report of reports) {
            const directive = (report.directive ?? 'unknown').split(' ')[0] ?? 'unknown';
            violations.inc({ directive });
            request.log.warn({ directive, blocked: originOf(report.blocked) }, 'content security policy violation');
          }
          return reply.code(204).send(null);
        },
      );
    },
  };
}
