/**
 * Tells the center's CRM that a record arrived: `{ type, id }` only, never health data, so the
 * CRM fetches the record through the staff API with its own credentials.
 *
 * Signature (Stripe's scheme): header `IOP-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>`, the
 * HMAC over `<t>.<raw body>` with `IOP_WEBHOOK_SECRET`. Receivers should reject old timestamps.
 *
 * Delivery is a transactional outbox: the record and its `webhook.deliver` job commit in one
 * transaction, and the job runner delivers with exponential backoff, across restarts and
 * instances. Delivery is at least once (a crash after the receiver answered repeats it):
 * `IOP-Delivery` names the delivery, the same on every attempt, so a receiver can drop repeats.
 */
import type { Queryable } from '../db/database.js';
import { enqueueJob } from '../jobs/job-queue.js';
import type { JobKind } from '../jobs/job-runner.js';
import { hmacSha256Hex } from '../security/secrets.js';

export type RecordType =
  | 'intake.created'
  | 'booking.created'
  | 'eligibility-check.created'
  /** `id` is the eligibility check's: staff read its photos through it. */
  | 'eligibility-check.card-photo-added'
  | 'callback-request.created'
  | 'rsvp.created';

export interface RecordEvent {
  readonly type: RecordType;
  readonly id: string;
}

export interface RecordNotifier {
  /** Records the notification in `tx`, the transaction that writes the record. */
  notify(event: RecordEvent, tx: Queryable): Promise<void>;
}

export const SIGNATURE_HEADER = 'IOP-Signature';
export const DELIVERY_HEADER = 'IOP-Delivery';
export const WEBHOOK_JOB = 'webhook.deliver';

export async function signWebhookBody(secret: string, body: string, unixSeconds: number): Promise<string> {
  return `t=${unixSeconds},v1=${await hmacSha256Hex(secret, `${unixSeconds}.${body}`)}`;
}

export interface WebhookOptions {
  /** Fixed, or read at each delivery (the center's saved endpoint, then IOP_WEBHOOK_URL); null: nowhere to send. */
  readonly url: string | (() => Promise<string | null>);
  readonly secret: string;
  readonly fetch?: typeof fetch;
  readonly maxAttempts?: number;
  /** First retry delay; doubled each time. */
  readonly baseDelayMs?: number;
  /** Delivery failures, without payloads. */
  readonly onGiveUp?: (event: RecordEvent, attempts: number) => void;
}

export const silentNotifier: RecordNotifier = { notify: async () => {} };

/** Writes a delivery job next to the record; `wake` tells this instance's runner to look now. */
export function outboxNotifier(options: Pick<WebhookOptions, 'maxAttempts'>, now: () => Date, wake: () => void = () => {}): RecordNotifier {
  return {
    async notify(event, tx) {
      await enqueueJob(tx, { kind: WEBHOOK_JOB, payload: { type: event.type, id: event.id }, runAt: now(), maxAttempts: options.maxAttempts ?? 8 }, now());
      // The job is visible once the caller commits; a wake-up that comes too early finds nothing and the next poll does.
      queueMicrotask(wake);
    },
  };
}

/** The `webhook.deliver` job: one signed POST per attempt; anything but 2xx is retried with backoff. */
export function webhookDelivery(options: WebhookOptions, now: () => Date = () => new Date()): JobKind {
  const send = options.fetch ?? fetch;
  const baseDelayMs = options.baseDelayMs ?? 5_000;
  return {
    async run(payload, job) {
      const url = typeof options.url === 'string' ? options.url : await options.url();
      // No endpoint saved (any more): the record is in the staff queue either way.
      if (url === null) return;
      const event = { type: String(payload.type) as RecordType, id: String(payload.id) };
      const body = JSON.stringify(event);
      const signature = await signWebhookBody(options.secret, body, Math.floor(now().getTime() / 1000));
      const response = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature, [DELIVERY_HEADER]: `job-${job.id}` },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      await response.body?.cancel();
      if (!response.ok) throw new WebhookRefused(response.status);
    },
    retryDelayMs: (attempt) => baseDelayMs * 2 ** (attempt - 1),
    onGiveUp(job) {
      options.onGiveUp?.({ type: String(job.payload.type) as RecordType, id: String(job.payload.id) }, job.attempt);
    },
  };
}

class WebhookRefused extends Error {
  override readonly name = 'WebhookRefused';
  constructor(readonly status: number) {
    super(`The webhook receiver answered ${status}`);
  }
}
