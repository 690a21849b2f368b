/**
 * The console's typed client for `/api/iop/staff/`: same-origin requests with the session cookie,
 * the custom header on every write (CSRF), `no-store` on every read, every answer parsed by the
 * shared staff contract. Health data it returns lives in memory only: nothing here caches or stores.
 */
import type * as z from 'zod/mini';
import * as s from '../api/staff-schemas.js';

export class ConsoleApiError extends Error {
  override readonly name = 'ConsoleApiError';
  constructor(
    readonly status: number,
    readonly detail: string | undefined,
  ) {
    super(`staff API answered ${status}`);
  }
}

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

  constructor(readonly base = '/api/iop/staff/') {}

  async #request(method: string, path: string, options: { body?: unknown; signal?: AbortSignal | undefined; background?: boolean } = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
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
      let detail: string | undefined;
      try {
        detail = ((await response.json()) as { detail?: string }).detail;
      } catch {
        detail = undefined;
      }
      if (response.status === 401 && !path.startsWith('sign-in') && !path.startsWith('enrol')) this.onSignedOut();
      throw new ConsoleApiError(response.status, detail);
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
}
