// The clearinghouse provider against the STAND-IN clearinghouse over real HTTP on 127.0.0.1 (a fake of
// a network we cannot reach, answering from recorded 271 documents), the X12 reader against its JSON
// twin, and the configuration read from the environment.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { EligibilityRequest } from '../../src/api/schemas.js';
import { DEFAULT_SERVICE_TYPE_CODES, readBenefits, type EligibilityResponseDocument } from '../../src/domain/eligibility-benefits.js';
import { readServerConfig } from '../../server/config.js';
import { isValidNpi } from '../../server/eligibility/clearinghouse-config.js';
import { createClearinghouseEligibility, type ClearinghouseSettings } from '../../server/eligibility/clearinghouse-eligibility.js';
import type { EligibilityAnswer, PayerRecord } from '../../server/eligibility/eligibility-provider.js';
import { STAND_IN_MEMBERS } from '../../server/eligibility/stand-in-clearinghouse.js';
import { startStandInClearinghouse, type RunningStandIn } from '../../server/eligibility/stand-in-clearinghouse-server.js';
import { read271 } from '../../server/eligibility/x12-271-reader.js';
import { eligibilityRequest } from './support/fixtures.js';

const documents = new URL('../../server/eligibility/stand-in-documents/', import.meta.url);
const aetna: PayerRecord = { id: 'aetna', name: 'Aetna', inNetwork: true };
const API_KEY = 'stand-in-test-key';

/** The JSON 270 as the provider sent it. */
interface SentBody {
  controlNumber: string;
  tradingPartnerServiceId: string;
  provider: unknown;
  subscriber: unknown;
  dependents?: unknown;
  encounter: { serviceTypeCodes: string[]; dateOfService: string };
}

/** SE01 counts the segments from ST to SE: recount after a test edits a sample. */
function recount(edi: string): string {
  const segments = edi.split('~\n').filter(Boolean);
  const start = segments.findIndex((segment) => segment.startsWith('ST*'));
  const end = segments.findIndex((segment) => segment.startsWith('SE*'));
  segments[end] = segments[end]!.replace(/^SE\*\d+/, `SE*${end - start + 1}`);
  return `${segments.join('~\n')}~\n`;
}

interface Recorded {
  url: URL;
  method: string;
  body: unknown;
}

/** A fetch that records every request before passing it on. */
function recordingFetch(into: Recorded[]): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    into.push({ url, method: init?.method ?? 'GET', body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
    return fetch(input, init);
  }) as typeof fetch;
}

describe('clearinghouse provider against the stand-in clearinghouse over HTTP', () => {
  let standIn: RunningStandIn;
  const recorded: Recorded[] = [];
  let settings: ClearinghouseSettings;

  before(async () => {
    standIn = await startStandInClearinghouse({ apiKey: API_KEY, retryAfterSeconds: 1 });
    settings = {
      baseUrl: standIn.url,
      apiKey: API_KEY,
      providerNpi: '1999999984',
      providerName: 'Juniper Ridge Recovery',
      tradingPartnerIds: { aetna: '60054' },
      serviceTypeCodes: { cigna: ['MH', '30'] },
      timeoutMs: 300,
      maxAttempts: 2,
    };
  });
  after(() => standIn.close());

  const provider = () => createClearinghouseEligibility(settings, { fetch: recordingFetch(recorded), readX12: read271, now: () => new Date('2026-03-02T17:00:00Z') });
  const ask = async (memberId: string, attempts = 1, payer: PayerRecord = aetna, request: EligibilityRequest = eligibilityRequest(memberId)) => {
    const eligibility = provider();
    let answer: EligibilityAnswer = { status: 'pending', retryAfterSeconds: 1 };
    for (let attempt = 1; attempt <= attempts; attempt += 1) answer = await eligibility.inquire({ request, payer, attempt });
    return answer;
  };

  it('sends the JSON 270 with the documented field names', async () => {
    recorded.length = 0;
    await ask('IOPACTIVE01');
    const [sent] = recorded;
    assert.equal(sent?.method, 'POST');
    assert.equal(sent?.url.pathname, '/change/medicalnetwork/eligibility/v3');
    const body = sent?.body as SentBody;
    assert.match(body.controlNumber, /^\d{9}$/);
    assert.equal(body.tradingPartnerServiceId, '60054');
    assert.deepEqual(body.provider, { organizationName: 'Juniper Ridge Recovery', npi: '1999999984' });
    assert.deepEqual(body.subscriber, { memberId: 'IOPACTIVE01', firstName: 'Alex', lastName: 'Example', dateOfBirth: '19840517' });
    assert.deepEqual(body.encounter, { serviceTypeCodes: DEFAULT_SERVICE_TYPE_CODES, dateOfService: '20260302' });
    assert.equal(body.dependents, undefined);
  });

  it('asks about a dependent under the subscriber, with the payer’s own service types', async () => {
    recorded.length = 0;
    const child: EligibilityRequest = {
      ...eligibilityRequest('IOPACTIVE01'),
      relationship: 'child',
      subscriber: { firstName: 'Sam', lastName: 'Example', dateOfBirth: '1970-05-06' },
    };
    await ask('IOPACTIVE01', 1, { id: 'cigna', name: 'Cigna', inNetwork: true }, child);
    const body = recorded[0]?.body as SentBody;
    assert.equal(body.tradingPartnerServiceId, 'cigna');
    assert.deepEqual(body.subscriber, { memberId: 'IOPACTIVE01', firstName: 'Sam', lastName: 'Example', dateOfBirth: '19700506' });
    assert.deepEqual(body.dependents, [{ firstName: 'Alex', lastName: 'Example', dateOfBirth: '19840517' }]);
    assert.deepEqual(body.encounter.serviceTypeCodes, ['MH', '30']);
  });

  it('answers every recorded case', async () => {
    const outcome = (answer: EligibilityAnswer) => [answer.status, 'outcome' in answer ? answer.outcome : undefined, 'correction' in answer ? answer.correction : undefined];
    assert.deepEqual(outcome(await ask('IOPACTIVE01')), ['complete', 'active', undefined]);
    assert.deepEqual(outcome(await ask('IOPCARVEOUT01')), ['complete', 'active', undefined]);
    assert.deepEqual(outcome(await ask('IOPDEDMET01')), ['complete', 'active', undefined]);
    assert.deepEqual(outcome(await ask('IOPINACTIVE01')), ['complete', 'inactive', undefined]);
    assert.deepEqual(outcome(await ask('IOPNODETAIL01')), ['complete', 'details-missing', undefined]);
    assert.deepEqual(outcome(await ask('IOPBADID01')), ['complete', 'correction-needed', 'member-id']);
    assert.deepEqual(outcome(await ask('IOPBADDOB01')), ['complete', 'correction-needed', 'date-of-birth']);
    assert.deepEqual(outcome(await ask('IOPBADNAME01')), ['complete', 'correction-needed', 'name']);
    assert.deepEqual(outcome(await ask('SOMEONE-ELSE')), ['complete', 'not-found', 'member-id']);
    assert.deepEqual(outcome(await ask('IOPPAYERDOWN01')), ['callback', 'payer-unavailable', undefined]);
    assert.deepEqual(outcome(await ask('IOPX12ACTIVE01')), ['complete', 'active', undefined]);
    // Asynchronous: 202 with a Location, then the answer there.
    assert.deepEqual(await ask('IOPTIMEOUT01'), { status: 'pending', retryAfterSeconds: 1 });
    assert.deepEqual(outcome(await ask('IOPTIMEOUT01', 2)), ['complete', 'active', undefined]);
    assert.deepEqual(outcome(await ask('IOPDOWN01', 2)), ['callback', 'payer-unavailable', undefined]);
    // No answer at all: pending while tries are left, then a call back with the reason for staff.
    assert.deepEqual(await ask('IOPNOANSWER01'), { status: 'pending', retryAfterSeconds: 2 });
    const gaveUp = await ask('IOPNOANSWER01', 2);
    assert.deepEqual(outcome(gaveUp), ['callback', 'payer-unavailable', undefined]);
    assert.match((gaveUp as { staffNote: string }).staffNote, /timed out after 300 ms/);
    // Every member id of the stand-in's table was asked about.
    for (const memberId of Object.keys(STAND_IN_MEMBERS).filter((id) => id.startsWith('IOP'))) {
      assert.ok(recorded.some((request) => (request.body as { subscriber?: { memberId?: string } } | undefined)?.subscriber?.memberId === memberId), memberId);
    }
  });

  it('never sends anything to a host other than the configured clearinghouse', () => {
    assert.ok(recorded.length > 15, 'the cases above went through the recording fetch');
    const configured = new URL(standIn.url).origin;
    assert.deepEqual([...new Set(recorded.map((request) => request.url.origin))], [configured]);
    // A 202's Location never carries a member id either.
    for (const request of recorded.filter((entry) => entry.method === 'GET')) assert.doesNotMatch(request.url.href, /IOP|1EG4/);
  });

  it('a refused API key becomes a call back with the reason for staff', async () => {
    const refused = createClearinghouseEligibility({ ...settings, apiKey: 'wrong' }, { fetch: recordingFetch([]) });
    const answer = await refused.inquire({ request: eligibilityRequest('IOPACTIVE01'), payer: aetna, attempt: 1 });
    assert.deepEqual(answer, { status: 'callback', outcome: 'manual', staffNote: 'Clearinghouse answered HTTP 401: the API key was refused.' });
  });

  it('an insurer typed as free text is not sent anywhere', async () => {
    const sent: Recorded[] = [];
    const eligibility = createClearinghouseEligibility(settings, { fetch: recordingFetch(sent) });
    const answer = await eligibility.inquire({ request: eligibilityRequest('IOPACTIVE01', null), payer: null, attempt: 1 });
    assert.equal(answer.status, 'callback');
    assert.equal(sent.length, 0);
  });
});

describe('clearinghouse provider: a 202 pointing at another host', () => {
  it('is never followed: the next poll asks the configured clearinghouse again', async () => {
    const asked: string[] = [];
    const hostile = (async (input: RequestInfo | URL) => {
      const url = String(input instanceof Request ? input.url : input);
      asked.push(url);
      return asked.length === 1
        ? new Response('{}', { status: 202, headers: { location: 'https://elsewhere.example/steal', 'retry-after': '1' } })
        : new Response(readFileSync(new URL('active.json', documents), 'utf8'), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const eligibility = createClearinghouseEligibility(
      { baseUrl: 'https://clearinghouse.example/2024-04-01', apiKey: 'k', providerNpi: '1999999984', providerName: 'Center' },
      { fetch: hostile },
    );
    const request = eligibilityRequest('IOPACTIVE01');
    assert.equal((await eligibility.inquire({ request, payer: aetna, attempt: 1 })).status, 'pending');
    assert.equal((await eligibility.inquire({ request, payer: aetna, attempt: 2 })).status, 'complete');
    assert.deepEqual(asked, [
      'https://clearinghouse.example/2024-04-01/change/medicalnetwork/eligibility/v3',
      'https://clearinghouse.example/2024-04-01/change/medicalnetwork/eligibility/v3',
    ]);
  });
});

describe('X12 271 reader', () => {
  const x12 = readFileSync(new URL('x12-active.x12', documents), 'utf8');
  const twin = JSON.parse(readFileSync(new URL('active.json', documents), 'utf8')) as EligibilityResponseDocument;

  it('reads a raw 271 into the same coverage as its JSON twin, for every network status', () => {
    const document = read271(x12);
    assert.equal(document.benefitsInformation?.length, twin.benefitsInformation?.length);
    for (const centerInNetwork of [true, false, null]) {
      const options = { serviceTypeCodes: DEFAULT_SERVICE_TYPE_CODES, centerInNetwork };
      assert.deepEqual(readBenefits(document, options), readBenefits(twin, options));
    }
    assert.equal(readBenefits(document, { serviceTypeCodes: DEFAULT_SERVICE_TYPE_CODES, centerInNetwork: true }).kind, 'coverage');
  });

  it('reads the 2110C details: repeated service types, MSG, EB11 and EB12', () => {
    const coinsurance = read271(x12).benefitsInformation?.find((entry) => entry.code === 'A');
    assert.deepEqual(coinsurance, {
      code: 'A',
      coverageLevelCode: 'IND',
      serviceTypeCodes: ['CJ', 'AI', 'MH'],
      insuranceTypeCode: 'C1',
      benefitPercent: '0.2',
      authOrCertIndicator: 'N',
      inPlanNetworkIndicatorCode: 'Y',
      additionalInformation: [{ description: 'INTENSIVE OUTPATIENT BILLED AS OUTPATIENT FACILITY' }],
    });
  });

  it('reads AAA rejections and 2120C carve-out entities', () => {
    const rejected = recount(x12
      .split('~\n')
      .filter((segment) => !segment.startsWith('EB') && !segment.startsWith('MSG'))
      .join('~\n')
      .replace('NM1*IL*1*EXAMPLE*ALEX****MI*IOPX12ACTIVE01~', 'NM1*IL*1*EXAMPLE*ALEX****MI*IOPX12ACTIVE01~\nAAA*Y**72*C~'));
    assert.deepEqual(read271(rejected).errors, [{ field: 'AAA', code: '72', followupAction: 'Please Correct and Resubmit', location: 'Loop 2100C' }]);

    const carvedOut = recount(
      x12.replace('EB*A*IND', 'EB*U**MH~\nLS*2120~\nNM1*VN*2*EVERGREEN BEHAVIORAL HEALTH~\nPER*IC*PROVIDER SERVICES*TE*8005550134~\nLE*2120~\nEB*A*IND'),
    );
    const entry = read271(carvedOut).benefitsInformation?.find((benefit) => benefit.code === 'U');
    assert.deepEqual(entry?.benefitsRelatedEntities, [
      {
        entityIdentifier: 'VN',
        entityType: 'Non-Person Entity',
        entityName: 'EVERGREEN BEHAVIORAL HEALTH',
        contactInformation: { name: 'PROVIDER SERVICES', contacts: [{ communicationMode: 'TE', communicationNumber: '8005550134' }] },
      },
    ]);
  });

  it('refuses what is not a 271', () => {
    assert.throws(() => read271('{"not":"x12"}'), /X12/);
    assert.throws(() => read271(x12.replace('ST*271*0001', 'ST*270*0001')), /no 271/);
  });
});

describe('clearinghouse configuration', () => {
  const env = {
    IOP_ELIGIBILITY_PROVIDER: 'clearinghouse',
    IOP_CLEARINGHOUSE_URL: 'https://clearinghouse.example/2024-04-01',
    IOP_CLEARINGHOUSE_API_KEY: 'secret',
    IOP_PROVIDER_NPI: '1999999984',
    IOP_PROVIDER_NAME: 'Juniper Ridge Recovery',
  };

  it('reads the clearinghouse, the NPI, payer ids and service types per payer', () => {
    const config = readServerConfig({ ...env, IOP_CLEARINGHOUSE_PAYER_IDS: 'aetna=60054, cigna=62308', IOP_CLEARINGHOUSE_SERVICE_TYPES: 'aetna=MH|30,*=CJ|30', IOP_CLEARINGHOUSE_TIMEOUT_MS: '8000' });
    assert.equal(config.eligibilityProvider, 'clearinghouse');
    assert.deepEqual(config.clearinghouse?.tradingPartnerIds, { aetna: '60054', cigna: '62308' });
    assert.deepEqual(config.clearinghouse?.serviceTypeCodes, { aetna: ['MH', '30'] });
    assert.deepEqual(config.clearinghouse?.defaultServiceTypeCodes, ['CJ', '30']);
    assert.equal(config.clearinghouse?.timeoutMs, 8000);
    assert.deepEqual(readServerConfig(env).clearinghouse?.defaultServiceTypeCodes, ['CJ', 'AI', 'MH', 'CH', '30']);
  });

  it('refuses settings that would leak or fail', () => {
    assert.throws(() => readServerConfig({ ...env, IOP_CLEARINGHOUSE_URL: 'http://clearinghouse.example/' }), /https/);
    assert.throws(() => readServerConfig({ ...env, IOP_PROVIDER_NPI: '1999999985' }), /NPI/);
    assert.throws(() => readServerConfig({ ...env, IOP_CLEARINGHOUSE_API_KEY: '' }), /IOP_CLEARINGHOUSE_API_KEY/);
    assert.throws(() => readServerConfig({ ...env, IOP_CLEARINGHOUSE_SERVICE_TYPES: 'aetna=mental health' }), /SERVICE_TYPES/);
    assert.doesNotThrow(() => readServerConfig({ ...env, IOP_CLEARINGHOUSE_URL: 'http://127.0.0.1:9999/' }), 'a local stand-in');
  });

  it('checks an NPI’s check digit (CMS: Luhn with the 80840 prefix)', () => {
    assert.equal(isValidNpi('1234567893'), true, 'CMS’s published example');
    assert.equal(isValidNpi('1234567890'), false);
    assert.equal(isValidNpi('123456789'), false);
  });
});
