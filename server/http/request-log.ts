/**
 * One JSON line per request: id, method, route pattern, status, latency. Deliberately nothing else:
 * no URL (ids, query values), no headers, no bodies, no error messages.
 */
export interface RequestLogEntry {
  readonly time: string;
  readonly requestId: string;
  readonly method: string;
  readonly route: string;
  readonly status: number;
  readonly ms: number;
  readonly error?: string;
}

export type RequestLogger = (entry: RequestLogEntry) => void;

export const jsonLinesToStdout: RequestLogger = (entry) => console.log(JSON.stringify(entry));

/** Class name and database error code, e.g. `DatabaseError 23505`. */
export function errorKind(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[A-Z0-9]{5}$/.test(code) ? `${error.name} ${code}` : error.name;
}
