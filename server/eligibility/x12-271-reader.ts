/**
 * Reads an X12 005010X279A1 271 (for clearinghouses that answer in EDI) into the same JSON shape
 * the JSON clearinghouse API uses, so one mapping (src/domain/eligibility-benefits.ts) serves both.
 * Parsing (envelopes, separators, segments) is node-x12's; this file only walks the 271's loops.
 * Node only: node-x12 needs Node streams.
 */
import { X12Interchange, X12Parser, type X12Segment } from 'node-x12';
import type { BenefitEntry, BenefitRelatedEntity, EligibilityResponseDocument, RejectionEntry } from '../../src/domain/eligibility-benefits.js';

export class X12ReadError extends Error {
  override readonly name = 'X12ReadError';
}

/** AAA04 follow-up action codes, worded as the JSON API words them. */
const FOLLOW_UP: Readonly<Record<string, string>> = {
  C: 'Please Correct and Resubmit',
  N: 'Resubmission Not Allowed',
  P: 'Please Resubmit Original Transaction',
  R: 'Resubmission Allowed',
  S: 'Do Not Resubmit; Inquiry Initiated to a Third Party',
  W: 'Please Wait 30 Days and Resubmit',
  X: 'Please Wait 10 Days and Resubmit',
  Y: 'Do Not Resubmit; We Will Hand Deliver a Response',
};

/** HL03 levels of the 271: information source, receiver, subscriber, dependent. */
const LEVEL_LOOPS: Readonly<Record<string, string>> = { '20': '2100A', '21': '2100B', '22': '2100C', '23': '2100D' };

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends ReadonlyArray<infer U> | undefined ? U[] : T[K] };

const values = (segment: X12Segment): string[] => segment.elements.map((element) => element.value ?? '');
const present = (value: string | undefined): string | undefined => (value === undefined || value === '' ? undefined : value);

/** Parse one 271 interchange. Throws X12ReadError when it is not one. */
export function read271(edi: string): EligibilityResponseDocument {
  const text = edi.trim();
  if (!text.startsWith('ISA')) throw new X12ReadError('Not an X12 interchange (no ISA segment).');
  // ISA is fixed width: ISA11 (character 83) is the repetition separator that splits EB03's service types.
  const repetition = text.charAt(82);
  let interchange: X12Interchange;
  try {
    const parsed = new X12Parser(true).parse(text);
    if (!(parsed instanceof X12Interchange)) throw new X12ReadError('Expected one interchange.');
    interchange = parsed;
  } catch (error) {
    throw error instanceof X12ReadError ? error : new X12ReadError(`The 271 could not be parsed: ${(error as Error).message}`);
  }
  const transaction = interchange.functionalGroups[0]?.transactions[0];
  if (!transaction || transaction.header.elements[0]?.value !== '271') throw new X12ReadError('The interchange holds no 271 transaction.');

  const benefits: Array<Mutable<BenefitEntry>> = [];
  const errors: RejectionEntry[] = [];
  const planDates: { planBegin?: string; planEnd?: string; plan?: string; eligibilityBegin?: string; eligibility?: string } = {};
  let loop = '2000A';
  let currentBenefit: Mutable<BenefitEntry> | undefined;
  let currentEntity: Mutable<BenefitRelatedEntity> | undefined;
  let inRelatedEntity = false;
  let payerName: string | undefined;
  let memberId: string | undefined;
  let controlNumber: string | undefined;

  for (const segment of transaction.segments) {
    const [e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, e11, e12] = values(segment);
    switch (segment.tag) {
      case 'HL':
        loop = LEVEL_LOOPS[e3 ?? ''] ?? loop;
        currentBenefit = undefined;
        break;
      case 'TRN':
        controlNumber ??= present(e2);
        break;
      case 'NM1':
        if (inRelatedEntity && currentBenefit) {
          currentEntity = { entityIdentifier: e1, ...(present(e2) ? { entityType: e2 === '1' ? 'Person' : 'Non-Person Entity' } : {}) };
          const name = [e3, e4].filter(Boolean).join(' ');
          if (name) currentEntity.entityName = name;
          if (present(e9)) currentEntity.entityIdentificationValue = e9;
          (currentBenefit.benefitsRelatedEntities ??= []).push(currentEntity);
        } else if (e1 === 'PR') {
          payerName = present(e3);
        } else if (e1 === 'IL') {
          memberId = present(e9);
        }
        break;
      case 'PER':
        if (inRelatedEntity && currentEntity) {
          const contacts: Array<{ communicationMode: string; communicationNumber: string }> = [];
          for (const [mode, number] of [
            [e3, e4],
            [e5, e6],
            [e7, e8],
          ]) {
            if (mode && number) contacts.push({ communicationMode: mode, communicationNumber: number });
          }
          currentEntity.contactInformation = { ...(present(e2) ? { name: e2 } : {}), contacts };
        }
        break;
      case 'DTP':
        if (!currentBenefit) {
          const value = present(e3);
          if (e1 === '346') planDates.planBegin = value;
          if (e1 === '347') planDates.planEnd = value;
          if (e1 === '291') planDates.plan = value;
          if (e1 === '356') planDates.eligibilityBegin = value;
          if (e1 === '307') planDates.eligibility = value;
        }
        break;
      case 'EB': {
        const entry: Mutable<BenefitEntry> = { code: e1 ?? '' };
        if (present(e2)) entry.coverageLevelCode = e2;
        if (present(e3)) entry.serviceTypeCodes = (e3 ?? '').split(repetition).filter(Boolean);
        if (present(e4)) entry.insuranceTypeCode = e4;
        if (present(e5)) entry.planCoverage = e5;
        if (present(e6)) entry.timeQualifierCode = e6;
        if (present(e7)) entry.benefitAmount = e7;
        if (present(e8)) entry.benefitPercent = e8;
        if (present(e9)) entry.quantityQualifierCode = e9;
        if (present(e10)) entry.benefitQuantity = e10;
        if (present(e11)) entry.authOrCertIndicator = e11;
        if (present(e12)) entry.inPlanNetworkIndicatorCode = e12;
        benefits.push(entry);
        currentBenefit = entry;
        currentEntity = undefined;
        break;
      }
      case 'MSG':
        if (currentBenefit && present(e1)) (currentBenefit.additionalInformation ??= []).push({ description: e1 });
        break;
      case 'LS':
        inRelatedEntity = true;
        break;
      case 'LE':
        inRelatedEntity = false;
        currentEntity = undefined;
        break;
      case 'AAA':
        errors.push({
          field: 'AAA',
          code: e3 ?? '',
          ...(present(e4) ? { followupAction: FOLLOW_UP[e4 ?? ''] ?? e4 } : {}),
          location: `Loop ${currentBenefit ? loop.replace('2100', '2110') : loop}`,
        });
        break;
      default:
        break;
    }
  }

  return {
    ...(controlNumber ? { controlNumber } : {}),
    ...(Object.keys(planDates).length ? { planDateInformation: planDates } : {}),
    ...(benefits.length ? { benefitsInformation: benefits } : {}),
    ...(errors.length ? { errors } : {}),
    ...(memberId ? { subscriber: { memberId } } : {}),
    ...(payerName ? { payer: { name: payerName } } : {}),
  };
}
