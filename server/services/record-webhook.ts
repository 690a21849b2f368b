/**
 * Tells the center's CRM that a record arrived: `{ type, id }` only, never health data, so the
 * CRM fetches the record through the staff API with its own credentials.
 *
 * Signature (Stripe's scheme): header `IOP-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>`, the
 * HMAC over `<t>.<raw body>` with `IOP_WEBHOOK_SECRET`. Receivers should reject old timestamps.
 * Delivery is retried with exponential backoff in this process; it is not persisted across restarts.
 */
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
  notify(event: RecordEvent): void;
  /** Resolves when every delivery in flight has succeeded or given up. */
  idle(): Promise<void>;
}

export const SIGNATURE_HEADER = 'IOP-Signature';

export async function signWebhookBody(secret: string, body: string, unixSeconds: number): Promise<string> {
  return `t=${unixSeconds},v1=${await hmacSha256Hex(secret, `${unixSeconds}.${body}`)}`;
}

export interface WebhookOptions {
  url: string;
  secret: string;
  fetch?: typeof fetch;
  maxAttempts?: number;
  /** First retry delay; doubled each time. */
  baseDelayMs?: number;
  now?: () => Date;
  /** Delivery failures, without payloads. */
  onGiveUp?: (event: RecordEvent, attempts: number) => void;
}

export const silentNotifier: RecordNotifier = { notify() {}, idle: async () => {} };

export function createWebhookNotifier(options: WebhookOptions): RecordNotifier {
  const send = options.fetch ?? fetch;
  const maxAttempts = options.maxAttempts ?? 6;
  const baseDelayMs = options.baseDelayMs ?? 1_000;
  const now = options.now ?? (() => new Date());
  const inFlight = new Set<Promise<void>>();

  async function deliver(event: RecordEvent): Promise<void> {
    const body = JSON.stringify({ type: event.type, id: event.id });
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        const signature = await signWebhookBody(options.secret, body, Math.floor(now().getTime() / 1000));
        const response = await send(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        await response.body?.cancel();
        if (response.ok) return;
      } catch {
        // Network failure: retried like a 5xx.
      }
      if (attempt < maxAttempts) await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** (attempt - 1)));
    }
    options.onGiveUp?.(event, maxAttempts);
  }

  return {
    notify(event) {
      const delivery = deliver(event).finally(() => inFlight.delete(delivery));
      inFlight.add(delivery);
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
  };
}
