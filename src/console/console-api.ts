/**
 * The console's typed client for `/api/iop/staff/`: same-origin requests with the session cookie,
 * the custom header on every write (CSRF), `no-store` on every read, every answer parsed by the
 * shared staff contract. Health data it returns lives in memory only: nothing here caches or stores.
 */
import type * as z from 'zod/mini';
import * as cs from '../api/settings-schemas.js';
import * as s from '../api/staff-schemas.js';

/** A problem's field errors: a JSON Pointer into the request body and what to do about it. */
export interface ProblemFieldError {
  pointer: string;
  detail: string;
}

export class ConsoleApiError extends Error {
  override readonly name = 'ConsoleApiError';
  constructor(
    readonly status: number,
    readonly detail: string | undefined,
    /** The problem's `code`, e.g. `settings-version-conflict`. */
    readonly code?: string,
    /** 422: every invalid field, by pointer. */
    readonly errors: readonly ProblemFieldError[] = [],
  ) {
    super(`staff API answered ${status}`);
  }
}

/** Settings sections with a plain read and save (`settings/<section>`), and the schemas of both. */
const sectionSchemas = {
  profile: cs.ProfileState,
  programs: cs.ProgramsState,
  availability: cs.AvailabilityState,
  payers: cs.PayersState,
  sessions: cs.SessionsState,
  screener: cs.ScreenerState,
  embedding: cs.EmbeddingState,
} as const;
export type SectionStates = { [K in keyof typeof sectionSchemas]: z.infer<(typeof sectionSchemas)[K]> };
export type SectionValues = { [K in keyof SectionStates]: SectionStates[K]['value'] };

export interface AuditFilter {
  action?: s.AuditAction | undefined;
  recordId?: string | undefined;
  actorId?: string | undefined;
}

const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
};

export class ConsoleApi {
  /** Called on a 401 from any request: the session ended (idle, 12 h, or signed out elsewhere). */
  onSignedOut: () => void = () => {};

  /** The console's language: the server writes its messages (field problems, conflicts) in it. */
  language: 'en' | 'es' = 'en';

  constructor(readonly base = '/api/iop/staff/') {}

  async #request(method: string, path: string, options: { body?: unknown; signal?: AbortSignal | undefined; background?: boolean } = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': this.language };
    if (method !== 'GET') headers['x-iop-staff'] = '1';
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.background) headers['x-iop-background'] = '1';
    const response = await fetch(this.base + path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (!response.ok) {
      let problem: { detail?: unknown; code?: unknown; errors?: unknown } = {};
      try {
        problem = (await response.json()) as typeof problem;
      } catch {
        problem = {};
      }
      if (response.status === 401 && !path.startsWith('sign-in') && !path.startsWith('enrol')) this.onSignedOut();
      const errors = Array.isArray(problem.errors)
        ? problem.errors.flatMap((error: { pointer?: unknown; detail?: unknown }) =>
            typeof error?.pointer === 'string' ? [{ pointer: error.pointer, detail: typeof error.detail === 'string' ? error.detail : '' }] : [],
          )
        : [];
      throw new ConsoleApiError(response.status, typeof problem.detail === 'string' ? problem.detail : undefined, typeof problem.code === 'string' ? problem.code : undefined, errors);
    }
    return response;
  }

  async #json<S extends z.ZodMiniType>(schema: S, method: string, path: string, options: { body?: unknown; signal?: AbortSignal | undefined; background?: boolean } = {}): Promise<z.infer<S>> {
    return schema.parse(await (await this.#request(method, path, options)).json()) as z.infer<S>;
  }

  setup = (signal?: AbortSignal) => this.#json(s.SetupStatus, 'GET', 'setup', { signal });
  /** Null when nobody is signed in. */
  async session(signal?: AbortSignal): Promise<s.StaffPrincipal | null> {
    try {
      return await this.#json(s.StaffPrincipal, 'GET', 'session', { signal });
    } catch (error) {
      if (error instanceof ConsoleApiError && error.status === 401) return null;
      throw error;
    }
  }
  enrolOptions = (inviteToken: string, displayName: string) => this.#json(s.CeremonyOptions, 'POST', 'enrol/options', { body: { inviteToken, displayName } });
  enrolVerify = (ceremonyId: string, response: unknown) => this.#json(s.StaffPrincipal, 'POST', 'enrol/verify', { body: { ceremonyId, response } });
  signInOptions = () => this.#json(s.CeremonyOptions, 'POST', 'sign-in/options', { body: {} });
  signInVerify = (ceremonyId: string, response: unknown) => this.#json(s.StaffPrincipal, 'POST', 'sign-in/verify', { body: { ceremonyId, response } });
  signOut = async (everywhere: boolean) => void (await this.#request('POST', everywhere ? 'sign-out-everywhere' : 'sign-out'));

  queue = (filter: { status: string; kind?: string | undefined; q?: string | undefined }, options: { signal?: AbortSignal | undefined; background?: boolean } = {}) =>
    this.#json(s.Queue, 'GET', `queue${query(filter)}`, options);
  queueSummary = (filter: { status: string; kind?: string | undefined; q?: string | undefined }, options: { signal?: AbortSignal | undefined; background?: boolean } = {}) =>
    this.#json(s.QueueSummary, 'GET', `queue${query(filter)}`, options);
  readonly eventsUrl = () => `${this.base}queue/events`;
  record = (kind: s.RecordKind, id: string, signal?: AbortSignal) => this.#json(s.RecordView, 'GET', `records/${kind}/${id}`, { signal });
  changeStatus = async (kind: s.RecordKind, id: string, status: s.WorkStatus) => void (await this.#request('POST', `records/${kind}/${id}/status`, { body: { status } }));
  assign = async (kind: s.RecordKind, id: string, accountId: string | null) => void (await this.#request('POST', `records/${kind}/${id}/assignee`, { body: { accountId } }));
  addNote = async (kind: s.RecordKind, id: string, text: string) => void (await this.#request('POST', `records/${kind}/${id}/notes`, { body: { text } }));
  readonly questionnaireResponseUrl = (id: string) => `${this.base}records/intakes/${id}/questionnaire-response`;
  readonly cardPhotoUrl = (checkId: string, photoId: string) => `${this.base}records/eligibility-checks/${checkId}/card-photos/${photoId}`;
  colleagues = (signal?: AbortSignal) => this.#json(s.ColleagueList, 'GET', 'colleagues', { signal });

  accounts = (signal?: AbortSignal) => this.#json(s.StaffAccountList, 'GET', 'accounts', { signal });
  disableAccount = async (id: string) => void (await this.#request('POST', `accounts/${id}/disable`, { body: {} }));
  invite = (role: s.StaffRole, displayName: string | undefined) => this.#json(s.Invite, 'POST', 'invites', { body: { role, ...(displayName ? { displayName } : {}) } });
  tokens = (signal?: AbortSignal) => this.#json(s.ApiTokenList, 'GET', 'tokens', { signal });
  issueToken = (name: string, role: s.StaffRole) => this.#json(s.IssuedApiToken, 'POST', 'tokens', { body: { name, role } });
  revokeToken = async (id: string) => void (await this.#request('DELETE', `tokens/${id}`));
  audit = (filter: AuditFilter, signal?: AbortSignal) => this.#json(s.AuditList, 'GET', `audit${query({ ...filter })}`, { signal });
  readonly auditExportUrl = (format: 'fhir' | 'csv', filter: AuditFilter) => `${this.base}audit/export${query({ format, ...filter })}`;

  settings = (signal?: AbortSignal) => this.#json(cs.SettingsOverview, 'GET', 'settings', { signal });
  firstRun = (body: cs.FirstRunRequest) => this.#json(cs.SettingsOverview, 'POST', 'settings/first-run', { body });
  section = <K extends keyof SectionStates>(section: K, signal?: AbortSignal): Promise<SectionStates[K]> =>
    this.#json(sectionSchemas[section], 'GET', `settings/${section}`, { signal }) as Promise<SectionStates[K]>;
  /** Saves a whole section over the version it was read at; 409 `settings-version-conflict` when someone saved since. */
  saveSection = <K extends keyof SectionStates>(section: K, version: number, value: SectionValues[K]): Promise<SectionStates[K]> =>
    this.#json(sectionSchemas[section], 'PUT', `settings/${section}`, { body: { version, value } }) as Promise<SectionStates[K]>;
  previewAvailability = (draft: cs.AvailabilitySettings, signal?: AbortSignal) => this.#json(cs.AvailabilityPreview, 'POST', 'settings/availability/preview', { body: { draft }, signal });
  settingsHistory = (section: cs.SettingsSection | undefined, signal?: AbortSignal) => this.#json(cs.SettingsHistory, 'GET', `settings/history${query({ section, limit: '50' })}`, { signal });
  readonly exportUrl = () => `${this.base}settings/export`;
  importPreview = (setup: unknown) => this.#json(cs.ImportPreview, 'POST', 'settings/import/preview', { body: { setup } });
  importSetup = (revision: number, setup: unknown) => this.#json(cs.ImportResult, 'POST', 'settings/import', { body: { revision, setup } });
}
