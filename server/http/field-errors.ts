/**
 * Turns zod issues into `{ pointer, detail }` field errors. Details are written from the issue
 * kind alone, never from zod's message or the input, so a 422 cannot echo what a person typed.
 */
import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;

function escapePointerSegment(segment: PropertyKey): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${escapePointerSegment(segment)}`).join('');
}

function describe(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'This is required.' : `Expected ${issue.expected}.`;
    case 'too_small':
      return issue.origin === 'string' ? 'This is too short.' : issue.origin === 'array' ? 'Too few items.' : 'This is too small.';
    case 'too_big':
      return issue.origin === 'string' ? 'This is too long.' : issue.origin === 'array' ? 'Too many items.' : 'This is too large.';
    case 'invalid_format':
      return `This is not a valid ${issue.format === 'regex' ? 'value' : issue.format}.`;
    case 'invalid_value':
      return 'This is not one of the allowed values.';
    case 'invalid_union':
      return 'This does not match any allowed shape.';
    case 'invalid_key':
      return 'This key is not allowed.';
    case 'unrecognized_keys':
      return 'Unknown field.';
    case 'not_multiple_of':
      return 'This is not an allowed step.';
    default:
      return 'This is not valid.';
  }
}

export function fieldErrors(error: z.core.$ZodError): { pointer: string; detail: string }[] {
  return error.issues.map((issue) => ({ pointer: jsonPointer(issue.path), detail: describe(issue) }));
}
