/**
 * What the screener tells a person at the end: never a diagnosis, never an ASAM placement, only which
 * conversation to have next. The thresholds are the center's (clinical leadership sets them); the
 * defaults below are documented starting points, not clinical advice.
 */
import type { InstrumentScore, SafetyLevel } from './instruments.js';

/** `iop-fit`: "your answers suggest IOP may be a fit; a clinician will confirm". */
export type ScreeningResult = 'iop-fit' | 'withdrawal-evaluation' | 'higher-level' | 'get-help-now';

/** Withdrawal-risk history as the person answered it; `unsure` counts as a "yes" for safety. */
export type YesNoUnsure = 'yes' | 'no' | 'unsure';
export interface WithdrawalHistory {
  /** Ever had a seizure or delirium tremens (DTs) when stopping or cutting down alcohol or sedatives. */
  seizuresOrDts?: YesNoUnsure;
  /** In the past month: shakes, sweats, sickness or hallucinations when stopping or cutting down. */
  recentSymptoms?: YesNoUnsure;
  /** Uses alcohol, benzodiazepines or opioids every day. */
  dailyUse?: YesNoUnsure;
}

export interface ResultThresholds {
  /** PHQ-9 item 9 at or above this also means "please get help now"; null leaves it to ASQ acuity alone. */
  getHelpNowPhq9Item9: number | null;
  /** Withdrawal: which answers count. */
  withdrawalOnSeizuresOrDts: boolean;
  withdrawalOnRecentSymptoms: boolean;
  withdrawalOnDailyUse: boolean;
  /** AUDIT item 6 ("first drink in the morning") at or above this score; 3 = weekly. Null: ignore. */
  withdrawalAuditMorningDrink: number | null;
  /** Totals at or above which a more intensive level of care may be worth discussing; null: ignore. */
  higherLevelAudit: number | null;
  higherLevelDast10: number | null;
  higherLevelPhq9: number | null;
  higherLevelGad7: number | null;
  /** A non-acute positive safety screen suggests talking about more support than IOP. */
  higherLevelOnSafetyConcern: boolean;
}

/**
 * Defaults: AUDIT zone IV (>= 20, WHO: "referral to specialist for diagnostic evaluation and treatment"),
 * DAST-10 "severe" (>= 9), PHQ-9 "severe" (>= 20); GAD-7 alone does not change the level of care.
 * Any seizure/DT history, recent withdrawal symptoms or weekly morning drinking calls for a medical
 * evaluation first (DOMAIN.md: complicated withdrawal needs medical withdrawal management).
 */
export const defaultResultThresholds: ResultThresholds = {
  getHelpNowPhq9Item9: null,
  withdrawalOnSeizuresOrDts: true,
  withdrawalOnRecentSymptoms: true,
  withdrawalOnDailyUse: false,
  withdrawalAuditMorningDrink: 3,
  higherLevelAudit: 20,
  higherLevelDast10: 9,
  higherLevelPhq9: 20,
  higherLevelGad7: null,
  higherLevelOnSafetyConcern: true,
};

export interface ResultInput {
  scores: readonly InstrumentScore[];
  safety: SafetyLevel;
  /** Raw item answers, for item-level rules (PHQ-9 item 9, AUDIT item 6). */
  answers: Readonly<Record<string, number | undefined>>;
  withdrawal: WithdrawalHistory;
}

export interface ResultOutcome {
  result: ScreeningResult;
  /** The submission is flagged for same-day follow-up. */
  urgent: boolean;
  /** Which rules fired, for staff and tests; codes only, no answers. */
  reasons: string[];
}

/** Reads a center's thresholds (JSON from an attribute); unknown keys and wrong types fall back to the defaults. */
export function parseResultThresholds(json: string | null | undefined): ResultThresholds {
  if (!json) return defaultResultThresholds;
  let given: unknown;
  try {
    given = JSON.parse(json);
  } catch {
    return defaultResultThresholds;
  }
  if (!given || typeof given !== 'object') return defaultResultThresholds;
  const merged: Record<string, unknown> = { ...defaultResultThresholds };
  for (const [key, fallback] of Object.entries(defaultResultThresholds)) {
    const value = (given as Record<string, unknown>)[key];
    const ok = typeof fallback === 'boolean' ? typeof value === 'boolean' : value === null || (typeof value === 'number' && Number.isFinite(value));
    if (ok) merged[key] = value;
  }
  return merged as unknown as ResultThresholds;
}

const atLeast = (value: number | undefined, threshold: number | null) => threshold !== null && value !== undefined && value >= threshold;
const counts = (answer: YesNoUnsure | undefined, enabled: boolean) => enabled && (answer === 'yes' || answer === 'unsure');

/** The most urgent rule wins: get help now, then withdrawal, then a higher level, else IOP may be a fit. */
export function screeningResult(input: ResultInput, thresholds: ResultThresholds = defaultResultThresholds): ResultOutcome {
  const total = (id: InstrumentScore['instrument']) => input.scores.find((score) => score.instrument === id)?.total;
  const urgent = input.safety !== 'none';

  const helpNow = [
    input.safety === 'acute' && 'asq-acute',
    atLeast(input.answers['phq-9-9'], thresholds.getHelpNowPhq9Item9) && 'phq-9-item-9',
  ].filter((reason): reason is string => Boolean(reason));
  if (helpNow.length) return { result: 'get-help-now', urgent: true, reasons: helpNow };

  const withdrawal = [
    counts(input.withdrawal.seizuresOrDts, thresholds.withdrawalOnSeizuresOrDts) && 'withdrawal-seizures-or-dts',
    counts(input.withdrawal.recentSymptoms, thresholds.withdrawalOnRecentSymptoms) && 'withdrawal-recent-symptoms',
    counts(input.withdrawal.dailyUse, thresholds.withdrawalOnDailyUse) && 'withdrawal-daily-use',
    atLeast(input.answers['audit-6'], thresholds.withdrawalAuditMorningDrink) && 'audit-morning-drink',
  ].filter((reason): reason is string => Boolean(reason));
  if (withdrawal.length) return { result: 'withdrawal-evaluation', urgent, reasons: withdrawal };

  const higher = [
    atLeast(total('audit'), thresholds.higherLevelAudit) && 'audit-total',
    atLeast(total('dast-10'), thresholds.higherLevelDast10) && 'dast-10-total',
    atLeast(total('phq-9'), thresholds.higherLevelPhq9) && 'phq-9-total',
    atLeast(total('gad-7'), thresholds.higherLevelGad7) && 'gad-7-total',
    thresholds.higherLevelOnSafetyConcern && input.safety === 'concern' && 'safety-concern',
  ].filter((reason): reason is string => Boolean(reason));
  if (higher.length) return { result: 'higher-level', urgent, reasons: higher };

  return { result: 'iop-fit', urgent, reasons: [] };
}
