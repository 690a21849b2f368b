/**
 * Reading an X12 271 eligibility answer (in the JSON shape clearinghouses such as Stedi map it to)
 * into what the insurance widget may tell a person, and what staff need to know.
 *
 * Rules from the 005010X279A1 guide and CAQH CORE, as DOMAIN.md summarises them:
 * - EB01 1-5 is active coverage, 6-8 inactive; A coinsurance, B copay, C deductible, G out of pocket,
 *   F limitations (visits), U "contact this other entity" (a carve-out), EB06 23 calendar year / 29 remaining.
 * - Behavioural-health figures come only from behavioural-health service types (CJ, AI, MH, CH...);
 *   deductible and out-of-pocket are plan-wide, so 30 (health benefit plan) may stand in for them.
 *   Coinsurance, copay and prior authorisation from 30 would describe office visits, not IOP: a
 *   missing one becomes "we'll confirm by phone", never a borrowed or zero figure.
 * - EB12 does not say whether this provider is in network; it is kept as the payer's statement only.
 *   The center's contract list picks which tier of benefits (in or out of network) applies.
 * - AAA03 reject reasons (X12 code list 901) that the person can fix send them back to that field;
 *   the rest become a call-back with the reason recorded for staff.
 * Pure: no I/O.
 */

/** One `benefitsInformation` entry: an EB segment with its 2110C/2120C details. */
export interface BenefitEntry {
  readonly code: string;
  readonly name?: string;
  readonly coverageLevelCode?: string;
  readonly serviceTypeCodes?: readonly string[];
  readonly insuranceTypeCode?: string;
  readonly planCoverage?: string;
  readonly timeQualifierCode?: string;
  readonly benefitAmount?: string;
  readonly benefitPercent?: string;
  readonly quantityQualifierCode?: string;
  readonly benefitQuantity?: string;
  readonly authOrCertIndicator?: string;
  readonly inPlanNetworkIndicatorCode?: string;
  readonly additionalInformation?: ReadonlyArray<{ readonly description?: string }>;
  readonly benefitsRelatedEntities?: readonly BenefitRelatedEntity[];
}

/** A 2120C loop: another entity tied to a benefit (a carve-out administrator, a PCP, another payer). */
export interface BenefitRelatedEntity {
  /** Stedi gives the name of NM101 ("Vendor"); an X12 reader gives its code ("VN"). Both are read. */
  readonly entityIdentifier?: string;
  readonly entityType?: string;
  readonly entityName?: string;
  readonly entityIdentificationValue?: string;
  readonly contactInformation?: {
    readonly name?: string;
    readonly contacts?: ReadonlyArray<{ readonly communicationMode?: string; readonly communicationNumber?: string }>;
  };
}

/** An AAA segment: a rejection with its reason (AAA03) and follow-up action (AAA04). */
export interface RejectionEntry {
  readonly field?: string;
  readonly code: string;
  readonly description?: string;
  readonly followupAction?: string;
  readonly location?: string;
}

interface PartyWithErrors {
  readonly memberId?: string;
  readonly aaaErrors?: readonly RejectionEntry[];
}

/** The parts of a clearinghouse's JSON 271 this module reads (Stedi's field names). */
export interface EligibilityResponseDocument {
  readonly controlNumber?: string;
  readonly tradingPartnerServiceId?: string;
  readonly planDateInformation?: {
    readonly planBegin?: string;
    readonly planEnd?: string;
    /** `YYYYMMDD-YYYYMMDD` or one date. */
    readonly plan?: string;
    readonly eligibilityBegin?: string;
    readonly eligibilityEnd?: string;
    readonly eligibility?: string;
  };
  readonly benefitsInformation?: readonly BenefitEntry[];
  readonly errors?: readonly RejectionEntry[];
  readonly subscriber?: PartyWithErrors;
  readonly dependents?: readonly PartyWithErrors[];
  readonly payer?: PartyWithErrors & { readonly name?: string };
  readonly provider?: PartyWithErrors;
}

export interface AmountLeft {
  totalCents: number;
  remainingCents: number;
}

/** Figures the widget could not get from the payer and will confirm by phone. */
export type ConfirmByPhone = 'deductible' | 'out-of-pocket' | 'cost-share' | 'prior-authorization';

/** What the payer's statement about networks (EB12) says; never the center's network status. */
export type PayerNetworkStatement = 'in-network' | 'out-of-network' | 'unknown' | 'not-applicable';

export interface BenefitsAdministrator {
  name: string;
  phone?: string;
}

/** Coverage as the payer reported it, without the center's network status (contract `Coverage`). */
export interface PayerBenefits {
  active: boolean;
  planName?: string;
  planBegin?: string;
  planEnd?: string;
  deductible?: AmountLeft;
  familyDeductible?: AmountLeft;
  outOfPocket?: AmountLeft;
  familyOutOfPocket?: AmountLeft;
  coinsurancePercent?: number;
  copayCents?: number;
  priorAuthorization: 'yes' | 'no' | 'unknown';
  visitLimit?: { visits: number; remaining?: number };
  payerNetworkStatement?: PayerNetworkStatement;
  behavioralHealthAdministrator?: BenefitsAdministrator;
  confirmByPhone?: ConfirmByPhone[];
  behavioralHealthDetails: boolean;
}

/** A field of the widget's member step that an AAA rejection points to. */
export type CorrectableField = 'member-id' | 'date-of-birth' | 'name';

export type BenefitsReading =
  | { kind: 'coverage'; outcome: 'active' | 'inactive' | 'details-missing'; coverage: PayerBenefits }
  | { kind: 'correction'; outcome: 'correction-needed' | 'not-found'; field: CorrectableField; staffNote: string }
  | { kind: 'callback'; outcome: 'payer-unavailable' | 'manual'; staffNote: string };

export interface ReadingOptions {
  /** Behavioural-health service type codes in order of preference; 30 is the plan-wide fallback. */
  readonly serviceTypeCodes: readonly string[];
  /** The center's contract status with this payer: picks the in- or out-of-network benefits. */
  readonly centerInNetwork: boolean | null;
}

/** Service types asked for when a payer has no list of its own: IOP has no code of its own. */
export const DEFAULT_SERVICE_TYPE_CODES: readonly string[] = ['CJ', 'AI', 'MH', 'CH', '30'];

const PLAN_WIDE = '30';
const ACTIVE_CODES = new Set(['1', '2', '3', '4', '5']);
const INACTIVE_CODES = new Set(['6', '7', '8']);
const FAMILY_LEVELS = new Set(['FAM', 'ECH', 'ESP', 'SPC', 'DEP', 'CHD']);
/** EB06 periods whose amount is the full figure: 21 years, 22 service year, 23 calendar year, 25 contract. */
const TOTAL_PERIODS = new Set(['21', '22', '23', '25']);
const REMAINING_PERIOD = '29';
const YEAR_TO_DATE_PERIOD = '24';
/** NM101 of administrators a behavioural-health benefit can be carved out to, as codes and as names. */
const ADMINISTRATOR_ENTITIES = new Set(
  ['VN', 'vendor', 'Y2', 'managed care organization', 'X3', 'utilization management organization', 'PR', 'payer', 'TV', 'third party administrator', '13', 'contracted service provider'].map(
    (value) => value.toLowerCase(),
  ),
);

// AAA03 (code list 901) reasons a person can correct, by the field to correct.
const MEMBER_ID_REASONS = new Set(['64', '68', '72', '76', '78']);
const NOT_FOUND_REASONS = new Set(['67', '75']);
const BIRTH_DATE_REASONS = new Set(['58', '60', '69', '71']);
const NAME_REASONS = new Set(['65', '73', '77']);
/** 42 unable to respond now, 80 no response received: the payer's side, not the person's. */
const PAYER_DOWN_REASONS = new Set(['42', '80']);

function toCents(amount: string | undefined): number | undefined {
  if (amount === undefined || amount.trim() === '') return undefined;
  const value = Number(amount);
  return Number.isFinite(value) && value >= 0 ? Math.round(value * 100) : undefined;
}

/** EB08 is a decimal fraction (0.2 = 20%); some payers send 20 instead, which is read as percent. */
function toPercent(fraction: string | undefined): number | undefined {
  if (fraction === undefined || fraction.trim() === '') return undefined;
  const value = Number(fraction);
  if (!Number.isFinite(value) || value < 0 || value > 100) return undefined;
  return Math.round((value <= 1 ? value * 100 : value) * 100) / 100;
}

function toWhole(quantity: string | undefined): number | undefined {
  if (quantity === undefined) return undefined;
  const value = Number(quantity);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** `20260101` to `2026-01-01`; anything else is dropped rather than guessed. */
function isoDate(value: string | undefined): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value?.trim() ?? '');
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

function planDates(document: EligibilityResponseDocument): { planBegin?: string; planEnd?: string } {
  const info = document.planDateInformation ?? {};
  const [rangeBegin, rangeEnd] = (info.plan ?? info.eligibility ?? '').split('-');
  const planBegin = isoDate(info.planBegin) ?? isoDate(rangeBegin) ?? isoDate(info.eligibilityBegin);
  const planEnd = isoDate(info.planEnd) ?? isoDate(rangeEnd) ?? isoDate(info.eligibilityEnd);
  return { ...(planBegin ? { planBegin } : {}), ...(planEnd ? { planEnd } : {}) };
}

function rejections(document: EligibilityResponseDocument): RejectionEntry[] {
  return [
    ...(document.errors ?? []),
    ...(document.payer?.aaaErrors ?? []),
    ...(document.provider?.aaaErrors ?? []),
    ...(document.subscriber?.aaaErrors ?? []),
    ...(document.dependents ?? []).flatMap((dependent) => dependent.aaaErrors ?? []),
  ];
}

function describeRejection(rejection: RejectionEntry): string {
  const parts = [`AAA ${rejection.code}`, rejection.description, rejection.followupAction && `follow-up: ${rejection.followupAction}`, rejection.location];
  return parts.filter(Boolean).join('; ');
}

/** The first rejection decides: a person-fixable one wins over a call-back if both are present. */
export function readRejections(found: readonly RejectionEntry[]): BenefitsReading | undefined {
  if (found.length === 0) return undefined;
  const staffNote = found.map(describeRejection).join(' | ');
  const fixable = found.find(
    (rejection) => MEMBER_ID_REASONS.has(rejection.code) || NOT_FOUND_REASONS.has(rejection.code) || BIRTH_DATE_REASONS.has(rejection.code) || NAME_REASONS.has(rejection.code),
  );
  if (fixable) {
    const code = fixable.code;
    if (NOT_FOUND_REASONS.has(code)) return { kind: 'correction', outcome: 'not-found', field: 'member-id', staffNote };
    const field: CorrectableField = MEMBER_ID_REASONS.has(code) ? 'member-id' : BIRTH_DATE_REASONS.has(code) ? 'date-of-birth' : 'name';
    return { kind: 'correction', outcome: 'correction-needed', field, staffNote };
  }
  const payerDown = found.some((rejection) => PAYER_DOWN_REASONS.has(rejection.code));
  return { kind: 'callback', outcome: payerDown ? 'payer-unavailable' : 'manual', staffNote };
}

const isFamily = (entry: BenefitEntry) => FAMILY_LEVELS.has(entry.coverageLevelCode ?? '');

/** The benefits of the tier that applies: in network when the center is (or may be), out of network when it is not. */
function tierApplies(entry: BenefitEntry, centerInNetwork: boolean | null): boolean {
  const flag = entry.inPlanNetworkIndicatorCode;
  if (flag === undefined || flag === 'W' || flag === 'U') return true;
  return centerInNetwork === false ? flag === 'N' : flag === 'Y';
}

function networkStatement(flag: string | undefined): PayerNetworkStatement | undefined {
  switch (flag) {
    case 'Y':
      return 'in-network';
    case 'N':
      return 'out-of-network';
    case 'U':
      return 'unknown';
    case 'W':
      return 'not-applicable';
    default:
      return undefined;
  }
}

/** Entries of one benefit code for the first service type that has any, in order of preference. */
function entriesFor(entries: readonly BenefitEntry[], code: string, serviceTypes: readonly string[]): BenefitEntry[] {
  for (const serviceType of serviceTypes) {
    const found = entries.filter(
      (entry) => entry.code === code && (entry.serviceTypeCodes?.includes(serviceType) || (serviceType === PLAN_WIDE && !entry.serviceTypeCodes?.length)),
    );
    if (found.length) return found;
  }
  return [];
}

/** Total and remaining from 23 (or another full period) and 29; 24 (year to date) gives remaining by difference. */
function amountLeft(entries: readonly BenefitEntry[]): AmountLeft | undefined {
  const total = entries.find((entry) => TOTAL_PERIODS.has(entry.timeQualifierCode ?? ''));
  const remaining = entries.find((entry) => entry.timeQualifierCode === REMAINING_PERIOD);
  const yearToDate = entries.find((entry) => entry.timeQualifierCode === YEAR_TO_DATE_PERIOD);
  const totalCents = toCents(total?.benefitAmount);
  if (totalCents === undefined) return undefined;
  const remainingCents = toCents(remaining?.benefitAmount) ?? (yearToDate ? totalCents - (toCents(yearToDate.benefitAmount) ?? totalCents) : undefined);
  if (remainingCents === undefined) return undefined;
  return { totalCents, remainingCents: Math.max(0, Math.min(totalCents, remainingCents)) };
}

function administratorOf(entries: readonly BenefitEntry[]): BenefitsAdministrator | undefined {
  for (const entry of entries) {
    for (const entity of entry.benefitsRelatedEntities ?? []) {
      const identifier = entity.entityIdentifier?.toLowerCase().replace(/-/g, ' ') ?? '';
      if (!entity.entityName || (entry.code !== 'U' && !ADMINISTRATOR_ENTITIES.has(identifier))) continue;
      const phone = entity.contactInformation?.contacts?.find((contact) => /^(TE|telephone)$/i.test(contact.communicationMode ?? ''))?.communicationNumber;
      return { name: entity.entityName.slice(0, 200), ...(phone ? { phone } : {}) };
    }
  }
  return undefined;
}

/** The 271 read for one person: coverage, a field to correct, or a call-back with the reason for staff. */
export function readBenefits(document: EligibilityResponseDocument, options: ReadingOptions): BenefitsReading {
  const all = document.benefitsInformation ?? [];
  const status = all.find((entry) => ACTIVE_CODES.has(entry.code)) ?? all.find((entry) => INACTIVE_CODES.has(entry.code));
  const rejected = readRejections(rejections(document));
  // A rejection without any coverage status is the whole answer; a stray one beside a status is not.
  if (rejected && !status) return rejected;
  if (!status) return { kind: 'callback', outcome: 'manual', staffNote: 'The payer answered without an active or inactive coverage status (EB01 1-8).' };

  const dates = planDates(document);
  if (!ACTIVE_CODES.has(status.code)) {
    return { kind: 'coverage', outcome: 'inactive', coverage: { active: false, ...dates, priorAuthorization: 'unknown', behavioralHealthDetails: false } };
  }

  const behavioral = options.serviceTypeCodes.filter((code) => code !== PLAN_WIDE);
  const withPlanWide = [...behavioral, PLAN_WIDE];
  const applicable = all.filter((entry) => tierApplies(entry, options.centerInNetwork));
  const behavioralEntries = applicable.filter((entry) => entry.serviceTypeCodes?.some((code) => behavioral.includes(code)));
  const individual = applicable.filter((entry) => !isFamily(entry));
  const family = applicable.filter(isFamily);

  const administrator = administratorOf(all.filter((entry) => entry.serviceTypeCodes?.some((code) => behavioral.includes(code))));
  // Carved out: the behavioural-health figures belong to the administrator, whom staff will call.
  const carvedOut = administrator !== undefined;
  const costEntries = carvedOut ? [] : behavioralEntries;

  // The medical plan's deductible and out-of-pocket need not apply to a carved-out benefit either.
  const planAmount = (entries: readonly BenefitEntry[], code: string) => (carvedOut ? undefined : amountLeft(entriesFor(entries, code, withPlanWide)));
  const deductible = planAmount(individual, 'C');
  const familyDeductible = planAmount(family, 'C');
  const outOfPocket = planAmount(individual, 'G');
  const familyOutOfPocket = planAmount(family, 'G');
  const coinsurancePercent = toPercent(entriesFor(costEntries, 'A', behavioral)[0]?.benefitPercent);
  const copayCents = toCents(entriesFor(costEntries, 'B', behavioral)[0]?.benefitAmount);
  const authFlags = costEntries.map((entry) => entry.authOrCertIndicator).filter((flag) => flag === 'Y' || flag === 'N');
  const priorAuthorization = authFlags.includes('Y') ? 'yes' : authFlags.includes('N') ? 'no' : 'unknown';
  const visitEntries = entriesFor(costEntries, 'F', behavioral).filter((entry) => entry.quantityQualifierCode === 'VS');
  const visits = toWhole(visitEntries.find((entry) => entry.timeQualifierCode !== REMAINING_PERIOD)?.benefitQuantity);
  const visitsLeft = toWhole(visitEntries.find((entry) => entry.timeQualifierCode === REMAINING_PERIOD)?.benefitQuantity);
  const statement = networkStatement(
    [...costEntries, ...all.filter((entry) => entry.serviceTypeCodes?.some((code) => behavioral.includes(code)))].find((entry) => entry.inPlanNetworkIndicatorCode)
      ?.inPlanNetworkIndicatorCode,
  );

  const confirmByPhone: ConfirmByPhone[] = [];
  if (!deductible) confirmByPhone.push('deductible');
  if (!outOfPocket) confirmByPhone.push('out-of-pocket');
  if (coinsurancePercent === undefined && copayCents === undefined) confirmByPhone.push('cost-share');
  if (priorAuthorization === 'unknown') confirmByPhone.push('prior-authorization');

  const behavioralHealthDetails = costEntries.some((entry) => ['A', 'B', 'C', 'G', 'F'].includes(entry.code));
  const planName = status.planCoverage?.trim().slice(0, 200);
  const coverage: PayerBenefits = {
    active: true,
    ...(planName ? { planName } : {}),
    ...dates,
    ...(deductible ? { deductible } : {}),
    ...(familyDeductible ? { familyDeductible } : {}),
    ...(outOfPocket ? { outOfPocket } : {}),
    ...(familyOutOfPocket ? { familyOutOfPocket } : {}),
    ...(coinsurancePercent !== undefined ? { coinsurancePercent } : {}),
    ...(copayCents !== undefined ? { copayCents } : {}),
    priorAuthorization,
    ...(visits !== undefined ? { visitLimit: { visits, ...(visitsLeft !== undefined ? { remaining: Math.min(visits, visitsLeft) } : {}) } } : {}),
    ...(statement ? { payerNetworkStatement: statement } : {}),
    ...(administrator ? { behavioralHealthAdministrator: administrator } : {}),
    ...(confirmByPhone.length ? { confirmByPhone } : {}),
    behavioralHealthDetails,
  };
  // Nothing to estimate with and no one else to name: a call back is the honest answer.
  const nothingShared = !behavioralHealthDetails && !deductible && !outOfPocket && !carvedOut;
  return { kind: 'coverage', outcome: nothingShared ? 'details-missing' : 'active', coverage };
}
