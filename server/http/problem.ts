/**
 * RFC 9457 problem details. `type` stays `about:blank` (so `title` is the status phrase) and the
 * contract's `code` says what happened; `detail` never repeats a submitted value.
 */
import type * as z from 'zod/mini';
import { Problem, type ProblemCode } from '../../src/api/schemas.js';

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface ProblemInit {
  status: number;
  code: ProblemCode;
  detail?: string;
  errors?: { pointer: string; detail: string }[];
  /** Extension members such as `alternatives`. */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** Thrown by services; the endpoint layer turns it into a problem response. */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  constructor(readonly problem: ProblemInit) {
    super(problem.code);
  }
}

export function problemBody(init: ProblemInit): z.infer<typeof Problem> {
  return Problem.parse({
    ...init.extensions,
    type: 'about:blank',
    title: STATUS_TITLES[init.status] ?? 'Error',
    status: init.status,
    code: init.code,
    ...(init.detail ? { detail: init.detail } : {}),
    ...(init.errors ? { errors: init.errors } : {}),
  });
}

export function problemResponse(init: ProblemInit): Response {
  return new Response(JSON.stringify(problemBody(init)), {
    status: init.status,
    headers: { 'content-type': 'application/problem+json', ...init.headers },
  });
}

export const notFound = (detail = 'There is nothing here.'): ProblemError =>
  new ProblemError({ status: 404, code: 'not-found', detail });

export const invalidField = (pointer: string, detail: string): ProblemError =>
  new ProblemError({ status: 422, code: 'validation', detail: 'Some fields need attention.', errors: [{ pointer, detail }] });
