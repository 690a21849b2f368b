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
import { evaluate, instrumentSetOfAnswers, invalidItemAnswers, type IntakeAnswers } from '../../src/domain/intake-flow.js';
import { checkMemberId } from '../../src/domain/member-id.js';
import { questionnaireResponse, questionnaireResponseProblems } from '../../src/domain/questionnaire-response.js';
import { parseResultThresholds, type ResultThresholds } from '../../src/domain/screening-result.js';
import type { EligibilityAnswer } from '../eligibility/eligibility-provider.js';
import { invalidField, notFound, ProblemError } from '../http/problem.js';
import { enqueueJob } from '../jobs/job-queue.js';
import { newReferenceCode } from '../../src/domain/reference-code.js';
import { newRecordId } from '../security/secrets.js';
import { findPayer } from './center-catalog.js';
import type { ServiceDeps } from './service-deps.js';

/** Which of the browser's conclusions the server's own recomputation contradicts: names only, never values. */
function disagreements(sent: IntakeRequest, own: { scores: IntakeRequest['scores']; result: IntakeRequest['result']; urgent: boolean }): number {
  const byInstrument = (scores: IntakeRequest['scores']) => JSON.stringify([...scores].sort((a, b) => (a.instrument < b.instrument ? -1 : 1)));
  return [sent.urgent !== own.urgent, sent.result !== own.result, byInstrument(sent.scores) !== byInstrument(own.scores)].filter(Boolean).length;
}

/**
 * The browser's scores, bands, safety and withdrawal flags and result are advice: the server
 * recomputes them from the answers with the same domain code and stores its own, with a
 * QuestionnaireResponse it writes from those answers once the one sent has been checked against
 * the instruments it knows. A forged `urgent: false` beside a positive safety answer is stored urgent.
 */
export async function createIntake(deps: ServiceDeps, sent: IntakeRequest): Promise<IntakeReceipt> {
  // The domain reads answers as the screener holds them: null and booleans are no answer there.
  const answers: IntakeAnswers = Object.fromEntries(
    Object.entries(sent.answers).filter((entry): entry is [string, string | number | string[]] => entry[1] !== null && typeof entry[1] !== 'boolean'),
  );
  const badAnswers = invalidItemAnswers(answers);
  const responseProblems = questionnaireResponseProblems(sent.questionnaireResponse);
  if (badAnswers.length || responseProblems.length) {
    throw new ProblemError({
      status: 422,
      code: 'validation',
      detail: 'Some fields need attention.',
      errors: [
        ...badAnswers.map((key) => ({ pointer: `/answers/${key}`, detail: 'Not one of the answers to this question.' })),
        ...responseProblems.map((problem) => ({ pointer: `/questionnaireResponse${problem.pointer}`, detail: problem.detail })),
      ].slice(0, 20),
    });
  }
  const set = instrumentSetOfAnswers(answers);
  // The center's saved thresholds when an admin set them (console > settings > screener); else what the widget sent.
  const [saved] = await deps.db.query<{ screener: { thresholds: ResultThresholds } | null }>('SELECT screener FROM center WHERE id = 1');
  const thresholds = saved?.screener ? saved.screener.thresholds : parseResultThresholds(sent.thresholds ? JSON.stringify(sent.thresholds) : undefined);
  const own = evaluate(set, answers, thresholds);
  const differing = disagreements(sent, own);
  if (differing > 0) deps.report({ event: 'intake-recomputed', disagreements: differing });
  const authored = typeof sent.questionnaireResponse.authored === 'string' ? new Date(sent.questionnaireResponse.authored) : deps.now();
  const numeric = Object.fromEntries(Object.entries(answers).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
  const request: IntakeRequest = {
    ...sent,
    urgent: own.urgent,
    result: own.result,
    scores: own.scores,
    questionnaireResponse: questionnaireResponse({ set, answers: numeric, scores: own.scores, locale: sent.locale, authored }),
  };
  const id = newRecordId();
  const reference = newReferenceCode();
  const now = deps.now();
  const sealed = await deps.cipher.seal(JSON.stringify(request), `intakes:${id}`);
  await deps.db.transaction(async (tx) => {
    await tx.query('INSERT INTO intakes (id, reference, sealed, created_at) VALUES ($1, $2, $3, $4)', [id, reference, sealed, now]);
    await deps.notifier.notify({ type: 'intake.created', id }, tx);
  });
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
  await deps.db.transaction(async (tx) => {
    await tx.query('INSERT INTO callback_requests (id, reference, sealed, created_at) VALUES ($1, $2, $3, $4)', [id, reference, sealed, deps.now()]);
    await deps.notifier.notify({ type: 'callback-request.created', id }, tx);
  });
  return { id, reference, status: 'received' };
}

/** What is sealed in result_sealed once the payer answered. `staffNote` is for staff only. */
interface EligibilityResult {
  outcome: NonNullable<EligibilityCheck['outcome']>;
  coverage?: Coverage;
  correction?: EligibilityCheck['correction'];
  staffNote?: string;
}

function resultOf(answer: Exclude<EligibilityAnswer, { status: 'pending' }>, inNetwork: boolean | null): EligibilityResult {
  const forStaff = answer.staffNote ? { staffNote: answer.staffNote } : {};
  if (answer.status === 'callback') return { outcome: answer.outcome, ...forStaff };
  const correction = answer.correction ? { correction: answer.correction } : {};
  if (!answer.coverage) return { outcome: answer.outcome, ...correction, ...forStaff };
  // Network status is the center's contract list, never the payer's EB12 flag.
  return { outcome: answer.outcome, coverage: { ...answer.coverage, inNetwork }, ...correction, ...forStaff };
}

/** The widget's view of a result: the staff note stays on the server. */
function publicResult({ staffNote: _forStaffOnly, ...result }: EligibilityResult): Omit<EligibilityResult, 'staffNote'> {
  return result;
}

export interface EligibilityReply {
  readonly check: EligibilityCheck;
  readonly pending: boolean;
}

const memberIdDetails = {
  empty: 'Enter the member ID from the card.',
  characters: 'Use only the letters and digits on the card.',
  'too-short': 'This member ID is too short.',
  'too-long': 'This member ID is too long.',
  'mbi-format': 'A Medicare number has 11 characters, like 1EG4-TE5-MK73, and never the letters S, L, O, I, B or Z.',
  'bcbs-prefix': 'A Blue Cross Blue Shield ID starts with the 3-character prefix on the card.',
} as const;

export async function createEligibilityCheck(deps: ServiceDeps, sent: EligibilityRequest): Promise<EligibilityReply> {
  const payer = sent.payerId === undefined ? null : await findPayer(deps.db, sent.payerId);
  if (sent.payerId !== undefined && !payer) throw invalidField('/payerId', 'Choose an insurer from the list, or type its name.');
  if (sent.payerId === undefined && sent.payerName === undefined) throw invalidField('/payerId', 'Choose or type an insurer.');
  // The payer's member-id rule, as the widget checks it (README: "the server checks again").
  const memberId = checkMemberId(sent.memberId, payer?.memberIdRule ?? 'generic');
  if (!memberId.ok) throw invalidField('/memberId', memberIdDetails[memberId.problem]);
  const request: EligibilityRequest = { ...sent, memberId: memberId.value };

  const id = newRecordId();
  const now = deps.now();
  const answer = await deps.eligibility.inquire({ request, payer, attempt: 1 });
  const requestSealed = await deps.cipher.seal(JSON.stringify(request), `eligibility_checks:${id}:request`);
  if (answer.status === 'pending') {
    const retryAt = new Date(now.getTime() + answer.retryAfterSeconds * 1000);
    await deps.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO eligibility_checks (id, status, request_sealed, attempts, retry_at, checked_at, created_at)
         VALUES ($1, 'pending', $2, 1, $3, $4, $4)`,
        [id, requestSealed, retryAt, now],
      );
      // The payer is asked again by this job, on whichever instance claims it: once per attempt.
      await enqueueJob(tx, { kind: ELIGIBILITY_POLL_JOB, payload: { checkId: id }, runAt: retryAt, uniqueKey: eligibilityPollKey(id) }, now);
      await deps.notifier.notify({ type: 'eligibility-check.created', id }, tx);
    });
    return { pending: true, check: { id, status: 'pending', retryAfterSeconds: answer.retryAfterSeconds, checkedAt: now.toISOString() } };
  }
  const result = resultOf(answer, payer?.inNetwork ?? null);
  const resultSealed = await deps.cipher.seal(JSON.stringify(result), `eligibility_checks:${id}:result`);
  await deps.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO eligibility_checks (id, status, request_sealed, result_sealed, checked_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $5)`,
      [id, answer.status, requestSealed, resultSealed, now],
    );
    await deps.notifier.notify({ type: 'eligibility-check.created', id }, tx);
  });
  return { pending: false, check: { id, status: answer.status, ...publicResult(result), checkedAt: now.toISOString() } };
}

interface CheckRow {
  status: EligibilityCheck['status'];
  request_sealed: string;
  result_sealed: string | null;
  attempts: number;
  retry_at: Date | null;
  checked_at: Date;
}

export const ELIGIBILITY_POLL_JOB = 'eligibility.poll';
export const eligibilityPollKey = (checkId: string) => `${ELIGIBILITY_POLL_JOB}:${checkId}`;

function checkFromRow(id: string, row: CheckRow, result: EligibilityResult | undefined, now: Date): EligibilityCheck {
  if (result) return { id, status: row.status, ...publicResult(result), checkedAt: row.checked_at.toISOString() };
  const waitMs = (row.retry_at?.getTime() ?? 0) - now.getTime();
  return { id, status: 'pending', retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), checkedAt: row.checked_at.toISOString() };
}

async function readCheck(deps: ServiceDeps, id: string): Promise<{ row: CheckRow; result: EligibilityResult | undefined } | undefined> {
  const [row] = await deps.db.query<CheckRow & Record<string, unknown>>(
    'SELECT status, request_sealed, result_sealed, attempts, retry_at, checked_at FROM eligibility_checks WHERE id = $1',
    [id],
  );
  if (!row) return undefined;
  const result = row.status === 'pending' ? undefined : (JSON.parse(await deps.cipher.open(row.result_sealed ?? '', `eligibility_checks:${id}:result`)) as EligibilityResult);
  return { row, result };
}

/**
 * Reading a pending check whose retry time has come runs its poll job here and now, so an answer
 * needs no background worker (the in-page backend has none); the job's claim is what keeps it to
 * one payer call per attempt however many readers and workers race. A poll another holds: ask soon.
 */
export async function getEligibilityCheck(deps: ServiceDeps, id: string): Promise<EligibilityCheck> {
  const read = await readCheck(deps, id);
  if (!read) throw notFound('There is no such eligibility check.');
  const now = deps.now();
  if (read.result || (read.row.retry_at?.getTime() ?? 0) > now.getTime()) return checkFromRow(id, read.row, read.result, now);
  await deps.jobs.runDue(eligibilityPollKey(id));
  const reread = await readCheck(deps, id);
  if (!reread) throw notFound('There is no such eligibility check.');
  return checkFromRow(id, reread.row, reread.result, deps.now());
}

/** The `eligibility.poll` job: asks the payer once more and stores the answer, or when to ask next. */
export async function pollEligibilityCheck(deps: ServiceDeps, id: string): Promise<{ again: Date } | undefined> {
  const read = await readCheck(deps, id);
  if (!read || read.result) return undefined;
  const now = deps.now();
  const request = JSON.parse(await deps.cipher.open(read.row.request_sealed, `eligibility_checks:${id}:request`)) as EligibilityRequest;
  const payer = request.payerId === undefined ? null : await findPayer(deps.db, request.payerId);
  const answer = await deps.eligibility.inquire({ request, payer, attempt: read.row.attempts + 1 });
  if (answer.status === 'pending') {
    const retryAt = new Date(now.getTime() + answer.retryAfterSeconds * 1000);
    await deps.db.query('UPDATE eligibility_checks SET attempts = attempts + 1, retry_at = $2, checked_at = $3 WHERE id = $1 AND status = $4', [id, retryAt, now, 'pending']);
    return { again: retryAt };
  }
  const result = resultOf(answer, payer?.inNetwork ?? null);
  const resultSealed = await deps.cipher.seal(JSON.stringify(result), `eligibility_checks:${id}:result`);
  await deps.db.query(
    `UPDATE eligibility_checks SET status = $2, result_sealed = $3, attempts = attempts + 1, retry_at = NULL, checked_at = $4
      WHERE id = $1 AND status = 'pending'`,
    [id, answer.status, resultSealed, now],
  );
  return undefined;
}
