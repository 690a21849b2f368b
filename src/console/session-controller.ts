/**
 * Who is at the console: checks the session, enrols a new colleague from an invitation link, signs in
 * with a passkey (@simplewebauthn/browser) and signs out. The invitation token is read from the
 * link's fragment and removed from the address bar at once, so it stays out of history.
 */
import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StaffPrincipal } from '../api/staff-schemas.js';
import type { ConsoleApi } from './console-api.js';

export type SessionState =
  | { readonly phase: 'checking' }
  | { readonly phase: 'signed-out'; readonly needsFirstAdmin: boolean; readonly inviteToken: string | null; readonly problem: 'passkey' | 'load' | 'signed-out' | null; readonly busy: boolean }
  | { readonly phase: 'signed-in'; readonly principal: StaffPrincipal };

export class SessionController implements ReactiveController {
  state: SessionState = { phase: 'checking' };
  readonly #host: ReactiveControllerHost;
  readonly #api: ConsoleApi;

  constructor(host: ReactiveControllerHost, api: ConsoleApi) {
    this.#host = host;
    this.#api = api;
    host.addController(this);
    api.onSignedOut = () => {
      if (this.state.phase === 'signed-in') this.#signedOut('signed-out');
    };
  }

  hostConnected(): void {
    const invite = /[#&]invite=([A-Za-z0-9_-]{20,100})/.exec(location.hash)?.[1] ?? null;
    if (invite) history.replaceState(null, '', location.pathname);
    void this.#check(invite);
  }

  async #check(inviteToken: string | null): Promise<void> {
    try {
      const principal = inviteToken ? null : await this.#api.session();
      if (principal) return this.#set({ phase: 'signed-in', principal });
      const { needsFirstAdmin } = await this.#api.setup();
      this.#set({ phase: 'signed-out', needsFirstAdmin, inviteToken, problem: null, busy: false });
    } catch {
      this.#set({ phase: 'signed-out', needsFirstAdmin: false, inviteToken, problem: 'load', busy: false });
    }
  }

  #set(state: SessionState): void {
    this.state = state;
    this.#host.requestUpdate();
  }

  #signedOut(problem: 'signed-out' | null): void {
    this.#set({ phase: 'signed-out', needsFirstAdmin: false, inviteToken: null, problem, busy: false });
  }

  async #ceremony(work: () => Promise<StaffPrincipal>): Promise<void> {
    if (this.state.phase !== 'signed-out') return;
    const before = this.state;
    this.#set({ ...before, busy: true, problem: null });
    try {
      this.#set({ phase: 'signed-in', principal: await work() });
    } catch {
      this.#set({ ...before, busy: false, problem: 'passkey' });
    }
  }

  enrol(displayName: string): Promise<void> {
    const token = this.state.phase === 'signed-out' ? this.state.inviteToken : null;
    if (!token) return Promise.resolve();
    return this.#ceremony(async () => {
      const { ceremonyId, options } = await this.#api.enrolOptions(token, displayName);
      const response = await startRegistration({ optionsJSON: options as unknown as Parameters<typeof startRegistration>[0]['optionsJSON'] });
      return this.#api.enrolVerify(ceremonyId, response);
    });
  }

  signIn(): Promise<void> {
    return this.#ceremony(async () => {
      const { ceremonyId, options } = await this.#api.signInOptions();
      const response = await startAuthentication({ optionsJSON: options as unknown as Parameters<typeof startAuthentication>[0]['optionsJSON'] });
      return this.#api.signInVerify(ceremonyId, response);
    });
  }

  async signOut(everywhere: boolean): Promise<void> {
    try {
      await this.#api.signOut(everywhere);
    } finally {
      this.#signedOut(null);
    }
  }
}
