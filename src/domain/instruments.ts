/**
 * Validated self-report screening instruments: wording, answer scales, scoring and bands.
 * Pure data and functions (no Lit, no DOM): the screener renders them, the tests check them.
 *
 * Sources (English wording, scales, scoring, bands):
 * - AUDIT / AUDIT-C: Babor TF, Higgins-Biddle JC, Saunders JB, Monteiro MG. AUDIT: The Alcohol Use Disorders
 *   Identification Test. Guidelines for Use in Primary Care, 2nd ed. WHO 2001 (WHO/MSD/MSB/01.6a); public domain.
 *   AUDIT-C cut-offs >= 4 men, >= 3 women: Bradley KA et al., Arch Intern Med 2003;163:821-9 and
 *   Alcohol Clin Exp Res 2007;31:1208-17 (US VA).
 * - DAST-10: Skinner HA. The Drug Abuse Screening Test. Addict Behav 1982;7:363-71; (c) 1982 Harvey A. Skinner and
 *   CAMH, free for non-commercial clinical use with this credit. Item 3 is reverse-scored.
 * - PHQ-9 / PHQ-2: Kroenke K, Spitzer RL, Williams JBW. J Gen Intern Med 2001;16:606-13; Kroenke 2003 (PHQ-2).
 *   Developed by Drs. Spitzer, Williams, Kroenke and colleagues with an educational grant from Pfizer Inc.;
 *   no permission required to reproduce, translate, display or distribute (phqscreeners.com).
 * - GAD-7: Spitzer RL, Kroenke K, Williams JBW, Lowe B. Arch Intern Med 2006;166:1092-7; same terms as the PHQ.
 * - ASQ: Ask Suicide-Screening Questions, NIMH Toolkit (Horowitz LM et al., Arch Pediatr Adolesc Med 2012;166:1170-6);
 *   free to use. Any "yes" to items 1-4 is a positive screen; item 5 (acuity) is asked only then.
 * LOINC codes, checked against the published panels (LOINC 2.80, loinc.org/72110-0 "Panel Hierarchy"; PHQ-9 and
 *   GAD-7 items as listed in panel 69729-2 [PHQ-SADS]) and, for the AUDIT answer lists LL2179-1 (Q1), LL2180-9 (Q2)
 *   and the Q3-8 frequency list, HL7 US Core's Questionnaire/AUDIT-C (input/examples/Questionnaire-AUDIT-C.json).
 *   AUDIT Q4-10 are 97734-8 ... 97740-5 since LOINC 2.73 (the older 68521-4 ... 68527-1 are not in panel 72110-0).
 *   AUDIT Q9-10 answers (0/2/4), DAST-10 items and ASQ have no LOINC code we could verify: their answers are coded
 *   in `answerScoreSystem` (the item score) so every coding still names a system.
 *   PHQ answer list LL358-3; yes/no LA33-6 / LA32-8.
 *
 * Spanish: PHQ-9 and GAD-7 follow Pfizer's official Spanish (USA) versions; AUDIT follows WHO's Spanish
 * guide (Babor et al. 2001, trad. Generalitat Valenciana); ASQ follows NIMH's Spanish ASQ. These were written
 * from memory of the published texts and must be checked word for word against them before clinical use.
 * DAST-10 has no official Spanish version known to us: the Spanish here is our own translation.
 */
import type { Locale } from '../i18n/locale.js';

export type InstrumentId = 'audit-c' | 'audit' | 'dast-10' | 'phq-9' | 'gad-7' | 'asq';
/** `phq-2` is derived from PHQ-9 items 1-2 and reported with the scores, never asked on its own. */
export type ScoredInstrumentId = InstrumentId | 'phq-2';
export type Localized = Readonly<Record<Locale, string>>;
export type Sex = 'female' | 'male' | 'not-said';

export interface AnswerOption {
  readonly score: number;
  readonly label: Localized;
  /** LOINC answer code (LA...), where LOINC publishes one for this answer list. */
  readonly loinc?: string;
}

export interface InstrumentItem {
  /** Also the key in the submitted answers, e.g. `phq-9-9`. */
  readonly id: string;
  readonly text: Localized;
  readonly options: readonly AnswerOption[];
  readonly loinc?: string;
  /** Asked only when this returns true for the answers so far (ASQ item 5). */
  readonly askedWhen?: (answers: Answers) => boolean;
}

export interface Instrument {
  readonly id: InstrumentId;
  readonly title: Localized;
  /** The published instruction, e.g. the look-back period. */
  readonly instruction: Localized;
  readonly items: readonly InstrumentItem[];
  readonly panelLoinc?: string;
  readonly totalLoinc?: string;
  /** `official`: a published translation; `unofficial`: our own. */
  readonly spanish: 'official' | 'unofficial';
  /** Where the wording and scoring come from, and which version of it. */
  readonly source: { readonly citation: string; readonly version: string };
}

export type Answers = Readonly<Record<string, number | undefined>>;

export interface InstrumentScore {
  readonly instrument: ScoredInstrumentId;
  readonly total: number;
  readonly band: string;
  readonly positive: boolean;
}

const t = (en: string, es: string): Localized => ({ en, es });

// ---- answer scales -----------------------------------------------------------------------------

const oftenScale = (scores: readonly number[], labels: readonly Localized[]): AnswerOption[] =>
  labels.map((label, index) => ({ score: scores[index]!, label }));

/** Adds LOINC answer codes, in score order, to a scale. */
const coded = (options: readonly AnswerOption[], codes: readonly string[]): AnswerOption[] =>
  options.map((option, index) => ({ ...option, loinc: codes[index]! }));

/** AUDIT Q3-8 frequency answers (US Core Questionnaire/AUDIT-C, item 68520-6). */
const auditFrequency = coded(
  oftenScale(
    [0, 1, 2, 3, 4],
    [
      t('Never', 'Nunca'),
      t('Less than monthly', 'Menos de una vez al mes'),
      t('Monthly', 'Mensualmente'),
      t('Weekly', 'Semanalmente'),
      t('Daily or almost daily', 'A diario o casi a diario'),
    ],
  ),
  ['LA6270-8', 'LA18933-4', 'LA18876-5', 'LA18891-4', 'LA18934-2'],
);

const auditInjury = oftenScale(
  [0, 2, 4],
  [t('No', 'No'), t('Yes, but not in the last year', 'Sí, pero no en el curso del último año'), t('Yes, during the last year', 'Sí, el último año')],
);

const phqScale: AnswerOption[] = [
  { score: 0, label: t('Not at all', 'Ningún día'), loinc: 'LA6568-5' },
  { score: 1, label: t('Several days', 'Varios días'), loinc: 'LA6569-3' },
  { score: 2, label: t('More than half the days', 'Más de la mitad de los días'), loinc: 'LA6570-1' },
  { score: 3, label: t('Nearly every day', 'Casi todos los días'), loinc: 'LA6571-9' },
];

const yesNo: AnswerOption[] = [
  { score: 1, label: t('Yes', 'Sí'), loinc: 'LA33-6' },
  { score: 0, label: t('No', 'No'), loinc: 'LA32-8' },
];
/** DAST-10 item 3: "no" scores 1. */
const yesNoReversed: AnswerOption[] = [
  { score: 0, label: t('Yes', 'Sí'), loinc: 'LA33-6' },
  { score: 1, label: t('No', 'No'), loinc: 'LA32-8' },
];

// ---- AUDIT (items 1-3 are AUDIT-C) ------------------------------------------------------------------

const auditItems: readonly InstrumentItem[] = [
  {
    id: 'audit-1',
    loinc: '68518-0',
    text: t('How often do you have a drink containing alcohol?', '¿Con qué frecuencia consume alguna bebida alcohólica?'),
    // LOINC answer list LL2179-1.
    options: coded(
      oftenScale(
        [0, 1, 2, 3, 4],
        [
          t('Never', 'Nunca'),
          t('Monthly or less', 'Una o menos veces al mes'),
          t('2 to 4 times a month', 'De 2 a 4 veces al mes'),
          t('2 to 3 times a week', 'De 2 a 3 veces a la semana'),
          t('4 or more times a week', '4 o más veces a la semana'),
        ],
      ),
      ['LA6270-8', 'LA18926-8', 'LA18927-6', 'LA18928-4', 'LA18929-2'],
    ),
  },
  {
    id: 'audit-2',
    loinc: '68519-8',
    text: t(
      'How many drinks containing alcohol do you have on a typical day when you are drinking?',
      '¿Cuántas consumiciones de bebidas alcohólicas suele realizar en un día de consumo normal?',
    ),
    // LOINC answer list LL2180-9.
    options: coded(
      oftenScale([0, 1, 2, 3, 4], [t('1 or 2', '1 o 2'), t('3 or 4', '3 o 4'), t('5 or 6', '5 o 6'), t('7, 8 or 9', 'De 7 a 9'), t('10 or more', '10 o más')]),
      ['LA15694-5', 'LA15695-2', 'LA18930-0', 'LA18931-8', 'LA18932-6'],
    ),
  },
  {
    id: 'audit-3',
    loinc: '68520-6',
    text: t('How often do you have six or more drinks on one occasion?', '¿Con qué frecuencia toma 6 o más bebidas alcohólicas en un solo día?'),
    options: auditFrequency,
  },
  {
    id: 'audit-4',
    loinc: '97734-8',
    text: t(
      'How often during the last year have you found that you were not able to stop drinking once you had started?',
      '¿Con qué frecuencia en el curso del último año ha sido incapaz de parar de beber una vez había empezado?',
    ),
    options: auditFrequency,
  },
  {
    id: 'audit-5',
    loinc: '97735-5',
    text: t(
      'How often during the last year have you failed to do what was normally expected from you because of drinking?',
      '¿Con qué frecuencia en el curso del último año no pudo hacer lo que se esperaba de usted porque había bebido?',
    ),
    options: auditFrequency,
  },
  {
    id: 'audit-6',
    loinc: '97736-3',
    text: t(
      'How often during the last year have you needed a first drink in the morning to get yourself going after a heavy drinking session?',
      '¿Con qué frecuencia en el curso del último año ha necesitado beber en ayunas para recuperarse después de haber bebido mucho el día anterior?',
    ),
    options: auditFrequency,
  },
  {
    id: 'audit-7',
    loinc: '97737-1',
    text: t(
      'How often during the last year have you had a feeling of guilt or remorse after drinking?',
      '¿Con qué frecuencia en el curso del último año ha tenido remordimientos o sentimientos de culpa después de haber bebido?',
    ),
    options: auditFrequency,
  },
  {
    id: 'audit-8',
    loinc: '97738-9',
    text: t(
      'How often during the last year have you been unable to remember what happened the night before because you had been drinking?',
      '¿Con qué frecuencia en el curso del último año no ha podido recordar lo que sucedió la noche anterior porque había estado bebiendo?',
    ),
    options: auditFrequency,
  },
  {
    id: 'audit-9',
    loinc: '97739-7',
    text: t('Have you or someone else been injured as a result of your drinking?', '¿Usted o alguna otra persona ha resultado herido porque usted había bebido?'),
    options: auditInjury,
  },
  {
    id: 'audit-10',
    loinc: '97740-5',
    text: t(
      'Has a relative or friend or a doctor or another health worker been concerned about your drinking or suggested you cut down?',
      '¿Algún familiar, amigo, médico o profesional sanitario ha mostrado preocupación por su consumo de bebidas alcohólicas o le han indicado que deje de beber?',
    ),
    options: auditInjury,
  },
];

const auditInstruction = t(
  'These questions are about alcohol: beer, wine, spirits and other drinks. One drink is a can of beer, a glass of wine or a shot of spirits.',
  'Estas preguntas son sobre el alcohol: cerveza, vino, licores y otras bebidas. Una consumición es una lata de cerveza, una copa de vino o un trago de licor.',
);

export const auditC: Instrument = {
  id: 'audit-c',
  title: t('Alcohol (AUDIT-C)', 'Alcohol (AUDIT-C)'),
  instruction: auditInstruction,
  items: auditItems.slice(0, 3),
  panelLoinc: '72109-2',
  totalLoinc: '75626-2',
  spanish: 'official',
  source: { citation: 'Bush K et al. Arch Intern Med 1998;158:1789-95; items 1-3 of the WHO AUDIT (WHO/MSD/MSB/01.6a)', version: 'WHO AUDIT 2001, 2nd edition' },
};

export const audit: Instrument = {
  id: 'audit',
  title: t('Alcohol (AUDIT)', 'Alcohol (AUDIT)'),
  instruction: auditInstruction,
  items: auditItems,
  panelLoinc: '72110-0',
  totalLoinc: '75624-7',
  spanish: 'official',
  source: { citation: 'Babor TF et al. AUDIT: The Alcohol Use Disorders Identification Test, 2nd ed. WHO/MSD/MSB/01.6a', version: 'WHO 2001, 2nd edition' },
};

// ---- DAST-10 -------------------------------------------------------------------------------------

const dastTexts: readonly Localized[] = [
  t('Have you used drugs other than those required for medical reasons?', '¿Ha consumido drogas distintas de las que necesita por razones médicas?'),
  t('Do you abuse more than one drug at a time?', '¿Abusa de más de una droga a la vez?'),
  t('Are you always able to stop using drugs when you want to?', '¿Puede siempre dejar de consumir drogas cuando quiere?'),
  t('Have you had “blackouts” or “flashbacks” as a result of drug use?', '¿Ha tenido lagunas mentales o “flashbacks” como resultado del consumo de drogas?'),
  t('Do you ever feel bad or guilty about your drug use?', '¿Alguna vez se siente mal o culpable por su consumo de drogas?'),
  t('Does your spouse (or parents) ever complain about your involvement with drugs?', '¿Su pareja (o sus padres) se quejan alguna vez de su relación con las drogas?'),
  t('Have you neglected your family because of your use of drugs?', '¿Ha descuidado a su familia por su consumo de drogas?'),
  t('Have you engaged in illegal activities in order to obtain drugs?', '¿Ha realizado actividades ilegales para conseguir drogas?'),
  t('Have you ever experienced withdrawal symptoms (felt sick) when you stopped taking drugs?', '¿Alguna vez ha tenido síntomas de abstinencia (se ha sentido enfermo) al dejar de consumir drogas?'),
  t(
    'Have you had medical problems as a result of your drug use (for example memory loss, hepatitis, convulsions, bleeding)?',
    '¿Ha tenido problemas médicos como resultado de su consumo de drogas (por ejemplo, pérdida de memoria, hepatitis, convulsiones, hemorragias)?',
  ),
];

export const dast10: Instrument = {
  id: 'dast-10',
  title: t('Drug use (DAST-10)', 'Consumo de drogas (DAST-10)'),
  instruction: t(
    'These questions refer to the past 12 months. “Drug use” means prescribed or over-the-counter drugs used in excess of the directions, and any non-medical use of drugs. It does not include alcohol or tobacco.',
    'Estas preguntas se refieren a los últimos 12 meses. “Consumo de drogas” significa usar medicamentos recetados o de venta libre más allá de las indicaciones, y cualquier uso no médico de drogas. No incluye el alcohol ni el tabaco.',
  ),
  items: dastTexts.map((text, index) => ({ id: `dast-10-${index + 1}`, text, options: index === 2 ? yesNoReversed : yesNo })),
  panelLoinc: '82666-9',
  totalLoinc: '82667-7',
  spanish: 'unofficial',
  source: { citation: 'Skinner HA. The Drug Abuse Screening Test. Addict Behav 1982;7:363-71; (c) 1982 Harvey A. Skinner and CAMH', version: 'DAST-10, 1982' },
};

// ---- PHQ-9 and GAD-7 --------------------------------------------------------------------------

const phqItems: readonly [string, Localized][] = [
  ['44250-9', t('Little interest or pleasure in doing things', 'Poco interés o placer en hacer cosas')],
  ['44255-8', t('Feeling down, depressed, or hopeless', 'Se ha sentido decaído(a), deprimido(a) o sin esperanzas')],
  ['44259-0', t('Trouble falling or staying asleep, or sleeping too much', 'Ha tenido dificultad para quedarse o permanecer dormido(a), o ha dormido demasiado')],
  ['44254-1', t('Feeling tired or having little energy', 'Se ha sentido cansado(a) o con poca energía')],
  ['44251-7', t('Poor appetite or overeating', 'Sin apetito o ha comido en exceso')],
  [
    '44258-2',
    t(
      'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
      'Se ha sentido mal con usted mismo(a) — o que es un fracaso o que ha quedado mal con usted mismo(a) o con su familia',
    ),
  ],
  [
    '44252-5',
    t(
      'Trouble concentrating on things, such as reading the newspaper or watching television',
      'Ha tenido dificultad para concentrarse en ciertas actividades, tales como leer el periódico o ver la televisión',
    ),
  ],
  [
    '44253-3',
    t(
      'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      '¿Se ha movido o hablado tan lento que otras personas podrían haberlo notado? O lo contrario — muy inquieto(a) o agitado(a) que ha estado moviéndose mucho más de lo normal',
    ),
  ],
  ['44260-8', t('Thoughts that you would be better off dead or of hurting yourself in some way', 'Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera')],
];

export const phq9: Instrument = {
  id: 'phq-9',
  title: t('How you have been feeling (PHQ-9)', 'Cómo se ha sentido (PHQ-9)'),
  instruction: t(
    'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
    'Durante las últimas 2 semanas, ¿qué tan seguido le han molestado los siguientes problemas?',
  ),
  items: phqItems.map(([loinc, text], index) => ({ id: `phq-9-${index + 1}`, loinc, text, options: phqScale })),
  panelLoinc: '44249-1',
  totalLoinc: '44261-6',
  spanish: 'official',
  source: { citation: 'Kroenke K, Spitzer RL, Williams JBW. J Gen Intern Med 2001;16:606-13 (phqscreeners.com)', version: 'PHQ-9, 1999 Pfizer Inc.' },
};

const gadItems: readonly [string, Localized][] = [
  ['69725-0', t('Feeling nervous, anxious, or on edge', 'Se ha sentido nervioso(a), ansioso(a) o con los nervios de punta')],
  ['68509-9', t('Not being able to stop or control worrying', 'No ha sido capaz de parar o controlar su preocupación')],
  ['69733-4', t('Worrying too much about different things', 'Se ha preocupado demasiado por motivos diferentes')],
  ['69734-2', t('Trouble relaxing', 'Ha tenido dificultad para relajarse')],
  ['69735-9', t('Being so restless that it is hard to sit still', 'Se ha sentido tan inquieto(a) que no ha podido quedarse quieto(a)')],
  ['69689-8', t('Becoming easily annoyed or irritable', 'Se ha molestado o irritado fácilmente')],
  ['69736-7', t('Feeling afraid, as if something awful might happen', 'Ha tenido miedo de que algo terrible fuera a pasar')],
];

export const gad7: Instrument = {
  id: 'gad-7',
  title: t('Worry and anxiety (GAD-7)', 'Preocupación y ansiedad (GAD-7)'),
  instruction: t(
    'Over the last 2 weeks, how often have you been bothered by the following problems?',
    'Durante las últimas 2 semanas, ¿con qué frecuencia le han molestado los siguientes problemas?',
  ),
  items: gadItems.map(([loinc, text], index) => ({ id: `gad-7-${index + 1}`, loinc, text, options: phqScale })),
  panelLoinc: '69737-5',
  totalLoinc: '70274-6',
  spanish: 'official',
  source: { citation: 'Spitzer RL, Kroenke K, Williams JBW, Löwe B. Arch Intern Med 2006;166:1092-7 (phqscreeners.com)', version: 'GAD-7, 2006' },
};

// ---- ASQ ----------------------------------------------------------------------------------------

const asqScreenYes = (answers: Answers) => [1, 2, 3, 4].some((n) => answers[`asq-${n}`] === 1);

export const asq: Instrument = {
  id: 'asq',
  title: t('Your safety (ASQ)', 'Su seguridad (ASQ)'),
  instruction: t(
    'We ask everyone these questions. Your answers help us make sure you get the right support.',
    'Hacemos estas preguntas a todas las personas. Sus respuestas nos ayudan a darle el apoyo adecuado.',
  ),
  items: [
    t('In the past few weeks, have you wished you were dead?', 'En las últimas semanas, ¿ha deseado estar muerto(a)?'),
    t(
      'In the past few weeks, have you felt that you or your family would be better off if you were dead?',
      'En las últimas semanas, ¿ha sentido que usted o su familia estarían mejor si usted estuviera muerto(a)?',
    ),
    t('In the past week, have you been having thoughts about killing yourself?', 'En la última semana, ¿ha estado pensando en suicidarse?'),
    t('Have you ever tried to kill yourself?', '¿Alguna vez ha intentado suicidarse?'),
    t('Are you having thoughts of killing yourself right now?', '¿Está pensando en suicidarse en este momento?'),
  ].map((text, index) => ({ id: `asq-${index + 1}`, text, options: yesNo, ...(index === 4 && { askedWhen: asqScreenYes }) })),
  spanish: 'official',
  source: { citation: 'NIMH Ask Suicide-Screening Questions (ASQ) Toolkit; Horowitz LM et al. Arch Pediatr Adolesc Med 2012;166:1170-6', version: 'ASQ, NIMH 2020 toolkit' },
};

export const instruments: Readonly<Record<InstrumentId, Instrument>> = {
  'audit-c': auditC,
  audit,
  'dast-10': dast10,
  'phq-9': phq9,
  'gad-7': gad7,
  asq,
};

export const defaultInstrumentSet: readonly InstrumentId[] = ['audit-c', 'dast-10', 'phq-9', 'gad-7', 'asq'];

/** Reads the `instruments` attribute: known ids in the given order, duplicates dropped; the default when none is known. */
export function parseInstrumentSet(value: string | null | undefined): InstrumentId[] {
  const known = new Set(Object.keys(instruments));
  const chosen = [...new Set((value ?? '').split(/[\s,]+/).map((id) => id.trim().toLowerCase()))].filter((id): id is InstrumentId => known.has(id));
  // The full AUDIT already contains AUDIT-C.
  const set = chosen.includes('audit') ? chosen.filter((id) => id !== 'audit-c') : chosen;
  return set.length ? set : [...defaultInstrumentSet];
}

/** The items to ask now: conditional items drop out when their condition is not met. */
export function askedItems(instrument: Instrument, answers: Answers): InstrumentItem[] {
  return instrument.items.filter((item) => !item.askedWhen || item.askedWhen(answers));
}

/** True when every item to ask has an answer. */
export function isComplete(instrument: Instrument, answers: Answers): boolean {
  return askedItems(instrument, answers).every((item) => answers[item.id] !== undefined);
}

// ---- scoring --------------------------------------------------------------------------------

const sum = (answers: Answers, ids: readonly string[]) => ids.reduce((total, id) => total + (answers[id] ?? 0), 0);
const ids = (instrument: Instrument) => instrument.items.map((item) => item.id);
const band = (total: number, bands: readonly (readonly [number, string])[]) => bands.filter(([from]) => total >= from).at(-1)![1];

/**
 * AUDIT-C positive at >= 4 for men and >= 3 for women (Bradley 2003/2007). When sex is not given we
 * use the women's cut-off: the more cautious one, which at worst asks a few more questions.
 */
export function auditCCutOff(sex: Sex | undefined): number {
  return sex === 'male' ? 4 : 3;
}

export function scoreAuditC(answers: Answers, sex: Sex | undefined): InstrumentScore {
  const total = sum(answers, ids(auditC));
  const positive = total >= auditCCutOff(sex);
  return { instrument: 'audit-c', total, band: positive ? 'positive' : 'negative', positive };
}

/** WHO risk zones I-IV (Babor 2001, table 4); 8 or more is positive. */
export function scoreAudit(answers: Answers): InstrumentScore {
  const total = sum(answers, ids(audit));
  return {
    instrument: 'audit',
    total,
    band: band(total, [
      [0, 'zone-1'],
      [8, 'zone-2'],
      [16, 'zone-3'],
      [20, 'zone-4'],
    ]),
    positive: total >= 8,
  };
}

/** One point per "yes", item 3 one point per "no" (the options carry the scores). 3 or more: further assessment. */
export function scoreDast10(answers: Answers): InstrumentScore {
  const total = sum(answers, ids(dast10));
  return {
    instrument: 'dast-10',
    total,
    band: band(total, [
      [0, 'none'],
      [1, 'low'],
      [3, 'moderate'],
      [6, 'substantial'],
      [9, 'severe'],
    ]),
    positive: total >= 3,
  };
}

/** Kroenke 2001: 5/10/15/20 mild, moderate, moderately severe, severe; 10 or more positive. */
export function scorePhq9(answers: Answers): InstrumentScore {
  const total = sum(answers, ids(phq9));
  return {
    instrument: 'phq-9',
    total,
    band: band(total, [
      [0, 'minimal'],
      [5, 'mild'],
      [10, 'moderate'],
      [15, 'moderately-severe'],
      [20, 'severe'],
    ]),
    positive: total >= 10,
  };
}

/** Kroenke 2003: PHQ-9 items 1-2, 3 or more positive. */
export function scorePhq2(answers: Answers): InstrumentScore {
  const total = sum(answers, ['phq-9-1', 'phq-9-2']);
  return { instrument: 'phq-2', total, band: total >= 3 ? 'positive' : 'negative', positive: total >= 3 };
}

/** Spitzer 2006: 5/10/15 mild, moderate, severe; 10 or more positive. */
export function scoreGad7(answers: Answers): InstrumentScore {
  const total = sum(answers, ids(gad7));
  return {
    instrument: 'gad-7',
    total,
    band: band(total, [
      [0, 'minimal'],
      [5, 'mild'],
      [10, 'moderate'],
      [15, 'severe'],
    ]),
    positive: total >= 10,
  };
}

/** NIMH: any yes to 1-4 is positive; a yes to 5 (acuity) makes it an acute positive. Total = yeses to 1-4. */
export function scoreAsq(answers: Answers): InstrumentScore {
  const total = sum(answers, ['asq-1', 'asq-2', 'asq-3', 'asq-4']);
  const positive = total > 0;
  const acute = positive && answers['asq-5'] === 1;
  return { instrument: 'asq', total, band: acute ? 'acute-positive' : positive ? 'non-acute-positive' : 'negative', positive };
}

/** Whether the rest of the AUDIT (items 4-10) is asked after AUDIT-C. */
export function needsFullAudit(answers: Answers, sex: Sex | undefined): boolean {
  return scoreAuditC(answers, sex).positive;
}

/** Scores of every instrument in the set, with PHQ-2 beside PHQ-9 and the full AUDIT when it was asked. */
export function scoreAll(set: readonly InstrumentId[], answers: Answers, sex: Sex | undefined): InstrumentScore[] {
  const scores: InstrumentScore[] = [];
  for (const id of set) {
    if (id === 'audit-c') {
      scores.push(scoreAuditC(answers, sex));
      if (needsFullAudit(answers, sex)) scores.push(scoreAudit(answers));
    } else if (id === 'audit') scores.push(scoreAuditC(answers, sex), scoreAudit(answers));
    else if (id === 'dast-10') scores.push(scoreDast10(answers));
    else if (id === 'phq-9') scores.push(scorePhq9(answers), scorePhq2(answers));
    else if (id === 'gad-7') scores.push(scoreGad7(answers));
    else scores.push(scoreAsq(answers));
  }
  return scores;
}

// ---- safety -------------------------------------------------------------------------------------

export type SafetyLevel = 'none' | 'concern' | 'acute';

/**
 * Any ASQ "yes" or PHQ-9 item 9 above 0 shows the crisis panel at once; an ASQ acuity "yes" makes it
 * acute. Works on partial answers: it runs as each answer is chosen, with no network.
 */
export function safetyLevel(answers: Answers): SafetyLevel {
  if (asqScreenYes(answers) && answers['asq-5'] === 1) return 'acute';
  const concern = (answers['phq-9-9'] ?? 0) > 0 || [1, 2, 3, 4].some((n) => answers[`asq-${n}`] === 1);
  return concern ? 'concern' : 'none';
}

/**
 * The answered items that raise the crisis panel, in the order they are asked: the screener shows the
 * panel beside the last one on screen, where the person is, instead of far above it.
 */
export function safetyTriggers(answers: Answers): string[] {
  return ['phq-9-9', 'asq-1', 'asq-2', 'asq-3', 'asq-4', 'asq-5'].filter((id) =>
    id === 'phq-9-9' ? (answers[id] ?? 0) > 0 : id === 'asq-5' ? asqScreenYes(answers) && answers[id] === 1 : answers[id] === 1,
  );
}
