/**
 * RFC 9457 problem details. Every error that leaves the server is one of these, with
 * `application/problem+json`; the `type` names the kind of problem, `detail` says what to fix.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Extension: the request id, to quote when reporting the problem. */
  requestId?: string;
  /** Extension: one entry per invalid input field. */
  errors?: { path: string; message: string }[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Problem type URIs are URNs under one namespace; the slug is stable and documented. */
export const problemType = (slug: string): string => `urn:deed:problem:${slug}`;

/** A typed error that a route or module throws; the edge turns it into problem+json. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: Problem['errors'],
  ) {
    super(detail ?? title);
    this.name = 'ProblemError';
  }

  toProblem(): Problem {
    return {
      type: problemType(this.slug),
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}
