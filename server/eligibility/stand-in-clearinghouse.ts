/**
 * A STAND-IN clearinghouse, for tests and the demo only: payers' eligibility networks cannot be
 * reached from here, so this answers the JSON eligibility API (Stedi's shape) from recorded response
 * documents (stand-in-documents/), chosen by member id. It never contacts anyone.
 *
 * | member id                     | answer                                                              |
 * |-------------------------------|---------------------------------------------------------------------|
 * | IOPACTIVE01   / 1EG4TE5MK70   | active, full behavioural-health benefits (active.json)              |
 * | IOPNODETAIL01 / 1EG4TE5MK71   | active, no behavioural-health details                               |
 * | IOPINACTIVE01 / 1EG4TE5MK72   | coverage inactive                                                   |
 * | IOPTIMEOUT01  / 1EG4TE5MK73   | 202, then active (as IOPACTIVE01) when polled                       |
 * | IOPDOWN01     / 1EG4TE5MK74   | 202, then AAA 42: the payer cannot answer now                       |
 * | IOPCARVEOUT01                 | active, behavioural health carved out to another administrator      |
 * | IOPDEDMET01                   | active, deductible met                                              |
 * | IOPBADID01                    | AAA 72: invalid member id                                           |
 * | IOPBADDOB01                   | AAA 71: date of birth does not match                                |
 * | IOPBADNAME01                  | AAA 73: invalid name                                                |
 * | IOPPAYERDOWN01                | AAA 42 at once                                                      |
 * | IOPNOANSWER01                 | no answer at all: the provider's time-out decides                   |
 * | IOPX12ACTIVE01                | raw X12 271 (x12-active.x12), the EDI twin of active.json           |
 * | anything else                 | AAA 75: subscriber not found                                        |
 *
 * No Node imports: the demo server serves it over HTTP on 127.0.0.1 (stand-in-clearinghouse-server.ts)
 * and Storybook's in-page backend calls `fetch` directly.
 */

export const STAND_IN_ELIGIBILITY_PATH = '/change/medicalnetwork/eligibility/v3';
const RESULTS_PATH = `${STAND_IN_ELIGIBILITY_PATH}/results/`;

type StandInAnswer = { readonly document: string; readonly later?: true } | { readonly noAnswer: true };

export const STAND_IN_MEMBERS: Readonly<Record<string, StandInAnswer>> = {
  IOPACTIVE01: { document: 'active.json' },
  '1EG4TE5MK70': { document: 'active.json' },
  IOPNODETAIL01: { document: 'no-behavioral-details.json' },
  '1EG4TE5MK71': { document: 'no-behavioral-details.json' },
  IOPINACTIVE01: { document: 'inactive.json' },
  '1EG4TE5MK72': { document: 'inactive.json' },
  IOPTIMEOUT01: { document: 'active.json', later: true },
  '1EG4TE5MK73': { document: 'active.json', later: true },
  IOPDOWN01: { document: 'aaa-42-payer-down.json', later: true },
  '1EG4TE5MK74': { document: 'aaa-42-payer-down.json', later: true },
  IOPCARVEOUT01: { document: 'carve-out.json' },
  IOPDEDMET01: { document: 'deductible-met.json' },
  IOPBADID01: { document: 'aaa-72-invalid-member-id.json' },
  IOPBADDOB01: { document: 'aaa-71-birth-date-mismatch.json' },
  IOPBADNAME01: { document: 'aaa-73-invalid-name.json' },
  IOPPAYERDOWN01: { document: 'aaa-42-payer-down.json' },
  IOPNOANSWER01: { noAnswer: true },
  IOPX12ACTIVE01: { document: 'x12-active.x12' },
};
const UNKNOWN_MEMBER = 'aaa-75-subscriber-not-found.json';

export interface StandInOptions {
  /** Recorded documents by file name: JSON bodies and raw X12 271s. */
  readonly documents: Readonly<Record<string, string>>;
  /** The API key callers must send in `Authorization`. */
  readonly apiKey: string;
  /** Seconds a 202 asks the caller to wait. */
  readonly retryAfterSeconds?: number;
  /** How long an unanswered request is held before a 504 (the caller's own time-out normally ends it first). */
  readonly holdMs?: number;
}

export interface StandInClearinghouse {
  fetch(request: Request): Promise<Response>;
  /** Releases requests still held, so a server can close. */
  close(): void;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

interface InquiryBody {
  controlNumber?: unknown;
  tradingPartnerServiceId?: unknown;
  provider?: { npi?: unknown; organizationName?: unknown };
  subscriber?: { memberId?: unknown };
  encounter?: { serviceTypeCodes?: unknown };
}

/** What the JSON API insists on; anything else missing is the payer's business, as it is for real. */
function missingFields(body: InquiryBody): string[] {
  const missing: string[] = [];
  if (typeof body.tradingPartnerServiceId !== 'string') missing.push('tradingPartnerServiceId');
  if (typeof body.provider?.npi !== 'string' || !/^\d{10}$/.test(body.provider.npi)) missing.push('provider.npi');
  if (typeof body.provider?.organizationName !== 'string') missing.push('provider.organizationName');
  if (typeof body.subscriber?.memberId !== 'string') missing.push('subscriber.memberId');
  if (!Array.isArray(body.encounter?.serviceTypeCodes) || body.encounter.serviceTypeCodes.length === 0) missing.push('encounter.serviceTypeCodes');
  return missing;
}

export function createStandInClearinghouse(options: StandInOptions): StandInClearinghouse {
  const held = new Set<() => void>();
  /** 202 locations: opaque tokens, so no member id ever appears in a URL. */
  const later = new Map<string, { document: string; controlNumber: string }>();
  const retryAfter = String(options.retryAfterSeconds ?? 2);

  const answer = (name: string, controlNumber: string): Response => {
    const text = options.documents[name];
    if (text === undefined) return json(500, { message: `Stand-in document ${name} is missing.` });
    if (name.endsWith('.x12')) return new Response(text, { status: 200, headers: { 'content-type': 'application/edi-x12' } });
    const document = JSON.parse(text) as Record<string, unknown>;
    return json(200, { ...document, controlNumber });
  };

  const hold = (signal: AbortSignal): Promise<Response> =>
    new Promise((resolve) => {
      const release = () => {
        clearTimeout(timer);
        held.delete(release);
        resolve(json(504, { message: 'The payer did not answer in time.' }));
      };
      const timer = setTimeout(release, options.holdMs ?? 60_000);
      held.add(release);
      signal.addEventListener('abort', release, { once: true });
    });

  return {
    async fetch(request) {
      const url = new URL(request.url);
      if (request.headers.get('authorization') !== options.apiKey) return json(401, { message: 'Unauthorized' });
      if (request.method === 'GET' && url.pathname.startsWith(RESULTS_PATH)) {
        const token = url.pathname.slice(RESULTS_PATH.length);
        const pending = later.get(token);
        if (!pending) return json(404, { message: 'No such pending eligibility check.' });
        // Answered once, like a result a clearinghouse hands over: the demo's memory stays bounded.
        later.delete(token);
        return answer(pending.document, pending.controlNumber);
      }
      if (request.method !== 'POST' || url.pathname !== STAND_IN_ELIGIBILITY_PATH) return json(404, { message: 'Not found' });
      let body: InquiryBody;
      try {
        body = (await request.json()) as InquiryBody;
      } catch {
        return json(400, { message: 'The body is not JSON.' });
      }
      const missing = missingFields(body);
      if (missing.length) return json(400, { message: `Missing or invalid: ${missing.join(', ')}` });
      const controlNumber = typeof body.controlNumber === 'string' ? body.controlNumber : '000000000';
      const member = STAND_IN_MEMBERS[String(body.subscriber?.memberId).toUpperCase()] ?? { document: UNKNOWN_MEMBER };
      if ('noAnswer' in member) return hold(request.signal);
      if (member.later) {
        const token = crypto.randomUUID();
        later.set(token, { document: member.document, controlNumber });
        return json(202, { status: 'PENDING' }, { location: `${RESULTS_PATH}${token}`, 'retry-after': retryAfter });
      }
      return answer(member.document, controlNumber);
    },
    close() {
      for (const release of [...held]) release();
    },
  };
}
