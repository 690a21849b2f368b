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

/** The languages a problem's words may come in: the staff console asks in the language it shows. */
export type ProblemLanguage = 'en' | 'es';

/** A detail in one language, or in each (answered in the request's language, else English). */
export type ProblemText = string | { readonly en: string; readonly es: string };

export interface ProblemInit {
  status: number;
  code: ProblemCode;
  detail?: ProblemText;
  errors?: { pointer: string; detail: ProblemText }[];
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

/** Spanish when the request's Accept-Language puts Spanish ahead of English; English otherwise. */
export function problemLanguage(acceptLanguage: string | undefined): ProblemLanguage {
  let best: { language: ProblemLanguage; q: number } = { language: 'en', q: 0 };
  for (const [index, part] of (acceptLanguage ?? '').split(',').entries()) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const language = /^es(-|$)/.test(tag) ? 'es' : /^en(-|$)/.test(tag) ? 'en' : null;
    const q = Number(params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean) ?? 1) - index / 1000;
    if (language && q > best.q) best = { language, q };
  }
  return best.language;
}

const inLanguage = (text: ProblemText, language: ProblemLanguage): string => (typeof text === 'string' ? text : text[language]);

export function problemBody(init: ProblemInit, language: ProblemLanguage = 'en'): z.infer<typeof Problem> {
  return Problem.parse({
    ...init.extensions,
    type: 'about:blank',
    title: STATUS_TITLES[init.status] ?? 'Error',
    status: init.status,
    code: init.code,
    ...(init.detail ? { detail: inLanguage(init.detail, language) } : {}),
    ...(init.errors ? { errors: init.errors.map((error) => ({ pointer: error.pointer, detail: inLanguage(error.detail, language) })) } : {}),
  });
}

export function problemResponse(init: ProblemInit, language: ProblemLanguage = 'en'): Response {
  return new Response(JSON.stringify(problemBody(init, language)), {
    status: init.status,
    headers: { 'content-type': 'application/problem+json', ...init.headers },
  });
}

export const notFound = (detail = 'There is nothing here.'): ProblemError =>
  new ProblemError({ status: 404, code: 'not-found', detail });

/** The summary of every 422 with field errors. */
export const SOME_FIELDS_NEED_ATTENTION: ProblemText = { en: 'Some fields need attention.', es: 'Algunos campos necesitan atención.' };

export const invalidField = (pointer: string, detail: ProblemText): ProblemError =>
  new ProblemError({ status: 422, code: 'validation', detail: SOME_FIELDS_NEED_ATTENTION, errors: [{ pointer, detail }] });
