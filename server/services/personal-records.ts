/**
 * Intakes, eligibility checks and callback requests: health data, sealed before it reaches the
 * database. Only what the server must query (status, times) stays in clear.
 */
import type {
  CallbackReceipt,
  CallbackRequest,
  Coverage,
  EligibilityCheck,
  EligibilityRequest,
  IntakeReceipt,
  IntakeRequest,
} from '../../src/api/schemas.js';
import type { EligibilityAnswer } from '../eligibility/eligibility-provider.js';
import { invalidField, notFound } from '../http/problem.js';
import { newReferenceCode } from '../../src/domain/reference-code.js';
import { newRecordId } from '../security/secrets.js';
import { findPayer } from './center-catalog.js';
import type { ServiceDeps } from './service-deps.js';

export async function createIntake(deps: ServiceDeps, request: IntakeRequest): Promise<IntakeReceipt> {
  const id = newRecordId();
  const reference = newReferenceCode();
  const now = deps.now();
  const sealed = await deps.cipher.seal(JSON.stringify(request), `intakes:${id}`);
  await deps.db.query('INSERT INTO intakes (id, reference, sealed, created_at) VALUES ($1, $2, $3, $4)', [id, reference, sealed, now]);
  deps.notifier.notify({ type: 'intake.created', id });
  return { id, reference, status: 'received', receivedAt: now.toISOString() };
}

export async function createCallbackRequest(deps: ServiceDeps, request: CallbackRequest): Promise<CallbackReceipt> {
  if (request.eligibilityCheckId !== undefined) {
    const check = await deps.db.query('SELECT 1 FROM eligibility_checks WHERE id = $1', [request.eligibilityCheckId]);
    if (check.length === 0) throw invalidField('/eligibilityCheckId', 'This eligibility check does not exist.');
  }
  const id = newRecordId();
  const reference = newReferenceCode();
  const sealed = await deps.cipher.seal(JSON.stringify(request), `callback_requests:${id}`);
  await deps.db.query('INSERT INTO callback_requests (id, reference, sealed, created_at) VALUES ($1, $2, $3, $4)', [id, reference, sealed, deps.now()]);
  deps.notifier.notify({ type: 'callback-request.created', id });
  return { id, reference, status: 'received' };
}

/** What is sealed in result_sealed once the payer answered. */
interface EligibilityResult {
  outcome: NonNullable<EligibilityCheck['outcome']>;
  coverage?: Coverage;
}

function resultOf(answer: Exclude<EligibilityAnswer, { status: 'pending' }>, inNetwork: boolean | null): EligibilityResult {
  if (answer.status === 'callback' || !answer.coverage) return { outcome: answer.outcome };
  // Network status is the center's contract list, never the payer's EB12 flag.
  return { outcome: answer.outcome, coverage: { ...answer.coverage, inNetwork } };
}

export interface EligibilityReply {
  readonly check: EligibilityCheck;
  readonly pending: boolean;
}

export async function createEligibilityCheck(deps: ServiceDeps, request: EligibilityRequest): Promise<EligibilityReply> {
  const payer = request.payerId === undefined ? null : await findPayer(deps.db, request.payerId);
  if (request.payerId !== undefined && !payer) throw invalidField('/payerId', 'Choose an insurer from the list, or type its name.');
  if (request.payerId === undefined && request.payerName === undefined) throw invalidField('/payerId', 'Choose or type an insurer.');

  const id = newRecordId();
  const now = deps.now();
  const answer = await deps.eligibility.inquire({ request, payer, attempt: 1 });
  const requestSealed = await deps.cipher.seal(JSON.stringify(request), `eligibility_checks:${id}:request`);
  if (answer.status === 'pending') {
    const retryAt = new Date(now.getTime() + answer.retryAfterSeconds * 1000);
    await deps.db.query(
      `INSERT INTO eligibility_checks (id, status, request_sealed, attempts, retry_at, checked_at, created_at)
       VALUES ($1, 'pending', $2, 1, $3, $4, $4)`,
      [id, requestSealed, retryAt, now],
    );
    deps.notifier.notify({ type: 'eligibility-check.created', id });
    return { pending: true, check: { id, status: 'pending', retryAfterSeconds: answer.retryAfterSeconds, checkedAt: now.toISOString() } };
  }
  const result = resultOf(answer, payer?.inNetwork ?? null);
  const resultSealed = await deps.cipher.seal(JSON.stringify(result), `eligibility_checks:${id}:result`);
  await deps.db.query(
    `INSERT INTO eligibility_checks (id, status, request_sealed, result_sealed, checked_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $5)`,
    [id, answer.status, requestSealed, resultSealed, now],
  );
  deps.notifier.notify({ type: 'eligibility-check.created', id });
  return { pending: false, check: { id, status: answer.status, ...result, checkedAt: now.toISOString() } };
}

interface CheckRow {
  status: EligibilityCheck['status'];
  request_sealed: string;
  result_sealed: string | null;
  attempts: number;
  retry_at: Date | null;
  checked_at: Date;
}

/** A pending check asks the provider again once its retry time has come; until then it says when to ask. */
export async function getEligibilityCheck(deps: ServiceDeps, id: string): Promise<EligibilityCheck> {
  const [row] = await deps.db.query<CheckRow & Record<string, unknown>>(
    'SELECT status, request_sealed, result_sealed, attempts, retry_at, checked_at FROM eligibility_checks WHERE id = $1',
    [id],
  );
  if (!row) throw notFound('There is no such eligibility check.');
  const now = deps.now();
  if (row.status !== 'pending') {
    const result = JSON.parse(await deps.cipher.open(row.result_sealed ?? '', `eligibility_checks:${id}:result`)) as EligibilityResult;
    return { id, status: row.status, ...result, checkedAt: row.checked_at.toISOString() };
  }
  const waitMs = (row.retry_at?.getTime() ?? 0) - now.getTime();
  if (waitMs > 0) return { id, status: 'pending', retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), checkedAt: row.checked_at.toISOString() };

  const request = JSON.parse(await deps.cipher.open(row.request_sealed, `eligibility_checks:${id}:request`)) as EligibilityRequest;
  const payer = request.payerId === undefined ? null : await findPayer(deps.db, request.payerId);
  const answer = await deps.eligibility.inquire({ request, payer, attempt: row.attempts + 1 });
  if (answer.status === 'pending') {
    const retryAt = new Date(now.getTime() + answer.retryAfterSeconds * 1000);
    await deps.db.query('UPDATE eligibility_checks SET attempts = attempts + 1, retry_at = $2, checked_at = $3 WHERE id = $1 AND status = $4', [id, retryAt, now, 'pending']);
    return { id, status: 'pending', retryAfterSeconds: answer.retryAfterSeconds, checkedAt: now.toISOString() };
  }
  const result = resultOf(answer, payer?.inNetwork ?? null);
  const resultSealed = await deps.cipher.seal(JSON.stringify(result), `eligibility_checks:${id}:result`);
  // Two polls racing: the first answer stored wins and both return it.
  await deps.db.query(
    `UPDATE eligibility_checks SET status = $2, result_sealed = $3, attempts = attempts + 1, retry_at = NULL, checked_at = $4
      WHERE id = $1 AND status = 'pending'`,
    [id, answer.status, resultSealed, now],
  );
  return getEligibilityCheck(deps, id);
}
