import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EligibilityCheck, EligibilityRequest } from '../../api/schemas.js';
import { isClientError, type ClientError } from '../../client/errors.js';
import { MAX_PENDING_POLLS, nextPollDelayMs } from '../../domain/eligibility-form.js';
import type { ConfigController } from '../shared/config-controller.js';

export type CheckState =
  | { status: 'idle' }
  | { status: 'sending' }
  /** The payer is slow (202): polling. `polls` counts answers of "still pending"; `slow` after many. */
  | { status: 'pending'; checkId: string; polls: number; slow: boolean }
  | { status: 'done'; check: EligibilityCheck }
  /** `refused`: the server rejected the details (4xx); otherwise a connection or server problem. */
  | { status: 'failed'; refused: boolean; error: ClientError | undefined };

/**
 * Sends an eligibility check and follows it: 200 gives the answer; 202 is polled with growing
 * waits (never sooner than the server's Retry-After). The check id is reported through `onCheckId`
 * so the widget can keep it in its encrypted draft and `resume` after a reload.
 */
export class EligibilityCheckController implements ReactiveController {
  state: CheckState = { status: 'idle' };
  /** A check id is known: keep it, to come back to this check later. */
  onCheckId?: (checkId: string) => void;
  /** The check reached `pending`, `complete` or `callback`. */
  onStatus?: (check: EligibilityCheck) => void;
  private readonly host: ReactiveControllerHost;
  private readonly settings: ConfigController;
  private timer?: ReturnType<typeof setTimeout>;
  private abort?: AbortController;

  constructor(host: ReactiveControllerHost, settings: ConfigController) {
    this.host = host;
    this.settings = settings;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  async start(request: EligibilityRequest, idempotencyKey: string): Promise<void> {
    const client = this.settings.config?.client;
    if (!client) return;
    this.stop();
    const abort = (this.abort = new AbortController());
    this.set({ status: 'sending' });
    try {
      const check = await client.createEligibilityCheck(request, { idempotencyKey, signal: abort.signal });
      if (abort.signal.aborted) return;
      this.onCheckId?.(check.id);
      this.receive(check, 0);
    } catch (error) {
      if (!abort.signal.aborted) this.fail(error);
    }
  }

  /** Picks up a check started earlier (a reload, a second visit): asks for its current state. */
  resume(checkId: string): void {
    this.stop();
    this.set({ status: 'pending', checkId, polls: 0, slow: false });
    void this.poll(checkId, 0);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.abort?.abort();
    this.timer = this.abort = undefined;
  }

  reset(): void {
    this.stop();
    this.set({ status: 'idle' });
  }

  private receive(check: EligibilityCheck, polls: number): void {
    if (check.status !== 'pending') {
      this.set({ status: 'done', check });
      this.onStatus?.(check);
      return;
    }
    const wasPending = this.state.status === 'pending';
    const slow = polls >= MAX_PENDING_POLLS;
    this.set({ status: 'pending', checkId: check.id, polls, slow });
    if (!wasPending) this.onStatus?.(check);
    // After many polls keep asking, but rarely; the person is offered a call back meanwhile.
    this.timer = setTimeout(() => void this.poll(check.id, polls), nextPollDelayMs(polls, check.retryAfterSeconds));
  }

  private async poll(checkId: string, polls: number): Promise<void> {
    const client = this.settings.config?.client;
    if (!client) return;
    const abort = (this.abort = new AbortController());
    try {
      const check = await client.getEligibilityCheck(checkId, { signal: abort.signal });
      if (!abort.signal.aborted) this.receive(check, polls + 1);
    } catch (error) {
      if (abort.signal.aborted) return;
      // A dropped connection while polling is not the answer: keep the check and try again later.
      if (isClientError(error) && error.transient) {
        this.set({ status: 'pending', checkId, polls: polls + 1, slow: polls + 1 >= MAX_PENDING_POLLS });
        this.timer = setTimeout(() => void this.poll(checkId, polls + 1), nextPollDelayMs(polls + 1, undefined));
      } else {
        this.fail(error);
      }
    }
  }

  private fail(error: unknown): void {
    const clientError = isClientError(error) ? error : undefined;
    const refused = clientError?.kind === 'http' && !clientError.transient;
    this.set({ status: 'failed', refused, error: clientError });
  }

  private set(state: CheckState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
