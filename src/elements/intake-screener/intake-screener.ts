import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Contact, IntakeReceipt, ProgramList, PublicScreenerSettings } from '../../api/schemas.js';
import { instruments, safetyLevel, safetyTriggers, type InstrumentId, type InstrumentItem, type SafetyLevel } from '../../domain/instruments.js';
import {
  evaluate,
  itemAnswers,
  stepErrors,
  stepItems,
  stepsFor,
  withoutHiddenAnswers,
  type AnswerValue,
  type IntakeAnswers,
  type StepError,
  type StepId,
} from '../../domain/intake-flow.js';
import { crisisLineView, screenerSetup, type ScreenerSetup } from '../../domain/screener-setup.js';
import type { ScreeningResult } from '../../domain/screening-result.js';
import { translate } from '../../i18n/locale.js';
import { sharedMessages, type SharedMessage } from '../../i18n/messages.js';
import { DraftController } from '../shared/draft-controller.js';
import { IsolationController } from '../shared/isolation-controller.js';
import { IopWidgetElement } from '../shared/iop-widget-element.js';
import { IntakeSubmittedEvent, type IntakeSubmittedDetail } from '../events.js';
import { choiceGroup, errorSummary, focusErrorSummary, textField, type Choice, type FieldError } from '../shared/form-fields.js';
import { formStyles } from '../shared/form.styles.js';
import { OutboxController } from '../shared/outbox-controller.js';
import { withPhoneLink } from '../shared/phone-link.js';
import { referenceLine } from '../shared/reference-line.js';
import { ALWAYS_REVALIDATE, ResourceController } from '../shared/resource-controller.js';
import { themeStyles } from '../shared/theme.js';
import { contactOf, intakeRequestOf } from './intake-request.js';
import { intakeMessages, type IntakeMessage } from './intake-screener.messages.js';
import { intakeScreenerStyles } from './intake-screener.styles.js';

/** Names the form, never the person (STYLE.md: storage keys carry no health data). */
const draftId = 'intake-screener';
/** Read by the schedule picker and the insurance form, which ask before reusing it. */
const sharedContactDraftId = 'shared-contact';

interface IntakeDraft {
  step: StepId;
  answers: IntakeAnswers;
  /** The instruments the screening started with: kept when the page's or the center's list changes later. */
  instruments?: InstrumentId[];
  /** Handed to the outbox: on reload, show the receipt instead of sending twice. */
  submitted?: boolean;
}

type Phase = 'loading' | 'form' | 'submitting' | 'sent' | 'queued';

/** A question as both its step and the review render it. */
interface Question {
  id: string;
  label: string;
  /** Names the question in an error, so that two errors on one step never read the same. */
  name?: string;
  hint?: string;
  choices?: readonly Choice[];
  multiple?: boolean;
  /** Instrument items store the option's score, a number. */
  scored?: boolean;
  input?: 'text' | 'tel' | 'email';
  autocomplete?: string;
}


/**
 * A confidential pre-admission screening, one step per screen: consent, who it is for, work (with a
 * module for healthcare professionals), validated instruments (AUDIT-C/AUDIT, DAST-10, PHQ-9, GAD-7,
 * ASQ), withdrawal risk, practical needs, contact, review and a receipt. A crisis panel appears at
 * once, with no network, on any ASQ "yes" or PHQ-9 item 9 above 0. Answers are kept as an encrypted
 * draft after every step and sent through the outbox, so an offline submit is delivered later, once.
 *
 * @summary Confidential screening for an intensive outpatient program, with a safety interrupt and save & resume.
 * @tagname iop-intake-screener
 * @csspart setup-problem - Shown instead of the widget when the API does not accept this page's origin (IOP_ALLOWED_ORIGINS).
 * @csspart reference - The receipt's reference to read out on the phone.
 * @fires {IntakeSubmittedDetail} iop-intake-submitted - Answers were sent (`status: 'sent'`) or saved to send later (`'queued'`), as an IntakeSubmittedEvent. Detail: `{ intakeId, status }` only.
 * @csspart crisis - The crisis panel (988, chat, 911).
 * @csspart step - The current step's content.
 * @csspart receipt - The receipt after submitting.
 * @csspart error-summary - "There is a problem" after a failed Continue.
 * @cssprop [--iop-crisis-color=#7a1020] - Border, heading and button colour of the crisis panel.
 * @cssprop [--iop-crisis-surface=#fff4f4] - Background of the crisis panel.
 * @cssprop [--iop-color-accent=#0b5f73] - Buttons, links, selected states.
 * @cssprop [--iop-color-error=#b3261e] - Error messages and the "Leave this page" button.
 * @cssprop [--iop-frame-initial-height=42rem] - Frame mode: room kept for the frame until it reports its height.
 */
export class IopIntakeScreener extends IopWidgetElement {
  static override styles = [themeStyles, formStyles, intakeScreenerStyles];

  /** Set when the step changed by a person's action: the new heading takes focus. */
  private focusHeading = false;
  private restoreStarted = false;
  /** Where the crisis panel was last shown (step, anchor question, level): a change scrolls it into view. */
  private crisisShownAt = '';

  private readonly draft = new DraftController<IntakeDraft>(this, this.settings, draftId);
  /** @internal */
  private readonly isolationMode = new IsolationController(this, this.settings, {
    initialHeight: '42rem',
    outcome: { name: 'iop-intake-submitted', create: (id, status) => new IntakeSubmittedEvent(id, status as IntakeSubmittedDetail['status']) },
    frameWhenCrossOrigin: true,
  });
  private readonly sharedContact = new DraftController<Contact>(this, this.settings, sharedContactDraftId);
  private readonly outbox = new OutboxController(this, this.settings);
  private readonly programs = new ResourceController<ProgramList>(this, this.settings, (client) => ({
    key: 'programs',
    ttlMs: ALWAYS_REVALIDATE,
    load: (signal) => client.listPrograms({ signal }),
  }));
  /** The center's screener settings (console > settings > screener); never waited for: the first step renders without them. */
  private readonly centerScreener = new ResourceController<PublicScreenerSettings>(this, this.settings, (client) => ({
    key: 'screener-settings',
    ttlMs: ALWAYS_REVALIDATE,
    load: (signal) => client.getScreenerSettings({ signal }),
  }));

  /** @internal */
  @state() private phase: Phase = 'loading';
  /** @internal */
  @state() private step: StepId = 'welcome';
  /** @internal */
  @state() private answers: IntakeAnswers = {};
  /** @internal */
  @state() private showErrors = false;
  /** @internal */
  @state() private returnToReview = false;
  /** @internal */
  @state() private resumed = false;
  /** @internal */
  @state() private notice: 'cleared' | 'refused' | undefined;
  /** @internal */
  @state() private receiptId = '';
  /** @internal */
  @state() private queuedEntryId = '';
  /** @internal What the person reads out on the phone; the opaque id stays for events. */
  @state() private receiptReference?: string;
  /** @internal The instruments of the screening under way, fixed once the person leaves the first step. */
  @state() private startedSet?: InstrumentId[];

  /**
   * Comma-separated instruments, in order: `audit-c`, `audit`, `dast-10`, `phq-9`, `gad-7`, `asq`. Set, it wins over
   * the center's list (console > settings > screener); unset, the center's list, or `audit-c,dast-10,phq-9,gad-7,asq`
   * when the center's settings cannot be read.
   */
  @property() instruments?: string;
  /**
   * Result thresholds as JSON (see `ResultThresholds` in src/domain/screening-result.ts), used only while the center's
   * settings cannot be read: the center's saved thresholds are what the server applies, so they win.
   */
  @property() thresholds?: string;
  /** An https address: "Leave this page" clears the form and goes there. Unset, the center's quick-exit address. */
  @property({ attribute: 'quick-exit-url' }) quickExitUrl?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    this.outbox.onDelivered = (entryId, endpoint, response) => {
      if (endpoint !== 'createIntake' || entryId !== this.queuedEntryId) return;
      this.receiptId = (response as IntakeReceipt).id;
      this.receiptReference = (response as IntakeReceipt).reference;
      this.queuedEntryId = '';
      this.phase = 'sent';
      this.dispatchEvent(new IntakeSubmittedEvent(this.receiptId, 'sent'));
    };
  }

  protected override willUpdate(): void {
    if (!this.restoreStarted && this.settings.config) {
      this.restoreStarted = true;
      void this.restore();
    }
  }

  protected override updated(): void {
    this.revealCrisisPanel();
    if (!this.focusHeading) return;
    this.focusHeading = false;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  /**
   * A panel that just appeared (or moved beside a newer answer) is scrolled into view without taking
   * focus: the person keeps their place in the questions, and the alert region reads it out.
   */
  private revealCrisisPanel(): void {
    const level = this.safety;
    const shownAt = level === 'none' ? '' : `${this.step}|${this.crisisAnchor ?? ''}|${level}`;
    if (shownAt === this.crisisShownAt) return;
    this.crisisShownAt = shownAt;
    if (shownAt && !this.focusHeading) this.renderRoot.querySelector('[part="crisis"]')?.scrollIntoView({ block: 'nearest' });
  }

  /** The question on this step after which the crisis panel appears: the last answer that raised it. */
  private get crisisAnchor(): string | undefined {
    if (this.phase !== 'form' && this.phase !== 'submitting') return undefined;
    const onStep = new Set(this.questions(this.step).map((question) => question.id));
    return safetyTriggers(itemAnswers(this.answers)).filter((id) => onStep.has(id)).at(-1);
  }

  /** The page's attributes, the center's settings (once read) and the screening under way, combined in the domain. */
  private get setup(): ScreenerSetup {
    const center = this.centerScreener.state;
    return screenerSetup({
      attributes: { instruments: this.instruments, thresholds: this.thresholds, quickExitUrl: this.quickExitUrl },
      center: center.status === 'ready' ? center.value : undefined,
      started: this.startedSet,
    });
  }

  private get set(): InstrumentId[] {
    return this.setup.instruments;
  }

  private get steps(): StepId[] {
    return stepsFor(this.set, this.answers);
  }

  private get safety(): SafetyLevel {
    return safetyLevel(itemAnswers(this.answers));
  }

  private readonly onAnswer = (id: string, value: AnswerValue) => {
    this.answers = withoutHiddenAnswers(this.set, { ...this.answers, [id]: value });
    this.notice = undefined;
  };

  private readonly onContinue = async (event: Event) => {
    event.preventDefault();
    if (stepErrors(this.step, this.answers).length) {
      this.showErrors = true;
      await this.updateComplete;
      focusErrorSummary(this.shadowRoot);
      return;
    }
    if (this.step === 'contact') {
      const contact = contactOf(this.answers);
      if (contact) await this.sharedContact.save(contact).catch(() => undefined);
    }
    const steps = this.steps;
    const next = this.returnToReview ? 'review' : steps[steps.indexOf(this.step) + 1] ?? 'review';
    await this.goTo(next);
  };

  private readonly onBack = () => {
    const steps = this.steps;
    void this.goTo(steps[Math.max(0, steps.indexOf(this.step) - 1)]!);
  };

  private readonly onClear = async () => {
    await this.forget();
    this.notice = 'cleared';
    this.focusHeading = true;
  };

  private readonly onLeave = async () => {
    const url = this.safeQuickExitUrl;
    await this.forget();
    // replace(): Back in the browser does not return to the form.
    if (url) window.location.replace(url);
  };

  private readonly onSubmit = async (event: Event) => {
    event.preventDefault();
    if (this.phase === 'submitting') return;
    const request = intakeRequestOf({ set: this.set, answers: this.answers, locale: this.settings.locale, thresholds: this.centerThresholds, now: new Date() });
    if (!request) return this.goTo('contact');
    this.phase = 'submitting';
    this.notice = undefined;
    try {
      await this.draft.save({ step: 'review', answers: this.answers, instruments: this.startedSet, submitted: true });
      const outcome = await this.outbox.submit({ endpoint: 'createIntake', body: request, draftId });
      if (outcome.status === 'sent') {
        this.receiptId = outcome.response.id;
        this.receiptReference = outcome.response.reference;
        this.phase = 'sent';
        this.dispatchEvent(new IntakeSubmittedEvent(outcome.response.id, 'sent'));
      } else if (outcome.status === 'queued') {
        this.queuedEntryId = this.receiptId = outcome.entryId;
        this.phase = 'queued';
        this.dispatchEvent(new IntakeSubmittedEvent(outcome.entryId, 'queued'));
      } else {
        await this.outbox.discard(outcome.entryId);
        await this.draft.save({ step: 'review', answers: this.answers, instruments: this.startedSet });
        this.phase = 'form';
        this.notice = 'refused';
      }
    } catch {
      await this.draft.save({ step: 'review', answers: this.answers, instruments: this.startedSet }).catch(() => undefined);
      this.phase = 'form';
      this.notice = 'refused';
    }
    this.focusHeading = true;
  };

  private get centerThresholds() {
    return this.setup.thresholds;
  }

  private get safeQuickExitUrl(): string | undefined {
    return this.setup.quickExitUrl;
  }

  private async restore(): Promise<void> {
    const saved = await this.draft.load().catch(() => undefined);
    if (saved) {
      this.startedSet = saved.instruments?.length ? saved.instruments : undefined;
      this.answers = saved.answers;
      this.step = this.steps.includes(saved.step) ? saved.step : 'welcome';
      this.resumed = true;
      // Submitted earlier: a delivered intake deletes its draft, so it is still waiting in the outbox, or never got there.
      const store = saved.submitted ? await this.settings.config?.store : undefined;
      const waiting = (await store?.listOutbox())?.find((entry) => entry.draftId === draftId && entry.state === 'pending');
      if (waiting) {
        this.queuedEntryId = this.receiptId = waiting.id;
        this.phase = 'queued';
        return;
      }
    }
    this.phase = 'form';
  }

  private async goTo(step: StepId): Promise<void> {
    // Past the first step the set stays as it is: settings that arrive later never hide what was answered.
    if (step !== 'welcome' && !this.startedSet) this.startedSet = this.set;
    this.answers = withoutHiddenAnswers(this.set, this.answers);
    this.returnToReview = step === 'review' ? false : this.returnToReview;
    this.step = step;
    this.showErrors = false;
    this.notice = undefined;
    this.focusHeading = true;
    await this.draft.save({ step, answers: this.answers, instruments: this.startedSet }).catch(() => undefined);
  }

  private async forget(): Promise<void> {
    this.answers = {};
    this.step = 'welcome';
    this.phase = 'form';
    this.resumed = this.showErrors = this.returnToReview = false;
    this.receiptId = this.queuedEntryId = '';
    this.receiptReference = undefined;
    this.startedSet = undefined;
    await Promise.all([this.draft.clear(), this.sharedContact.clear()]).catch(() => undefined);
  }

  private t(key: IntakeMessage, params?: Record<string, string | number>): string {
    return translate(intakeMessages, this.settings.locale, key, params);
  }

  private shared(key: SharedMessage): string {
    return translate(sharedMessages, this.settings.locale, key);
  }

  private choices(...pairs: [string, IntakeMessage][]): Choice[] {
    return pairs.map(([value, key]) => ({ value, label: this.t(key) }));
  }

  private itemQuestion(item: InstrumentItem, number: number): Question {
    const locale = this.settings.locale;
    return {
      id: item.id,
      label: `${number}. ${item.text[locale]}`,
      scored: true,
      choices: item.options.map((option) => ({ value: String(option.score), label: option.label[locale] })),
    };
  }

  private questions(step: StepId): Question[] {
    const yesNoUnsure = this.choices(['yes', 'yes'], ['no', 'no'], ['unsure', 'unsure']);
    switch (step) {
      case 'welcome':
        return [{ id: 'consent', label: this.t('consentLegend'), hint: this.t('consentHint'), multiple: true, choices: this.choices(['yes', 'consent']) }];
      case 'about':
        return [
          { id: 'for', label: this.t('forLabel'), name: this.t('forName'), choices: [...this.choices(['self', 'forSelf']), { value: 'someone-else', label: this.t('forOther'), hint: this.t('forOtherHint') }] },
          { id: 'age-group', label: this.t('ageLabel'), name: this.t('ageName'), choices: this.choices(['under-18', 'ageUnder18'], ['18-25', 'age18'], ['26-64', 'age26'], ['65-plus', 'age65']) },
        ];
      case 'profession':
        return [
          {
            id: 'profession',
            label: this.t('professionLabel'),
            name: this.t('professionName'),
            hint: this.t('professionHint'),
            choices: this.choices(['none', 'professionNone'], ['nurse', 'professionNurse'], ['physician', 'professionPhysician'], ['pharmacist', 'professionPharmacist'], ['other-healthcare', 'professionOther']),
          },
        ];
      case 'hcp':
        return [
          { id: 'hcp-monitoring', label: this.t('hcpMonitoringLabel'), name: this.t('hcpMonitoringName'), choices: yesNoUnsure },
          {
            id: 'hcp-documentation',
            label: this.t('hcpDocumentationLabel'),
            name: this.t('hcpDocumentationName'),
            hint: this.t('hcpDocumentationHint'),
            multiple: true,
            choices: this.choices(['attendance', 'docAttendance'], ['progress', 'docProgress'], ['completion', 'docCompletion'], ['return-to-practice', 'docReturn']),
          },
          { id: 'hcp-fmla', label: this.t('hcpFmlaLabel'), name: this.t('hcpFmlaName'), choices: yesNoUnsure },
          {
            id: 'hcp-worries',
            label: this.t('hcpWorriesLabel'),
            name: this.t('hcpWorriesName'),
            hint: this.t('hcpDocumentationHint'),
            multiple: true,
            choices: this.choices(['licence', 'worryLicence'], ['colleagues', 'worryColleagues'], ['employer', 'worryEmployer'], ['records', 'worryRecords']),
          },
        ];
      case 'audit-c':
      case 'audit':
      case 'audit-rest':
      case 'dast-10':
      case 'phq-9':
      case 'gad-7':
      case 'asq': {
        const offset = step === 'audit-rest' ? 3 : 0;
        const items = stepItems(step, this.answers).map((item, index) => this.itemQuestion(item, index + 1 + offset));
        const sex: Question = {
          id: 'sex',
          label: this.t('sexLabel'),
          name: this.t('sexName'),
          hint: this.t('sexHint'),
          choices: this.choices(['female', 'sexFemale'], ['male', 'sexMale'], ['not-said', 'sexNotSaid']),
        };
        return step === 'audit-c' || step === 'audit' ? [sex, ...items] : items;
      }
      case 'withdrawal':
        return [
          { id: 'withdrawal-seizures', label: this.t('withdrawalSeizures'), name: this.t('withdrawalSeizuresName'), choices: yesNoUnsure },
          { id: 'withdrawal-recent', label: this.t('withdrawalRecent'), name: this.t('withdrawalRecentName'), choices: yesNoUnsure },
          { id: 'withdrawal-daily', label: this.t('withdrawalDaily'), name: this.t('withdrawalDailyName'), choices: yesNoUnsure },
        ];
      case 'practical':
        return [
          { id: 'times', label: this.t('timesLabel'), name: this.t('timesName'), hint: this.t('timesHint'), multiple: true, choices: this.choices(['day', 'timesDay'], ['evening', 'timesEvening'], ['weekend', 'timesWeekend']) },
          { id: 'format', label: this.t('formatLabel'), name: this.t('formatName'), choices: this.choices(['in-person', 'formatInPerson'], ['online', 'formatOnline'], ['either', 'formatEither']) },
          { id: 'payment', label: this.t('paymentLabel'), name: this.t('paymentName'), choices: this.choices(['insurance', 'paymentInsurance'], ['self-pay', 'paymentSelf'], ['unsure', 'paymentUnsure']) },
        ];
      case 'contact':
        return [
          { id: 'contact-name', label: this.t('nameLabel'), hint: this.t('nameHint'), input: 'text', autocomplete: 'given-name' },
          { id: 'contact-preferred', label: this.t('preferredLabel'), name: this.t('preferredName'), choices: this.choices(['phone', 'preferredPhone'], ['text', 'preferredText'], ['email', 'preferredEmail']) },
          { id: 'contact-phone', label: this.t('phoneLabel'), input: 'tel', autocomplete: 'tel' },
          { id: 'contact-email', label: this.t('emailLabel'), input: 'email', autocomplete: 'email' },
          { id: 'contact-safe-times', label: this.t('safeTimesLabel'), hint: this.t('safeTimesHint'), input: 'text', autocomplete: 'off' },
          { id: 'contact-voicemail', label: this.t('voicemailLabel'), name: this.t('voicemailName'), choices: this.choices(['yes', 'yes'], ['no', 'voicemailNo']) },
        ];
      case 'review':
        return [];
    }
  }

  private errorMessage(error: StepError, question: Question | undefined): string {
    switch (error.code) {
      case 'phone-required':
        return this.t('errorPhoneRequired');
      case 'phone-format':
        return this.t('errorPhoneFormat');
      case 'email-required':
        return this.t('errorEmailRequired');
      case 'email-format':
        return this.t('errorEmailFormat');
      case 'required':
        if (error.field === 'consent') return this.t('errorConsent');
        if (error.field === 'contact-name') return this.t('errorName');
        if (question?.scored) return this.t('errorChooseQuestion', { n: question.label.split('.')[0]! });
        if (question?.name) return this.t(question.multiple ? 'errorChooseAtLeastOneFor' : 'errorChooseFor', { name: question.name });
        return question?.multiple ? this.t('errorChooseAtLeastOne') : this.t('errorChoose');
    }
  }

  private fieldErrors(questions: readonly Question[]): FieldError[] {
    if (!this.showErrors) return [];
    return stepErrors(this.step, this.answers).map((error) => ({
      id: error.field,
      message: this.errorMessage(
        error,
        questions.find((question) => question.id === error.field),
      ),
    }));
  }

  private headingOf(step: StepId): string {
    switch (step) {
      case 'welcome':
        return this.t('welcomeHeading');
      case 'about':
        return this.t('aboutHeading');
      case 'profession':
        return this.t('professionHeading');
      case 'hcp':
        return this.t('hcpHeading');
      case 'audit-rest':
        return this.t('auditRestHeading');
      case 'withdrawal':
        return this.t('withdrawalHeading');
      case 'practical':
        return this.t('practicalHeading');
      case 'contact':
        return this.t('contactHeading');
      case 'review':
        return this.t('reviewHeading');
      default:
        return instruments[step].title[this.settings.locale];
    }
  }

  private introOf(step: StepId): string | undefined {
    switch (step) {
      case 'welcome':
        return this.t('welcomeIntro');
      case 'hcp':
        return this.t('hcpIntro');
      case 'withdrawal':
        return this.t('withdrawalIntro');
      case 'contact':
        return this.t('contactIntro');
      case 'review':
        return this.t('reviewIntro');
      case 'audit-rest':
        return instruments.audit.instruction[this.settings.locale];
      case 'about':
      case 'profession':
      case 'practical':
        return undefined;
      default:
        return instruments[step].instruction[this.settings.locale];
    }
  }

  private answerText(question: Question): string {
    const value = this.answers[question.id];
    if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) return this.t('notAnswered');
    if (!question.choices) return String(value);
    const values = (Array.isArray(value) ? value : [String(value)]) as readonly string[];
    return values.map((v) => question.choices!.find((choice) => choice.value === v)?.label ?? v).join(', ');
  }

  private renderQuestion(question: Question, errors: readonly FieldError[]): TemplateResult {
    const error = errors.find((candidate) => candidate.id === question.id)?.message;
    const errorPrefix = this.shared('errorPrefix');
    if (question.input) {
      return textField({
        id: question.id,
        label: question.label,
        hint: question.hint,
        error,
        errorPrefix,
        type: question.input,
        autocomplete: question.autocomplete,
        inputmode: question.input === 'tel' ? 'tel' : question.input === 'email' ? 'email' : undefined,
        value: String(this.answers[question.id] ?? ''),
        onInput: (value) => this.onAnswer(question.id, value),
      });
    }
    const value = this.answers[question.id];
    return choiceGroup({
      id: question.id,
      label: question.label,
      hint: question.hint,
      error,
      errorPrefix,
      choices: question.choices ?? [],
      multiple: question.multiple,
      legendSize: 'body',
      value: Array.isArray(value) ? (value as readonly string[]) : value === undefined ? undefined : String(value),
      onChange: (chosen) => this.onAnswer(question.id, question.scored ? Number(chosen) : chosen),
    });
  }

  /** Always rendered, so that a screen reader announces the words put into it when the panel appears. */
  private renderCrisisAlert(): TemplateResult {
    const level = this.safety;
    return html`<div class="visually-hidden" role="alert">
      ${level === 'none' ? nothing : `${this.t(level === 'acute' ? 'crisisUrgentHeading' : 'crisisHeading')}. ${this.t('crisisBelow')}`}
    </div>`;
  }

  private renderCrisis(): TemplateResult | typeof nothing {
    const level = this.safety;
    if (level === 'none') return nothing;
    const es = this.settings.locale === 'es';
    return html`
      <section class="crisis" part="crisis" aria-labelledby="crisis-heading">
        <h3 id="crisis-heading">${this.t(level === 'acute' ? 'crisisUrgentHeading' : 'crisisHeading')}</h3>
        <p>${this.t(level === 'acute' ? 'crisisUrgentIntro' : 'crisisIntro')}</p>
        <ul>
          <li><a href="tel:988">${this.t('crisisCall')}</a></li>
          <li><a href=${es ? 'sms:988?body=AYUDA' : 'sms:988'}>${this.t('crisisText')}</a></li>
          <li><a href="https://988lifeline.org/chat/" target="_blank" rel="noopener noreferrer">${this.t('crisisChat')}</a></li>
          <li><a href="tel:911">${this.t('crisis911')}</a></li>
          ${this.setup.crisisLines.map((line) => {
            const view = crisisLineView(line, this.settings.locale);
            return html`<li>
              ${view.links.length ? nothing : view.name}
              ${view.links.map((link, index) => {
                const words = this.t(link.kind === 'call' ? 'crisisLineCall' : link.kind === 'text' ? 'crisisLineText' : 'crisisLineWeb', { name: view.name, number: link.shown });
                const separator = index > 0 ? ' · ' : '';
                return link.kind === 'web'
                  ? html`${separator}<a href=${link.href} target="_blank" rel="noopener noreferrer">${words}</a>`
                  : html`${separator}<a href=${link.href}>${words}</a>`;
              })}
            </li>`;
          })}
        </ul>
        <p>${this.t('crisisContinue')}</p>
      </section>
    `;
  }

  private renderToolbar(): TemplateResult {
    const exit = this.safeQuickExitUrl;
    // While the center's settings (with its quick-exit address) are on their way, the button's room is kept, unseen:
    // on a narrow phone it takes a second row, and the step must not move when it appears.
    const awaited = !exit && this.centerScreener.state.status === 'pending';
    return html`
      <div class="toolbar">
        <button type="button" class="link-button" @click=${this.onClear}>${this.t('clear')}</button>
        ${exit
          ? html`<button type="button" class="leave" @click=${this.onLeave}>${this.t('leave')}</button>`
          : awaited
            ? html`<button type="button" class="leave reserved" tabindex="-1" aria-hidden="true" disabled>${this.t('leave')}</button>`
            : nothing}
      </div>
    `;
  }

  private renderStorageNotice(): TemplateResult | typeof nothing {
    if (!this.draft.persistent) {
      return html`<p class="notice">${this.shared(this.draft.fallbackReason === 'memory-mode' ? 'memoryMode' : 'notPersistent')}</p>`;
    }
    return this.step === 'welcome' ? html`<p class="notice">${this.t('savedLocally')}</p>` : nothing;
  }

  private renderNotice(): TemplateResult | typeof nothing {
    if (this.notice === 'cleared') return html`<p class="notice">${this.t('cleared')}</p>`;
    if (this.notice === 'refused') return html`<p class="notice">${this.t('refused')} ${this.phoneSentence()}</p>`;
    if (this.resumed && this.step !== 'welcome')
      return html`<p class="notice">${this.t('resumed')} <button type="button" class="link-button" @click=${this.onClear}>${this.t('startAgain')}</button></p>`;
    return nothing;
  }

  private phoneSentence(): TemplateResult | string {
    const state = this.programs.state;
    if (state.status !== 'ready') return this.t('receiptCallNoNumber');
    const { phone } = state.value.center;
    return withPhoneLink(this.t('receiptCall', { phone }), phone);
  }

  private resultText(result: ScreeningResult): string {
    const key: Record<ScreeningResult, IntakeMessage> = {
      'iop-fit': 'resultIopFit',
      'withdrawal-evaluation': 'resultWithdrawal',
      'higher-level': 'resultHigherLevel',
      'get-help-now': 'resultHelpNow',
    };
    return this.t(key[result]);
  }

  private renderResult(): TemplateResult {
    const { result } = evaluate(this.set, this.answers, this.centerThresholds);
    return html`
      <div class="result">
        <h3>${this.t('resultHeading')}</h3>
        <p>${this.resultText(result)}</p>
        <p>${this.t('resultNote')}</p>
      </div>
    `;
  }

  private renderReview(): TemplateResult {
    const steps = this.steps.filter((step) => step !== 'welcome' && step !== 'review');
    return html`
      <div class="review">
        ${steps.map(
          (step) => html`
            <h3>${this.headingOf(step)}</h3>
            <dl>
              ${this.questions(step).map(
                (question) => html`
                  <div class="review-row">
                    <dt>${question.label}</dt>
                    <dd>${this.answerText(question)}</dd>
                    <dd class="review-change">
                      <button type="button" class="link-button" @click=${() => this.change(step)}>
                        ${this.t('change')}<span class="visually-hidden"> ${question.label}</span>
                      </button>
                    </dd>
                  </div>
                `,
              )}
            </dl>
          `,
        )}
      </div>
    `;
  }

  private change(step: StepId): void {
    this.returnToReview = true;
    void this.goTo(step);
  }

  private renderStep(): TemplateResult {
    const steps = this.steps;
    const questions = this.questions(this.step);
    const errors = this.fieldErrors(questions);
    const index = steps.indexOf(this.step);
    const intro = this.introOf(this.step);
    const submitting = this.phase === 'submitting';
    const crisisAnchor = this.crisisAnchor;
    return html`
      ${crisisAnchor ? nothing : this.renderCrisis()}
      <form part="step" novalidate @submit=${this.step === 'review' ? this.onSubmit : this.onContinue}>
        <p class="progress">${this.t('stepOf', { n: index + 1, total: steps.length })}</p>
        <h2 tabindex="-1">${this.headingOf(this.step)}</h2>
        ${errorSummary(this.shared('errorSummaryTitle'), errors)} ${this.renderNotice()} ${this.renderStorageNotice()}
        ${intro ? html`<p>${intro}</p>` : nothing}
        ${this.step === 'welcome'
          ? html`<h3>${this.t('privacyHeading')}</h3>
              <ul>
              <li>${this.t('privacyWhat')}</li>
              <li>${this.t('privacyWho')}</li>
              <li>${this.t('privacyLaw')}</li>
            </ul>`
          : nothing}
        ${this.step === 'review'
          ? html`${this.renderResult()}${this.renderReview()}`
          : questions.map((question) => html`${this.renderQuestion(question, errors)}${question.id === crisisAnchor ? this.renderCrisis() : nothing}`)}
        <div class="button-row">
          <button type="submit" aria-disabled=${submitting ? 'true' : 'false'}>${this.step === 'review' ? this.t(submitting ? 'sending' : 'submit') : this.t('continue')}</button>
          ${index > 0 ? html`<button type="button" class="button--secondary" @click=${this.onBack}>${this.t('back')}</button>` : nothing}
        </div>
      </form>
    `;
  }

  private renderReceipt(): TemplateResult {
    const queued = this.phase === 'queued';
    const { result } = evaluate(this.set, this.answers, this.centerThresholds);
    return html`
      <section part="receipt">
        <h2 tabindex="-1">${this.t(queued ? 'receiptQueuedHeading' : 'receiptHeading')}</h2>
        ${queued ? html`<p class="notice">${this.t('receiptQueued')}</p>` : nothing}
        <p>${this.resultText(result)} ${this.t('resultNote')}</p>
        <p>${this.t('receiptNext')}</p>
        <p>${this.phoneSentence()}</p>
        ${queued ? nothing : referenceLine(this.receiptReference, this.settings.locale)}
      </section>
    `;
  }

  override render() {
    const setupProblem = this.renderOriginRefused();
    if (setupProblem) return setupProblem;
    if (this.isolationMode.framed) return this.isolationMode.render();
    if (!this.settings.config) return html`<p class="notice">${this.t('notConfigured')}</p>`;
    if (this.phase === 'loading') return html`<p class="loading" role="status">${this.shared('loading')}</p>`;
    const done = this.phase === 'sent' || this.phase === 'queued';
    return html`
      <div class="screener" lang=${this.settings.locale}>
        ${this.renderLanguageSwitch()} ${done ? nothing : this.renderToolbar()} ${this.renderCrisisAlert()}
        ${done ? html`${this.renderCrisis()}${this.renderReceipt()}` : this.renderStep()}
      </div>
    `;
  }
}

if (!customElements.get('iop-intake-screener')) customElements.define('iop-intake-screener', IopIntakeScreener);

declare global {
  interface HTMLElementTagNameMap {
    'iop-intake-screener': IopIntakeScreener;
  }
}

export { IntakeSubmittedEvent, type IntakeSubmittedDetail };
