/**
 * Benefits from a clearinghouse's JSON eligibility API (Stedi's shape: POST a 270 as JSON, get the
 * 271 as JSON, or as X12 EDI from clearinghouses that answer in EDI). The request goes to the
 * configured clearinghouse and nowhere else: a 202's Location on another origin is ignored.
 * What the 271 means for the person is decided in src/domain/eligibility-benefits.ts.
 */
import type { EligibilityRequest } from '../../src/api/schemas.js';
import { DEFAULT_SERVICE_TYPE_CODES, readBenefits, type BenefitsReading, type EligibilityResponseDocument } from '../../src/domain/eligibility-benefits.js';
import type { EligibilityAnswer, EligibilityInquiry, EligibilityProvider } from './eligibility-provider.js';

export const CLEARINGHOUSE_ELIGIBILITY_PATH = '/change/medicalnetwork/eligibility/v3';

export interface ClearinghouseSettings {
  /** e.g. `https://healthcare.us.stedi.com/2024-04-01`; the eligibility path is added to it. */
  readonly baseUrl: string;
  readonly apiKey: string;
  /** The center's NPI (10 digits) and organisation name, as enrolled with payers. */
  readonly providerNpi: string;
  readonly providerName: string;
  /** Service type codes per payer id (the center's payer list); others get `defaultServiceTypeCodes`. */
  readonly serviceTypeCodes?: Readonly<Record<string, readonly string[]>>;
  /** CJ, AI, MH, CH and 30 unless set. */
  readonly defaultServiceTypeCodes?: readonly string[];
  /** The clearinghouse's payer id (trading partner service id) per payer id of the center's list. */
  readonly tradingPartnerIds?: Readonly<Record<string, string>>;
  /** How long one request may take before it counts as no answer. */
  readonly timeoutMs?: number;
  /** Polls of a check before "no answer" becomes a call-back. */
  readonly maxAttempts?: number;
}

export interface ClearinghouseDependencies {
  readonly fetch?: typeof fetch;
  /** Reads an X12 271; without it an EDI answer goes to staff (the in-page backend has none). */
  readonly readX12?: (edi: string) => EligibilityResponseDocument;
  readonly now?: () => Date;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_ATTEMPTS = 6;
const NO_ANSWER_RETRY_SECONDS = 2;
const MAX_PROMISED = 10_000;

const compactDate = (isoDate: string) => isoDate.replaceAll('-', '');

/** A 9-digit control number (BHT03 / TRN02 in the 270): correlates the answer, says nothing about anyone. */
function controlNumber(): string {
  return String(crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000_000).padStart(9, '0');
}

/** The JSON 270. The subscriber holds the member id; a patient who is not the subscriber is a dependent. */
export function inquiryBody(request: EligibilityRequest, tradingPartnerServiceId: string, settings: ClearinghouseSettings, serviceTypeCodes: readonly string[], today: string) {
  const holder = request.relationship !== 'self' && request.subscriber ? request.subscriber : request.patient;
  return {
    controlNumber: controlNumber(),
    tradingPartnerServiceId,
    provider: { organizationName: settings.providerName, npi: settings.providerNpi },
    subscriber: {
      memberId: request.memberId,
      firstName: holder.firstName,
      lastName: holder.lastName,
      dateOfBirth: compactDate(holder.dateOfBirth),
      ...(request.groupNumber ? { groupNumber: request.groupNumber } : {}),
    },
    ...(holder === request.patient
      ? {}
      : { dependents: [{ firstName: request.patient.firstName, lastName: request.patient.lastName, dateOfBirth: compactDate(request.patient.dateOfBirth) }] }),
    encounter: { serviceTypeCodes: [...serviceTypeCodes], dateOfService: compactDate(today) },
  };
}

function answerOf(reading: BenefitsReading): EligibilityAnswer {
  switch (reading.kind) {
    case 'coverage':
      return { status: 'complete', outcome: reading.outcome, coverage: reading.coverage };
    case 'correction':
      return { status: 'complete', outcome: reading.outcome, correction: reading.field, staffNote: reading.staffNote };
    case 'callback':
      return { status: 'callback', outcome: reading.outcome, staffNote: reading.staffNote };
  }
}

const retryAfterOf = (header: string | null) => Math.min(300, Math.max(1, Math.round(Number(header) || NO_ANSWER_RETRY_SECONDS)));

async function inquiryKey(inquiry: EligibilityInquiry): Promise<string> {
  const { memberId, patient, payerId, payerName } = inquiry.request;
  const bytes = new TextEncoder().encode(JSON.stringify([memberId, patient, payerId, payerName]));
  return [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function createClearinghouseEligibility(settings: ClearinghouseSettings, dependencies: ClearinghouseDependencies = {}): EligibilityProvider {
  const send = dependencies.fetch ?? globalThis.fetch;
  const now = dependencies.now ?? (() => new Date());
  const base = new URL(settings.baseUrl.endsWith('/') ? settings.baseUrl : `${settings.baseUrl}/`);
  const endpoint = new URL(CLEARINGHOUSE_ELIGIBILITY_PATH.slice(1), base);
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxAttempts = settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  /**
   * Where to poll an answer the clearinghouse promised (202), by a hash of the inquiry. In memory:
   * after a restart the inquiry is simply sent again, which is safe (an eligibility inquiry changes nothing).
   */
  const promised = new Map<string, URL>();

  const noAnswer = (attempt: number, why: string): EligibilityAnswer =>
    attempt < maxAttempts
      ? { status: 'pending', retryAfterSeconds: NO_ANSWER_RETRY_SECONDS }
      : { status: 'callback', outcome: 'payer-unavailable', staffNote: `No answer from the clearinghouse after ${attempt} tries (${why}).` };

  /** The 271 as a document, from JSON or X12; a string says why it cannot be read here. */
  const read = async (response: Response): Promise<EligibilityResponseDocument | string> => {
    const contentType = response.headers.get('content-type') ?? '';
    const text = await response.text();
    if (contentType.includes('x12') || text.trimStart().startsWith('ISA')) {
      return dependencies.readX12 ? dependencies.readX12(text) : 'The clearinghouse answered in X12 and no X12 reader is configured here.';
    }
    const parsed = JSON.parse(text) as EligibilityResponseDocument & { x12?: unknown };
    // Some clearinghouses wrap the raw 271 in JSON without mapping it.
    if (!parsed.benefitsInformation && !parsed.errors && typeof parsed.x12 === 'string') {
      return dependencies.readX12 ? dependencies.readX12(parsed.x12) : 'The clearinghouse answered in X12 and no X12 reader is configured here.';
    }
    return parsed;
  };

  return {
    name: 'clearinghouse',
    async inquire(inquiry) {
      const { request, payer, attempt } = inquiry;
      if (!payer) return { status: 'callback', outcome: 'manual', staffNote: 'The insurer was typed, not chosen from the list: no clearinghouse payer id to ask.' };
      const tradingPartnerServiceId = settings.tradingPartnerIds?.[payer.id] ?? payer.id;
      const serviceTypeCodes = settings.serviceTypeCodes?.[payer.id] ?? settings.defaultServiceTypeCodes ?? DEFAULT_SERVICE_TYPE_CODES;
      const key = await inquiryKey(inquiry);
      const pollAt = promised.get(key);
      let response: Response;
      try {
        const signal = AbortSignal.timeout(timeoutMs);
        const headers = { authorization: settings.apiKey, accept: 'application/json' };
        response = pollAt
          ? await send(pollAt, { method: 'GET', headers, signal })
          : await send(endpoint, {
              method: 'POST',
              headers: { ...headers, 'content-type': 'application/json' },
              body: JSON.stringify(inquiryBody(request, tradingPartnerServiceId, settings, serviceTypeCodes, now().toISOString().slice(0, 10))),
              signal,
            });
      } catch (error) {
        const why = error instanceof DOMException && error.name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : 'connection failed';
        return noAnswer(attempt, why);
      }

      if (response.status === 202) {
        const location = response.headers.get('location');
        const next = location ? new URL(location, endpoint) : undefined;
        await response.body?.cancel();
        // Never follow a promise to another host: health data goes to the configured clearinghouse only.
        if (next && next.origin === endpoint.origin) {
          promised.delete(key);
          promised.set(key, next);
          // Checks abandoned while pending would otherwise pile up: forget the oldest promise first.
          if (promised.size > MAX_PROMISED) promised.delete(promised.keys().next().value!);
        }
        return attempt < maxAttempts
          ? { status: 'pending', retryAfterSeconds: retryAfterOf(response.headers.get('retry-after')) }
          : { status: 'callback', outcome: 'payer-unavailable', staffNote: `The clearinghouse still had no answer after ${attempt} tries (202).` };
      }
      promised.delete(key);
      if (response.status >= 500 || response.status === 408 || response.status === 429) {
        await response.body?.cancel();
        return noAnswer(attempt, `HTTP ${response.status}`);
      }
      if (!response.ok) {
        await response.body?.cancel();
        const why = response.status === 401 || response.status === 403 ? 'the API key was refused' : 'the request was refused';
        return { status: 'callback', outcome: 'manual', staffNote: `Clearinghouse answered HTTP ${response.status}: ${why}.` };
      }
      try {
        const document = await read(response);
        if (typeof document === 'string') return { status: 'callback', outcome: 'manual', staffNote: document };
        return answerOf(readBenefits(document, { serviceTypeCodes, centerInNetwork: payer.inNetwork }));
      } catch (error) {
        return { status: 'callback', outcome: 'manual', staffNote: `The clearinghouse's answer could not be read: ${(error as Error).message}` };
      }
    },
  };
}
