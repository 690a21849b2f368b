import type { CallbackRequest, IntakeRequest } from '../../src/api/schemas.js';

/** A fresh id per test keeps the fault server's counters apart. */
export function runId(): string {
  return `run${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

export function faultBase(scenario: string, run = runId()): string {
  return `/fault/${scenario}/${run}/`;
}

export async function faultStats(run: string): Promise<{ requests: number; delivered: number; bodies: string[]; keysSeen: (string | null)[] }> {
  const response = await fetch(`/fault/stats/${run}`);
  return response.json();
}

export async function setFaultOffline(run: string, offline: boolean): Promise<void> {
  await fetch(`/fault/control/${run}?offline=${offline ? 1 : 0}`, { method: 'POST' });
}

/** Lets the `held` scenario answer the requests it holds, and every one after. */
export async function releaseFault(run: string): Promise<void> {
  await fetch(`/fault/control/${run}?release=1`, { method: 'POST' });
}

/** A unique value planted in a submission; it must never surface anywhere in clear. */
export const canary = (label = 'canary') => `${label}-${crypto.randomUUID()}`;

/** A negative AUDIT-C, as the screener would send it (the server checks the QuestionnaireResponse). */
export function intakeRequest(contactName = 'Alex Rivera'): IntakeRequest {
  const answers = { sex: 'female', 'audit-1': 1, 'audit-2': 0, 'audit-3': 1 };
  return {
    locale: 'en',
    urgent: false,
    result: 'iop-fit',
    answers,
    scores: [{ instrument: 'audit-c', total: 2, band: 'negative', positive: false }],
    questionnaireResponse: {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      authored: '2026-03-02T17:00:00.000Z',
      language: 'en',
      item: [
        {
          linkId: '/72109-2',
          item: [
            { linkId: '/72109-2/68518-0', answer: [{ valueCoding: { system: 'http://loinc.org', code: 'LA18926-8' } }] },
            { linkId: '/72109-2/68519-8', answer: [{ valueCoding: { system: 'http://loinc.org', code: 'LA15694-5' } }] },
            { linkId: '/72109-2/68520-6', answer: [{ valueCoding: { system: 'http://loinc.org', code: 'LA18933-4' } }] },
            { linkId: '/72109-2/75626-2', answer: [{ valueInteger: 2 }] },
          ],
        },
      ],
    },
    contact: { name: contactName, phone: '+1 303 555 0142', preferred: 'phone', voicemailOk: false },
    consent: true,
  };
}

export function callbackRequest(): CallbackRequest {
  return { phone: '+1 303 555 0142', voicemailOk: false, consent: true, topic: 'insurance', locale: 'en' };
}
