import type { CallbackRequest, IntakeRequest } from '../../src/api/schemas.js';

/** A fresh id per test keeps the fault server's counters apart. */
export function runId(): string {
  return `run${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

export function faultBase(scenario: string, run = runId()): string {
  return `/fault/${scenario}/${run}/`;
}

export async function faultStats(run: string): Promise<{ requests: number; delivered: number; bodies: string[] }> {
  const response = await fetch(`/fault/stats/${run}`);
  return response.json();
}

export async function setFaultOffline(run: string, offline: boolean): Promise<void> {
  await fetch(`/fault/control/${run}?offline=${offline ? 1 : 0}`, { method: 'POST' });
}

/** A unique value planted in a submission; it must never surface anywhere in clear. */
export const canary = (label = 'canary') => `${label}-${crypto.randomUUID()}`;

export function intakeRequest(contactName = 'Alex Rivera'): IntakeRequest {
  return {
    locale: 'en',
    urgent: false,
    result: 'iop-fit',
    answers: { 'audit-c-1': 2, 'audit-c-2': 1, 'audit-c-3': 1 },
    scores: [{ instrument: 'audit-c', total: 4, band: 'positive', positive: true }],
    questionnaireResponse: { resourceType: 'QuestionnaireResponse', status: 'completed' },
    contact: { name: contactName, phone: '+1 303 555 0142', preferred: 'phone', voicemailOk: false },
    consent: true,
  };
}

export function callbackRequest(): CallbackRequest {
  return { phone: '+1 303 555 0142', voicemailOk: false, consent: true, topic: 'insurance', locale: 'en' };
}
