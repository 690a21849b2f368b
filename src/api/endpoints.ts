/**
 * Every endpoint of the contract in one table: the reference server and the OpenAPI generator read
 * it, and the browser's client reads the copy compiled from it (contract-validators.ts, generated),
 * so a path or a schema is written once.
 * Paths are relative to the center's `api-base`; `{id}` is the one path parameter.
 */
import type * as z from 'zod/mini';
import * as attendance from './attendance-schemas.js';
import { fillEndpointPath, IDEMPOTENCY_KEY_HEADER } from './endpoint-rules.js';
import * as s from './schemas.js';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface EndpointDefinition {
  readonly method: HttpMethod;
  readonly path: string;
  readonly query?: z.ZodMiniType;
  readonly body?: z.ZodMiniType;
  /** Schema of a successful response body; absent for 204. */
  readonly response?: z.ZodMiniType;
  /** Success statuses the endpoint may answer with. */
  readonly success: readonly number[];
  /** The body carries what a person typed: never cache it, never log it, encrypt it at rest. */
  readonly personal?: boolean;
  /** Needs `Authorization: Bearer <token>` (the token an RSVP returned). */
  readonly bearer?: boolean;
  /** Statuses of this endpoint's own rules (slot taken, bad token); `responseStatuses` adds the shared ones. */
  readonly problems?: readonly number[];
}

export const endpoints = {
  listPrograms: {
    method: 'GET',
    path: 'programs',
    response: s.ProgramList,
    success: [200],
  },
  listAssessmentSlots: {
    method: 'GET',
    path: 'assessment-slots',
    query: s.AssessmentSlotQuery,
    response: s.AssessmentSlotList,
    success: [200],
  },
  holdAssessmentSlot: {
    method: 'POST',
    path: 'assessment-slots/{id}/holds',
    body: s.HoldRequest,
    response: s.Hold,
    success: [201],
    problems: [409],
  },
  createBooking: {
    method: 'POST',
    path: 'bookings',
    body: s.BookingRequest,
    response: s.Booking,
    success: [201],
    personal: true,
    problems: [409],
  },
  createIntake: {
    method: 'POST',
    path: 'intakes',
    body: s.IntakeRequest,
    response: s.IntakeReceipt,
    success: [201],
    personal: true,
  },
  listPayers: {
    method: 'GET',
    path: 'payers',
    query: s.PayerQuery,
    response: s.PayerList,
    success: [200],
  },
  createEligibilityCheck: {
    method: 'POST',
    path: 'eligibility-checks',
    body: s.EligibilityRequest,
    response: s.EligibilityCheck,
    success: [200, 202],
    personal: true,
  },
  getEligibilityCheck: {
    method: 'GET',
    path: 'eligibility-checks/{id}',
    response: s.EligibilityCheck,
    success: [200],
    personal: true,
  },
  uploadCardPhoto: {
    method: 'POST',
    path: 'eligibility-checks/{id}/card-photos',
    body: s.CardPhotoUpload,
    response: s.CardPhotoReceipt,
    success: [201],
    personal: true,
  },
  createCallbackRequest: {
    method: 'POST',
    path: 'callback-requests',
    body: s.CallbackRequest,
    response: s.CallbackReceipt,
    success: [201],
    personal: true,
  },
  listAlumniSessions: {
    method: 'GET',
    path: 'alumni-sessions',
    query: s.AlumniSessionQuery,
    response: s.AlumniSessionList,
    success: [200],
  },
  createRsvp: {
    method: 'POST',
    path: 'alumni-sessions/{id}/rsvps',
    body: s.RsvpRequest,
    response: s.Rsvp,
    success: [201],
    personal: true,
  },
  cancelRsvp: {
    method: 'DELETE',
    path: 'rsvps/{id}',
    success: [204],
    bearer: true,
    problems: [401],
  },
  // A center's own setup (issue 12): the screener's instruments, thresholds, crisis lines and quick exit.
  getScreenerSettings: {
    method: 'GET',
    path: 'screener-settings',
    response: s.PublicScreenerSettings,
    success: [200],
  },
  // Proof of attendance (issue 18): the RSVP's token proves the record is the person's own.
  checkIn: {
    method: 'POST',
    path: 'rsvps/{id}/check-ins',
    body: attendance.CheckInRequest,
    response: attendance.AttendanceRecord,
    success: [201],
    personal: true,
    bearer: true,
    problems: [401, 409],
  },
  getAttendance: {
    method: 'GET',
    path: 'rsvps/{id}/attendance',
    response: attendance.AttendanceRecord,
    success: [200],
    personal: true,
    bearer: true,
    problems: [401],
  },
  requestAttendanceLetter: {
    method: 'POST',
    path: 'attendance-letters',
    body: attendance.AttendanceLetterRequest,
    response: attendance.AttendanceLetter,
    success: [201],
    personal: true,
    problems: [401],
  },
} as const satisfies Record<string, EndpointDefinition>;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
/** Endpoints that change state: they carry an Idempotency-Key and may go through the outbox. */
export type WriteEndpointName = { [N in EndpointName]: Endpoints[N]['method'] extends 'GET' ? never : N }[EndpointName];

type SchemaOutput<T> = T extends z.ZodMiniType ? z.infer<T> : undefined;
type SchemaInput<T> = T extends z.ZodMiniType ? z.input<T> : undefined;
export type ResponseOf<N extends EndpointName> = Endpoints[N] extends { response: infer R } ? SchemaOutput<R> : undefined;
export type BodyOf<N extends EndpointName> = Endpoints[N] extends { body: infer B } ? SchemaInput<B> : undefined;
export type QueryOf<N extends EndpointName> = Endpoints[N] extends { query: infer Q } ? SchemaInput<Q> : undefined;

/** Fills `{id}` in an endpoint path. Ids are validated so they can never smuggle a path segment. */
export function endpointPath(name: EndpointName, id?: string): string {
  return fillEndpointPath(name, endpoints[name].path, id, (value) => s.Id.safeParse(value).success);
}

/**
 * The Idempotency-Key header, one rule for the server, the client and openapi.json: every POST
 * must carry one (8-255 visible ASCII characters), created once per logical submission and reused
 * on every retry. A POST without it is refused with 428 `idempotency-key-required`: a key the
 * server made up could not protect a retry, which is the whole point of it.
 */
export { IDEMPOTENCY_KEY_HEADER };
export const IDEMPOTENCY_KEY_LENGTH = { min: 8, max: 255 } as const;
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{8,255}$/;

/** Whether an endpoint requires the Idempotency-Key header. */
export const needsIdempotencyKey = (definition: EndpointDefinition): boolean => definition.method === 'POST';

/**
 * Every status an endpoint can answer, from its definition: success; 404 for a path id; 400, 413,
 * 415 and 422 for a body (malformed JSON or key, too large, not JSON, breaks the contract); 422
 * for a query; 409 (same key still in progress), 422 (same key, other body) and 428 (no key) for
 * a POST; 429 for any write; 304 for a public read (ETag); the endpoint's own problems; 500; 503 before
 * first-run setup (`center-not-configured`).
 */
export function responseStatuses(definition: EndpointDefinition): number[] {
  const statuses = new Set<number>(definition.success);
  const add = (...more: number[]) => more.forEach((status) => statuses.add(status));
  if (definition.path.includes('{id}')) add(404);
  if (definition.query) add(422);
  if (definition.body) add(400, 413, 415, 422);
  if (needsIdempotencyKey(definition)) add(409, 422, 428);
  if (definition.method !== 'GET') add(429);
  // Public reads carry a strong ETag and answer 304 to a matching If-None-Match.
  if (definition.method === 'GET' && !definition.personal) add(304);
  // 503 center-not-configured: a production database before first-run setup.
  add(...(definition.problems ?? []), 500, 503);
  return [...statuses].sort((a, b) => a - b);
}
