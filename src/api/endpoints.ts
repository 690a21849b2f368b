/**
 * Every endpoint of the contract in one table: the typed client, the reference server and the
 * OpenAPI generator all read it, so a path or a schema is written once.
 * Paths are relative to the center's `api-base`; `{id}` is the one path parameter.
 */
import type * as z from 'zod/mini';
import * as attendance from './attendance-schemas.js';
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
  },
  createBooking: {
    method: 'POST',
    path: 'bookings',
    body: s.BookingRequest,
    response: s.Booking,
    success: [201],
    personal: true,
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
  },
  getAttendance: {
    method: 'GET',
    path: 'rsvps/{id}/attendance',
    response: attendance.AttendanceRecord,
    success: [200],
    personal: true,
    bearer: true,
  },
  requestAttendanceLetter: {
    method: 'POST',
    path: 'attendance-letters',
    body: attendance.AttendanceLetterRequest,
    response: attendance.AttendanceLetter,
    success: [201],
    personal: true,
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
  const { path } = endpoints[name];
  if (!path.includes('{id}')) return path;
  if (id === undefined || !s.Id.safeParse(id).success) throw new RangeError(`${name} needs a valid id`);
  return path.replace('{id}', encodeURIComponent(id));
}
