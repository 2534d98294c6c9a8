import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, ProblemError, problemType, type Problem } from './problem.js';

/** Slugs for the framework's own client errors, so clients can branch on `type`. */
const frameworkSlugs: Record<string, { slug: string; title: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { slug: 'unsupported-media-type', title: 'Unsupported content type' },
  FST_ERR_CTP_BODY_TOO_LARGE: { slug: 'payload-too-large', title: 'Request body too large' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { slug: 'malformed-body', title: 'Malformed request body' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { slug: 'malformed-body', title: 'Malformed request body' },
  FST_ERR_VALIDATION: { slug: 'invalid-input', title: 'Invalid input' },
};

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply
    .code(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send({ ...problem, instance: problem.instance ?? reply.request.url.split('?')[0], requestId: reply.request.id });
}

export function toProblem(error: FastifyError | Error, request?: FastifyRequest): Problem {
  if (error instanceof ProblemError) return error.toProblem();
  const fastifyError = error as FastifyError;
  if (Array.isArray(fastifyError.validation)) {
    const where = fastifyError.validationContext ?? 'input';
    const errors = fastifyError.validation.map((v) => ({
      path: `${where}${v.instancePath.replaceAll('/', '.').replace(/^\.$/, '')}`,
      message: v.message ?? 'is invalid',
    }));
    return {
      type: problemType('invalid-input'),
      title: 'Invalid input',
      status: 400,
      detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      errors,
    };
  }
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const known = frameworkSlugs[fastifyError.code];
    // A JSON syntax error surfaces as a plain SyntaxError with status 400.
    const malformed = error instanceof SyntaxError || fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY';
    return {
      type: problemType(known?.slug ?? (malformed ? 'malformed-body' : 'bad-request')),
      title: known?.title ?? (malformed ? 'Malformed request body' : 'Bad request'),
      status,
      detail: malformed
        ? `The body is not valid JSON: ${error.message}`
        : fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? `Content-Type ${JSON.stringify(request?.headers['content-type'] ?? '')} is not accepted here; send application/json.`
          : error.message,
    };
  }
  return {
    type: problemType('internal'),
    title: 'Internal server error',
    status: 500,
    detail: 'Something went wrong on our side. Quote the request id if you report it.',
  };
}

/** Every error and every unknown route answers with problem+json. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem);
  });
}

export function notFoundProblem(request: FastifyRequest): Problem {
  return {
    type: problemType('not-found'),
    title: 'Not found',
    status: 404,
    detail: `There is nothing at ${request.method} ${request.url.split('?')[0]}. The API is described at /api/openapi.json.`,
  };
}
