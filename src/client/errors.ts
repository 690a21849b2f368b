/**
 * The only errors the client throws. Each says what went wrong in a way the UI can act on
 * (`kind`) and carries no request or response body, so logging one never leaks what a person typed.
 */
import type { Problem } from '../api/schemas.js';

export type ClientErrorKind =
  /** No response: the device is offline or the server could not be reached. */
  | 'offline'
  /** No response within the client's timeout. */
  | 'timeout'
  /** The caller's AbortSignal fired. */
  | 'aborted'
  /** The server answered with an error status; `problem` holds its RFC 9457 details. */
  | 'http'
  /** The server answered something that does not match the contract (bad JSON, wrong shape). */
  | 'contract'
  /** The request itself does not match the contract; nothing was sent. */
  | 'invalid-request';

export class ClientError extends Error {
  override readonly name = 'ClientError';
  readonly kind: ClientErrorKind;
  readonly endpoint: string;
  readonly status?: number;
  readonly problem?: Problem;
  /** Where the payload broke the contract: JSON paths and zod issue codes, never values. */
  readonly issues?: readonly string[];
  /** The server's `Retry-After`, in milliseconds, when it sent one. */
  readonly retryAfterMs?: number;

  constructor(
    kind: ClientErrorKind,
    endpoint: string,
    details: { status?: number; problem?: Problem; issues?: readonly string[]; retryAfterMs?: number; message?: string } = {},
  ) {
    super(details.message ?? `${endpoint}: ${kind}${details.status ? ` ${details.status}` : ''}`);
    this.kind = kind;
    this.endpoint = endpoint;
    this.status = details.status;
    this.problem = details.problem;
    this.issues = details.issues;
    this.retryAfterMs = details.retryAfterMs;
  }

  /**
   * Worth trying again later with the same Idempotency-Key: offline, timeout, 408, 429, 5xx, and
   * 409 `idempotency-in-progress` (the first attempt is still running; its answer will be replayed).
   */
  get transient(): boolean {
    if (this.kind === 'offline' || this.kind === 'timeout') return true;
    if (this.kind !== 'http' || this.status === undefined) return false;
    if (this.status === 409 && this.problem?.code === 'idempotency-in-progress') return true;
    return this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export function isClientError(value: unknown): value is ClientError {
  return value instanceof ClientError;
}
