/**
 * Turns zod issues into `{ pointer, detail }` field errors. Details are written from the issue
 * kind alone, never from zod's message or the input, so a 422 cannot echo what a person typed.
 */
import type * as z from 'zod/mini';
import type { ProblemText } from './problem.js';

type Issue = z.core.$ZodIssue;

function escapePointerSegment(segment: PropertyKey): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${escapePointerSegment(segment)}`).join('');
}

const FORMAT_NAMES_ES: Record<string, string> = { email: 'correo electrónico', url: 'dirección web', uuid: 'identificador', date: 'fecha', datetime: 'fecha y hora', time: 'hora' };

function describe(issue: Issue): ProblemText {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { en: 'This is required.', es: 'Este dato es obligatorio.' }
        : { en: `Expected ${issue.expected}.`, es: `Se esperaba otro tipo de dato (${issue.expected}).` };
    case 'too_small':
      return issue.origin === 'string'
        ? { en: 'This is too short.', es: 'Es demasiado corto.' }
        : issue.origin === 'array'
          ? { en: 'Too few items.', es: 'Faltan elementos.' }
          : { en: 'This is too small.', es: 'Es demasiado pequeño.' };
    case 'too_big':
      return issue.origin === 'string'
        ? { en: 'This is too long.', es: 'Es demasiado largo.' }
        : issue.origin === 'array'
          ? { en: 'Too many items.', es: 'Hay demasiados elementos.' }
          : { en: 'This is too large.', es: 'Es demasiado grande.' };
    case 'invalid_format':
      return issue.format === 'regex'
        ? { en: 'This is not a valid value.', es: 'Este valor no es válido.' }
        : { en: `This is not a valid ${issue.format}.`, es: `No es un formato válido (${FORMAT_NAMES_ES[issue.format] ?? issue.format}).` };
    case 'invalid_value':
      return { en: 'This is not one of the allowed values.', es: 'No es uno de los valores permitidos.' };
    case 'invalid_union':
      return { en: 'This does not match any allowed shape.', es: 'No coincide con ninguna forma permitida.' };
    case 'invalid_key':
      return { en: 'This key is not allowed.', es: 'Esta clave no está permitida.' };
    case 'unrecognized_keys':
      return { en: 'Unknown field.', es: 'Campo desconocido.' };
    case 'not_multiple_of':
      return { en: 'This is not an allowed step.', es: 'No es un incremento permitido.' };
    default:
      return { en: 'This is not valid.', es: 'No es válido.' };
  }
}

export function fieldErrors(error: z.core.$ZodError): { pointer: string; detail: ProblemText }[] {
  return error.issues.map((issue) => ({ pointer: jsonPointer(issue.path), detail: describe(issue) }));
}
