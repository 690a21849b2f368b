/**
 * Rules of the endpoint table that need no schema, in a module without zod: the browser's client
 * uses them, and endpoints.ts re-exports them for the server and openapi.json.
 */

/** Fills `{id}` in an endpoint path. Ids are validated so they can never smuggle a path segment. */
export function fillEndpointPath(name: string, path: string, id: string | undefined, isId: (id: string) => boolean): string {
  if (!path.includes('{id}')) return path;
  if (id === undefined || !isId(id)) throw new RangeError(`${name} needs a valid id`);
  return path.replace('{id}', encodeURIComponent(id));
}

/** The Idempotency-Key header (endpoints.ts says the rule). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
