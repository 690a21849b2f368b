import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { CallbackRequest, CardPhotoUpload, Contact, Coverage, EligibilityCheck, EligibilityRequest, Payer, PayerList, ProgramList, Track } from '../../api/schemas.js';
import { createIdempotencyKey } from '../../client/client.js';
import {
  assumptionSource,
  daysPerWeek,
  estimateCoveredCost,
  estimateSelfPayCost,
  type Assumption,
  type AssumptionSource,
  type CostEstimate,
  type ProgramPrice,
} from '../../domain/cost-estimate.js';
import { payersMatching, type InsuranceStep } from '../../domain/insurance-flow.js';
import {
  callbackProblems,
  memberProblems,
  splitName,
  type CallbackAnswers,
  type CallbackField,
  type FieldProblem,
  type MemberAnswers,
  type MemberField,
  type PersonAnswers,
} from '../../domain/eligibility-form.js';
import { normalizeMemberId, type MemberIdRule } from '../../domain/member-id.js';
import { formatDate, formatDateFieldExample, formatMoney } from '../../i18n/format.js';
import { translate } from '../../i18n/locale.js';
import { sharedMessages, type SharedMessage } from '../../i18n/messages.js';
import { DraftController } from '../shared/draft-controller.js';
import { choiceGroup, errorSummary, focusErrorSummary, textField, type FieldError } from '../shared/form-fields.js';
import { formStyles } from '../shared/form.styles.js';
import { IsolationController } from '../shared/isolation-controller.js';
import { IopWidgetElement } from '../shared/iop-widget-element.js';
import { IopEligibilityCheckedEvent, type EligibilityCheckedDetail, type EligibilityCheckedStatus } from '../events.js';
import { OutboxController } from '../shared/outbox-controller.js';
import { withPhoneLink } from '../shared/phone-link.js';
import { referenceLine } from '../shared/reference-line.js';
import { ALWAYS_REVALIDATE, ResourceController } from '../shared/resource-controller.js';
import { themeStyles } from '../shared/theme.js';
import { CardPhotoController, photoBase64, type CardSide } from './card-photo-controller.js';
import { EligibilityCheckController } from './eligibility-check-controller.js';
import { insuranceMessages, type InsuranceMessage } from './insurance-verification.messages.js';
import { insuranceVerificationStyles } from './insurance-verification.styles.js';
import { localizedText } from '../../domain/center-text.js';


type Step = InsuranceStep;

/** Where the card photos sent with a check are: with the center, in the outbox, or refused. */
interface PhotoDelivery {
  checkId: string;
  status: 'sending' | 'sent' | 'queued' | 'refused';
}

interface ChosenPayer {
  id: string;
  name: string;
  rule: MemberIdRule;
  inNetwork: boolean | null;
}

/** What the encrypted draft keeps. Never photos; the check result is asked for again by id. */
interface InsuranceDraft {
  step: Step;
  payer?: ChosenPayer;
  unlisted: boolean;
  unlistedName: string;
  member: MemberAnswers;
  prefill?: 'used' | 'declined';
  trackId?: string;
  /** Created once per set of details; reused if the page reloads while the check is being sent. */
  checkKey?: string;
  checkId?: string;
  callback: CallbackAnswers;
  callbackKey?: string;
  /** Where "Back" from the call-back step returns. */
  callbackFrom?: Step;
  /** The detail the insurer could not match (an AAA rejection): shown on its field until the next check. */
  payerCorrection?: NonNullable<EligibilityCheck['correction']>;
}

const DRAFT_ID = 'insurance-verification';
/** The intake screener's contact details (contract `Contact`), reused only when the person says yes. */
const SHARED_CONTACT_DRAFT_ID = 'shared-contact';
const emptyPerson = (): PersonAnswers => ({ firstName: '', lastName: '', dateOfBirth: '' });
const emptyDraft = (): InsuranceDraft => ({
  step: 'payer',
  unlisted: false,
  unlistedName: '',
  member: { memberId: '', groupNumber: '', patient: emptyPerson(), relationship: '', subscriber: emptyPerson() },
  callback: { phone: '', bestTimes: '', voicemailOk: '', consent: false },
});

const memberErrorKey: Record<MemberField, Partial<Record<FieldProblem, InsuranceMessage>> & { required: InsuranceMessage }> = {
  memberId: {
    required: 'errorRequiredMemberId',
    characters: 'errorMemberIdCharacters',
    'too-short': 'errorMemberIdTooShort',
    'too-long': 'errorMemberIdTooLong',
    'mbi-format': 'errorMbiFormat',
    'bcbs-prefix': 'errorBcbsPrefix',
  },
  groupNumber: { required: 'errorGroup' },
  patientFirstName: { required: 'errorFirstName', 'too-long': 'errorNameTooLong' },
  patientLastName: { required: 'errorLastName', 'too-long': 'errorNameTooLong' },
  patientDateOfBirth: { required: 'errorDobRequired', 'date-invalid': 'errorDobInvalid', 'date-future': 'errorDobFuture', 'date-too-old': 'errorDobTooOld' },
  relationship: { required: 'errorRelationship' },
  subscriberFirstName: { required: 'errorSubscriberFirstName', 'too-long': 'errorNameTooLong' },
  subscriberLastName: { required: 'errorSubscriberLastName', 'too-long': 'errorNameTooLong' },
  subscriberDateOfBirth: {
    required: 'errorSubscriberDob',
    'date-invalid': 'errorDobInvalid',
    'date-future': 'errorDobFuture',
    'date-too-old': 'errorDobTooOld',
  },
};

const callbackErrorKey: Record<CallbackField, Partial<Record<FieldProblem, InsuranceMessage>> & { required: InsuranceMessage }> = {
  phone: { required: 'errorPhoneRequired', characters: 'errorPhoneInvalid' },
  bestTimes: { required: 'errorBestTimes' },
  voicemailOk: { required: 'errorVoicemail' },
  consent: { required: 'errorConsent' },
};

/** Field ids in the shadow root, in the order the error summary lists them. */
const memberFieldIds: Record<MemberField, string> = {
  memberId: 'member-id',
  groupNumber: 'group-number',
  patientFirstName: 'patient-first-name',
  patientLastName: 'patient-last-name',
  patientDateOfBirth: 'patient-dob',
  relationship: 'relationship',
  subscriberFirstName: 'subscriber-first-name',
  subscriberLastName: 'subscriber-last-name',
  subscriberDateOfBirth: 'subscriber-dob',
};
const callbackFieldIds: Record<CallbackField, string> = { phone: 'callback-phone', bestTimes: 'callback-times', voicemailOk: 'callback-voicemail', consent: 'callback-consent' };

const today = () => new Date().toLocaleDateString('en-CA');

/** The field an insurer's AAA rejection points to, and what to tell the person there. */
const correctionTarget: Record<NonNullable<EligibilityCheck['correction']>, { field: MemberField; message: InsuranceMessage }> = {
  'member-id': { field: 'memberId', message: 'correctionMemberId' },
  'date-of-birth': { field: 'patientDateOfBirth', message: 'correctionDateOfBirth' },
  name: { field: 'patientFirstName', message: 'correctionName' },
};

/**
 * Checks a person's insurance for the center's Intensive Outpatient Program and shows, in plain
 * language, whether it is active, whether the center is in network, what is left of the deductible
 * and out-of-pocket maximum, and an estimated cost range with every assumption beside it. When the
 * payer is slow or silent, the person asks for a call back instead. What they type is kept in an
 * encrypted, short-lived draft. Card photos are never part of the draft: they go to the center with
 * the check, through the encrypted outbox, so a dropped connection only delays them.
 *
 * @summary Verifies insurance benefits for IOP and shows a transparent cost estimate.
 * @tagname iop-insurance-verification
 * @csspart setup-problem - Shown instead of the widget when the API does not accept this page's origin (IOP_ALLOWED_ORIGINS).
 * @csspart reference - The receipt's reference to read out on the phone.
 * @fires {EligibilityCheckedDetail} iop-eligibility-checked - A check answered (an IopEligibilityCheckedEvent). Detail: `{ checkId, status: 'complete' | 'pending' | 'callback' }` only.
 * @csspart error-summary - The "There is a problem" box after a failed submit.
 * @csspart estimate - The cost estimate panel.
 * @cssprop [--iop-color-accent=#0b5f73] - Buttons, links and the highlighted insurer.
 * @cssprop [--iop-color-error=#b3261e] - Error messages and invalid borders.
 * @cssprop [--iop-color-success=#1e6b35] - Confirmations.
 * @cssprop [--iop-color-focus=#ffbf47] - Focus ring.
 * @cssprop [--iop-color-border=#6b7580] - Inputs, the insurer list and panels.
 * @cssprop [--iop-radius=6px] - Corner radius.
 * @cssprop [--iop-space=1rem] - Base spacing unit.
 * @cssprop [--iop-frame-initial-height=28rem] - Frame mode: room kept for the frame until it reports its height.
 */
export class IopInsuranceVerification extends IopWidgetElement {
  static override styles = [themeStyles, formStyles, insuranceVerificationStyles];

  private payerQueryTimer?: ReturnType<typeof setTimeout>;
  private draftTimer?: ReturnType<typeof setTimeout>;
  private restored = false;
  private focusHeadingNext = false;
  private focusSummaryNext = false;
  /** Id of a field to focus after the next render (an insurer's correction). */
  private focusFieldNext?: string;
  /** Idempotency keys of photos handed to the outbox, per check: each photo reaches a check once. */
  private readonly photoKeys = new WeakMap<Blob, Map<string, string>>();
  /** Outbox entries of card photos that wait for the connection. */
  private readonly queuedPhotos = new Set<string>();

  private readonly draft = new DraftController<InsuranceDraft>(this, this.settings, DRAFT_ID);
  /** @internal */
  private readonly isolationMode = new IsolationController(this, this.settings, {
    initialHeight: '28rem',
    outcome: { name: IopEligibilityCheckedEvent.eventName, create: (id, status) => new IopEligibilityCheckedEvent(id, status as EligibilityCheckedStatus) },
    frameWhenCrossOrigin: true,
  });
  private readonly sharedContact = new DraftController<Contact>(this, this.settings, SHARED_CONTACT_DRAFT_ID);
  private readonly outbox = new OutboxController(this, this.settings);
  private readonly photos = new CardPhotoController(this);
  private readonly eligibility = new EligibilityCheckController(this, this.settings);
  private readonly programs = new ResourceController<ProgramList>(this, this.settings, (client) => ({
    key: 'programs',
    ttlMs: ALWAYS_REVALIDATE,
    load: (signal) => client.listPrograms({ signal }),
  }));
  private readonly payers = new ResourceController<PayerList>(this, this.settings, (client) => ({
    key: `payers?q=${this.payerSearch}`,
    load: (signal) => client.listPayers(this.payerSearch ? { q: this.payerSearch } : {}, { signal }),
  }));

  /** @internal */
  @state() private answers: InsuranceDraft = emptyDraft();
  /** @internal */
  @state() private showErrors = false;
  /** @internal */
  @state() private payerQuery = '';
  /** @internal The query sent to the API: follows `payerQuery` after a short pause in typing. */
  @state() private payerSearch = '';
  /** @internal */
  @state() private listOpen = false;
  /** @internal */
  @state() private activeOption = -1;
  /** @internal */
  @state() private offeredContact?: Contact;
  /** @internal */
  @state() private callbackResult?: 'sending' | 'sent' | 'queued' | 'refused';
  /** @internal The callback receipt's reference, to read out on the phone. */
  @state() private callbackReference?: string;
  /** @internal */
  @state() private photoDelivery?: PhotoDelivery;

  /** The track to estimate the cost of (an id from `GET programs`); the person can change it. */
  @property({ attribute: 'track-id' }) trackId?: string;

  constructor() {
    super();
    this.eligibility.onCheckId = (checkId) => {
      this.answers = { ...this.answers, checkId };
      void this.saveNow();
      void this.sendPhotos(checkId);
    };
    this.outbox.onDelivered = (entryId) => {
      // A photo queued while offline reached the center: say so once the last one is there.
      if (!this.queuedPhotos.delete(entryId) || this.queuedPhotos.size || this.photoDelivery?.status !== 'queued') return;
      this.photoDelivery = { ...this.photoDelivery, status: 'sent' };
    };
    this.eligibility.onStatus = (check) => {
      // The answer replaces the progress: move focus to it, unless the person is elsewhere on the page.
      if (check.status !== 'pending' && this.shadowRoot?.activeElement) this.focusHeadingNext = true;
      this.dispatchEvent(new IopEligibilityCheckedEvent(check.id, check.status));
      // The insurer named a detail the person can fix: take them to that field.
      if (check.outcome === 'correction-needed' && check.correction) this.showCorrection(check.correction);
    };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.payerQueryTimer);
    if (this.draftTimer !== undefined) void this.saveNow();
    this.restored = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.restored && this.settings.config) {
      this.restored = true;
      void this.restore();
    }
    if (changed.has('trackId') && this.trackId && !this.answers.trackId) this.answers = { ...this.answers, trackId: this.trackId };
  }

  protected override updated(): void {
    if (this.focusSummaryNext) {
      this.focusSummaryNext = false;
      focusErrorSummary(this.shadowRoot);
    } else if (this.focusFieldNext) {
      const id = this.focusFieldNext;
      this.focusFieldNext = undefined;
      this.shadowRoot?.getElementById(id)?.focus();
    } else if (this.focusHeadingNext) {
      this.focusHeadingNext = false;
      this.shadowRoot?.querySelector<HTMLElement>('h2')?.focus();
    }
  }

  private readonly onPayerInput = (event: Event) => {
    const value = (event.target as HTMLInputElement).value;
    this.payerQuery = value;
    this.listOpen = true;
    this.activeOption = -1;
    if (this.answers.payer && value !== this.answers.payer.name) this.edit({ payer: undefined });
    clearTimeout(this.payerQueryTimer);
    this.payerQueryTimer = setTimeout(() => (this.payerSearch = value.trim().slice(0, 100)), 200);
  };

  private readonly onPayerKeydown = (event: KeyboardEvent) => {
    const options = this.payerOptions();
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.listOpen) {
          this.listOpen = true;
          this.activeOption = event.altKey || !options.length ? -1 : 0;
        } else if (options.length) {
          this.activeOption = (this.activeOption + 1) % options.length;
        }
        break;
      case 'ArrowUp':
        event.preventDefault();
        this.listOpen = true;
        if (options.length) this.activeOption = this.activeOption <= 0 ? options.length - 1 : this.activeOption - 1;
        break;
      case 'Enter': {
        const option = this.listOpen ? options[this.activeOption] : undefined;
        if (option) {
          event.preventDefault();
          this.choosePayer(option);
        }
        break;
      }
      case 'Escape':
        if (this.listOpen) {
          event.preventDefault();
          this.closeList();
        } else if (this.payerQuery) {
          event.preventDefault();
          this.payerQuery = this.payerSearch = '';
          this.edit({ payer: undefined });
        }
        break;
      case 'Tab':
        this.closeList();
        break;
    }
  };

  private readonly onPayerFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (!next || !(event.currentTarget as HTMLElement).contains(next)) this.closeList();
  };

  private readonly onPayerSubmit = (event: Event) => {
    event.preventDefault();
    if (this.payerErrors(true).length) return this.failSubmit();
    this.goTo('member');
  };

  private readonly onMemberSubmit = (event: Event) => {
    event.preventDefault();
    if (this.memberErrors(true).length) return this.failSubmit();
    void this.startCheck();
  };

  private readonly onCallbackSubmit = (event: Event) => {
    event.preventDefault();
    if (this.callbackErrors(true).length) return this.failSubmit();
    void this.sendCallback();
  };

  private async restore(): Promise<void> {
    const [saved, contact] = await Promise.all([this.draft.load().catch(() => undefined), this.sharedContact.load().catch(() => undefined)]);
    if (saved) {
      this.answers = { ...emptyDraft(), ...saved };
      this.payerQuery = saved.payer?.name ?? '';
      if (saved.step === 'checking') {
        // Left while a check was under way: pick it up, or send it again with the same key (the server replays).
        if (saved.checkId) this.eligibility.resume(saved.checkId);
        else void this.startCheck();
      }
    }
    if (contact && !this.answers.prefill) this.offeredContact = contact;
  }

  private edit(patch: Partial<InsuranceDraft>, member?: Partial<MemberAnswers>): void {
    const changesDetails = member !== undefined || 'payer' in patch || 'unlisted' in patch || 'unlistedName' in patch;
    this.answers = {
      ...this.answers,
      ...patch,
      ...(member ? { member: { ...this.answers.member, ...member } } : {}),
      // New details are a new check: a new Idempotency-Key, and the old result no longer applies.
      ...(changesDetails ? { checkKey: undefined, checkId: undefined } : {}),
    };
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => void this.saveNow(), 300);
  }

  private editCallback(patch: Partial<CallbackAnswers>): void {
    this.edit({ callback: { ...this.answers.callback, ...patch } });
  }

  private async saveNow(): Promise<void> {
    clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    await this.draft.save(this.answers).catch(() => undefined);
  }

  private goTo(step: Step): void {
    this.showErrors = false;
    this.focusHeadingNext = true;
    this.answers = { ...this.answers, step };
    void this.saveNow();
  }

  private failSubmit(): void {
    this.showErrors = true;
    this.focusSummaryNext = true;
  }

  private closeList(): void {
    this.listOpen = false;
    this.activeOption = -1;
  }

  private choosePayer(payer: Payer): void {
    this.edit({ payer: { id: payer.id, name: payer.name, rule: payer.memberIdRule, inNetwork: payer.inNetwork }, unlisted: false });
    this.payerQuery = payer.name;
    this.closeList();
  }

  private useContact(use: boolean): void {
    const contact = this.offeredContact;
    this.offeredContact = undefined;
    if (!use || !contact) return this.edit({ prefill: 'declined' });
    const name = splitName(contact.name);
    this.edit(
      { prefill: 'used', callback: { ...this.answers.callback, phone: this.answers.callback.phone || contact.phone || '', voicemailOk: this.answers.callback.voicemailOk || (contact.voicemailOk ? 'yes' : 'no') } },
      { patient: { ...this.answers.member.patient, firstName: this.answers.member.patient.firstName || name.firstName, lastName: this.answers.member.patient.lastName || name.lastName } },
    );
  }

  private showCorrection(correction: NonNullable<EligibilityCheck['correction']>): void {
    this.answers = { ...this.answers, step: 'member', payerCorrection: correction };
    this.focusHeadingNext = false;
    this.focusFieldNext = memberFieldIds[correctionTarget[correction].field];
    void this.saveNow();
  }

  private async startCheck(): Promise<void> {
    const checkKey = this.answers.checkKey ?? createIdempotencyKey();
    // A previous answer (say "not found", before the member id was corrected) must not flash up as
    // the new result: the focus would land on it and be lost when the progress replaces it.
    this.eligibility.reset();
    this.answers = { ...this.answers, checkKey, step: 'checking', payerCorrection: undefined };
    this.showErrors = false;
    this.focusHeadingNext = true;
    await this.saveNow();
    await this.eligibility.start(this.eligibilityRequest(), checkKey);
  }

  private eligibilityRequest(): EligibilityRequest {
    const { member, payer, unlisted, unlistedName } = this.answers;
    const person = (p: PersonAnswers) => ({ firstName: p.firstName.trim(), lastName: p.lastName.trim(), dateOfBirth: p.dateOfBirth });
    const relationship = member.relationship || 'self';
    const group = member.groupNumber.trim();
    return {
      ...(unlisted ? { payerName: unlistedName.trim() } : payer ? { payerId: payer.id } : {}),
      memberId: normalizeMemberId(member.memberId, this.memberIdRule),
      ...(group ? { groupNumber: group } : {}),
      patient: person(member.patient),
      relationship,
      ...(relationship !== 'self' ? { subscriber: person(member.subscriber) } : {}),
      ...(this.selectedTrack() ? { trackId: this.selectedTrack()!.id } : {}),
      locale: this.settings.locale,
    };
  }

  private async sendCallback(): Promise<void> {
    if (this.callbackResult === 'sending') return;
    const callbackKey = this.answers.callbackKey ?? createIdempotencyKey();
    this.answers = { ...this.answers, callbackKey };
    this.callbackResult = 'sending';
    const { phone, bestTimes, voicemailOk } = this.answers.callback;
    const body: CallbackRequest = {
      phone: phone.trim(),
      ...(bestTimes.trim() ? { bestTimes: bestTimes.trim() } : {}),
      voicemailOk: voicemailOk === 'yes',
      consent: true,
      topic: 'insurance',
      ...(this.answers.checkId ? { eligibilityCheckId: this.answers.checkId } : {}),
      locale: this.settings.locale,
    };
    await this.saveNow();
    try {
      const outcome = await this.outbox.submit({ endpoint: 'createCallbackRequest', body, idempotencyKey: callbackKey, draftId: DRAFT_ID });
      this.callbackResult = outcome.status;
      this.callbackReference = outcome.status === 'sent' ? outcome.response.reference : undefined;
      if (outcome.status === 'refused') {
        this.answers = { ...this.answers, callbackKey: undefined };
        // The person fixes the number and sends a new request; the refused one is of no use to anyone.
        await this.outbox.discard(outcome.entryId).catch(() => undefined);
      }
    } catch {
      this.callbackResult = 'queued';
    }
    this.focusHeadingNext = true;
  }

  /** Sends the photos the person added, attached to the check just created (200 or 202). */
  private async sendPhotos(checkId: string): Promise<void> {
    const photos = this.photos.ready();
    if (!photos.length) return;
    this.photoDelivery = { checkId, status: 'sending' };
    const outcomes: PhotoDelivery['status'][] = [];
    for (const { side, blob } of photos) {
      try {
        const body: CardPhotoUpload = { side, mediaType: blob.type === 'image/webp' ? 'image/webp' : 'image/jpeg', dataBase64: await photoBase64(blob) };
        const outcome = await this.outbox.submit({ endpoint: 'uploadCardPhoto', id: checkId, body, idempotencyKey: this.photoKey(blob, checkId) });
        if (outcome.status === 'queued') this.queuedPhotos.add(outcome.entryId);
        // The server will not take it (the check is gone, the image is not one): retrying cannot help.
        if (outcome.status === 'refused') await this.outbox.discard(outcome.entryId).catch(() => undefined);
        outcomes.push(outcome.status);
      } catch {
        outcomes.push('refused');
      }
    }
    // Started over or sent other details meanwhile: this answer belongs to an older check.
    if (this.photoDelivery?.checkId !== checkId) return;
    const waiting = outcomes.includes('queued') && this.queuedPhotos.size > 0;
    this.photoDelivery = { checkId, status: outcomes.includes('refused') ? 'refused' : waiting ? 'queued' : 'sent' };
  }

  private photoKey(photo: Blob, checkId: string): string {
    const keys = this.photoKeys.get(photo) ?? new Map<string, string>();
    this.photoKeys.set(photo, keys);
    const key = keys.get(checkId) ?? createIdempotencyKey();
    keys.set(checkId, key);
    return key;
  }

  private async startOver(): Promise<void> {
    this.eligibility.reset();
    this.photoDelivery = undefined;
    this.photos.remove('front');
    this.photos.remove('back');
    this.answers = { ...emptyDraft(), prefill: this.answers.prefill };
    this.payerQuery = this.payerSearch = '';
    this.callbackResult = undefined;
    this.focusHeadingNext = true;
    this.showErrors = false;
    await this.draft.clear().catch(() => undefined);
  }

  private t(key: InsuranceMessage, params?: Record<string, string | number>): string {
    return translate(insuranceMessages, this.settings.locale, key, params);
  }

  private shared(key: SharedMessage, params?: Record<string, string | number>): string {
    return translate(sharedMessages, this.settings.locale, key, params);
  }

  private money(cents: number): string {
    return formatMoney(cents, this.settings.locale, this.currency());
  }

  private currency(): string {
    return this.selectedTrack()?.price?.currency ?? 'USD';
  }

  private get memberIdRule(): MemberIdRule {
    return this.answers.unlisted ? 'generic' : (this.answers.payer?.rule ?? 'generic');
  }

  private payerOptions(): Payer[] {
    const state = this.payers.state;
    // Filtered again by what is typed now: the list on screen may answer an earlier query.
    return state.status === 'ready' ? payersMatching(state.value.payers, this.payerQuery).slice(0, 50) : [];
  }

  private pricedTracks(): Track[] {
    const state = this.programs.state;
    if (state.status !== 'ready') return [];
    const locale = this.settings.locale;
    return state.value.programs
      .filter((program) => program.kind === 'iop')
      .flatMap((program) => program.tracks.filter((track) => track.price).map((track) => localizedText(track, locale)));
  }

  private selectedTrack(): Track | undefined {
    const tracks = this.pricedTracks();
    return tracks.find((track) => track.id === this.answers.trackId) ?? tracks.find((track) => track.id === this.trackId) ?? tracks[0];
  }

  private programPrice(): ProgramPrice | undefined {
    const track = this.selectedTrack();
    if (!track?.price) return undefined;
    return { perDayCents: track.price.perDayCents, daysPerWeek: daysPerWeek(track.meetings), weeks: track.weeks };
  }

  /** Shown only after a failed submit; `always` for deciding whether a submit may go ahead. */
  private payerErrors(always = false): FieldError[] {
    if (!this.showErrors && !always) return [];
    if (this.answers.unlisted) return this.answers.unlistedName.trim() ? [] : [{ id: 'unlisted-name', message: this.t('errorUnlistedRequired') }];
    return this.answers.payer ? [] : [{ id: 'payer', message: this.t('errorPayerRequired') }];
  }

  /** Shown only after a failed submit; `always` for deciding whether a submit may go ahead. */
  private memberErrors(always = false): FieldError[] {
    const correction = this.answers.payerCorrection && correctionTarget[this.answers.payerCorrection];
    if (!this.showErrors && !always) {
      // What the insurer could not match shows at once; it never blocks sending the details again.
      return correction && !always ? [{ id: memberFieldIds[correction.field], message: this.t(correction.message) }] : [];
    }
    const problems = memberProblems(this.answers.member, this.memberIdRule, today());
    return (Object.keys(memberFieldIds) as MemberField[]).flatMap((field) => {
      const problem = problems[field];
      if (!problem) return correction?.field === field && !always ? [{ id: memberFieldIds[field], message: this.t(correction.message) }] : [];
      const keys = memberErrorKey[field];
      return [{ id: memberFieldIds[field], message: this.t(keys[problem] ?? keys.required) }];
    });
  }

  /** Shown only after a failed submit; `always` for deciding whether a submit may go ahead. */
  private callbackErrors(always = false): FieldError[] {
    if (!this.showErrors && !always) return [];
    const problems = callbackProblems(this.answers.callback);
    return (Object.keys(callbackFieldIds) as CallbackField[]).flatMap((field) => {
      const problem = problems[field];
      if (!problem) return [];
      const keys = callbackErrorKey[field];
      return [{ id: callbackFieldIds[field], message: this.t(keys[problem] ?? keys.required) }];
    });
  }

  private errorFor(errors: FieldError[], id: string): string | undefined {
    return errors.find((error) => error.id === id)?.message;
  }

  private networkText(inNetwork: boolean | null): string {
    return this.t(inNetwork === true ? 'networkIn' : inNetwork === false ? 'networkOut' : 'networkUnknown');
  }

  private heading(text: string, step?: number, describedBy?: string): TemplateResult {
    return html`
      ${step ? html`<p class="progress">${this.t('progress', { step, total: 3 })}</p>` : nothing}
      <h2 tabindex="-1" aria-describedby=${ifDefined(describedBy)}>${text}</h2>
    `;
  }

  // Options never take focus: the combobox input handles their keys (ARIA APG combobox pattern).
  /* eslint-disable lit-a11y/click-events-have-key-events */
  private renderPayerStep(): TemplateResult {
    const errors = this.payerErrors();
    const options = this.payerOptions();
    const state = this.payers.state;
    const error = this.errorFor(errors, 'payer');
    const active = this.listOpen ? options[this.activeOption] : undefined;
    const chosen = this.answers.payer;
    return html`
      ${this.heading(this.t('payerHeading'), 1)}
      <p>${this.t('intro')}</p>
      ${errorSummary(this.shared('errorSummaryTitle'), errors)}
      <form novalidate @submit=${this.onPayerSubmit}>
        ${this.answers.unlisted
          ? nothing
          : html`
              <div class="field ${error ? 'field--error' : ''}">
                <label for="payer" id="payer-label">${this.t('payerLabel')}</label>
                <div class="hint" id="payer-hint">${this.t('payerHint')}</div>
                ${error ? html`<p class="error-message" id="payer-error"><span class="visually-hidden">${this.shared('errorPrefix')}</span> ${error}</p>` : nothing}
                <div class="combobox" @focusout=${this.onPayerFocusOut}>
                  <input
                    id="payer"
                    type="text"
                    role="combobox"
                    aria-labelledby="payer-label"
                    autocomplete="off"
                    spellcheck="false"
                    aria-autocomplete="list"
                    aria-expanded=${this.listOpen ? 'true' : 'false'}
                    aria-controls="payer-listbox"
                    aria-activedescendant=${active ? `payer-option-${active.id}` : ''}
                    aria-invalid=${error ? 'true' : 'false'}
                    aria-describedby=${error ? 'payer-hint payer-error' : 'payer-hint'}
                    .value=${live(this.payerQuery)}
                    @input=${this.onPayerInput}
                    @keydown=${this.onPayerKeydown}
                    @click=${() => (this.listOpen = true)}
                  />
                  <ul id="payer-listbox" role="listbox" aria-label=${this.t('payerListLabel')} ?hidden=${!this.listOpen || !options.length}>
                    ${options.map(
                      (payer, index) => html`
                        <li
                          id="payer-option-${payer.id}"
                          role="option"
                          aria-selected=${index === this.activeOption ? 'true' : 'false'}
                          @mousedown=${(event: Event) => event.preventDefault()}
                          @click=${() => this.choosePayer(payer)}
                        >
                          ${payer.name}
                          ${payer.aliases.length ? html`<span class="option-alias">${payer.aliases.join(', ')}</span>` : nothing}
                        </li>
                      `,
                    )}
                  </ul>
                </div>
                <div role="status" class="hint">
                  ${this.listOpen
                    ? state.status === 'pending'
                      ? this.t('payerLoading')
                      : state.status === 'ready'
                        ? options.length
                          ? this.t('payerCount', { count: options.length })
                          : this.t('payerNone')
                        : state.status === 'error'
                          ? this.shared('offline')
                          : nothing
                    : chosen
                      ? this.t('payerChosen', { name: chosen.name })
                      : nothing}
                </div>
                ${chosen ? html`<p class="notice">${this.networkText(chosen.inNetwork)}</p>` : nothing}
              </div>
            `}
        <div class="choice-block">
          <div class="choice">
            <input
              id="unlisted"
              type="checkbox"
              .checked=${live(this.answers.unlisted)}
              @change=${(event: Event) => this.edit({ unlisted: (event.target as HTMLInputElement).checked, payer: undefined })}
            />
            <label for="unlisted">${this.t('unlistedToggle')}</label>
          </div>
          ${this.answers.unlisted
            ? textField({
                id: 'unlisted-name',
                label: this.t('unlistedLabel'),
                hint: this.t('unlistedHint'),
                errorPrefix: this.shared('errorPrefix'),
                error: this.errorFor(errors, 'unlisted-name'),
                value: this.answers.unlistedName,
                onInput: (value) => this.edit({ unlistedName: value.slice(0, 200) }),
              })
            : nothing}
        </div>
        <div class="button-row">
          <button type="submit">${this.t('continue')}</button>
          <button type="button" class="button--secondary" @click=${() => this.goTo('self-pay')}>${this.t('selfPayButton')}</button>
        </div>
      </form>
    `;
  }

  /* eslint-enable lit-a11y/click-events-have-key-events */

  private renderPersonFields(prefix: 'patient' | 'subscriber', person: PersonAnswers, errors: FieldError[]): TemplateResult {
    const update = (patch: Partial<PersonAnswers>) => this.edit({}, { [prefix]: { ...person, ...patch } });
    return html`
      ${textField({
        id: `${prefix}-first-name`,
        label: this.t('firstNameLabel'),
        errorPrefix: this.shared('errorPrefix'),
        error: this.errorFor(errors, `${prefix}-first-name`),
        value: person.firstName,
        autocomplete: prefix === 'patient' ? 'given-name' : 'off',
        onInput: (firstName) => update({ firstName }),
      })}
      ${textField({
        id: `${prefix}-last-name`,
        label: this.t('lastNameLabel'),
        errorPrefix: this.shared('errorPrefix'),
        error: this.errorFor(errors, `${prefix}-last-name`),
        value: person.lastName,
        autocomplete: prefix === 'patient' ? 'family-name' : 'off',
        onInput: (lastName) => update({ lastName }),
      })}
      ${textField({
        id: `${prefix}-dob`,
        label: this.t('dobLabel'),
        // The date field takes the browser's order of day and month, whatever the page's language.
        hint: this.t('dobHint', { example: formatDateFieldExample('1988-04-27', navigator.language) }),
        type: 'date',
        width: 'short',
        errorPrefix: this.shared('errorPrefix'),
        error: this.errorFor(errors, `${prefix}-dob`),
        value: person.dateOfBirth,
        autocomplete: prefix === 'patient' ? 'bday' : 'off',
        onInput: (dateOfBirth) => update({ dateOfBirth }),
      })}
    `;
  }

  private renderPhoto(side: CardSide): TemplateResult {
    const photo = this.photos.photos.get(side);
    const sideName = this.t(side === 'front' ? 'photoFront' : 'photoBack');
    return html`
      <div class="photo">
        <label for="photo-${side}">${this.t('photoChoose', { side: sideName })}</label>
        <input
          id="photo-${side}"
          type="file"
          accept="image/*"
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement;
            const file = input.files?.[0];
            if (file) void this.photos.add(side, file);
          }}
        />
        <div role="status">
          ${photo?.status === 'working'
            ? this.t('photoWorking')
            : photo?.status === 'failed'
              ? this.t('photoFailed')
              : photo?.status === 'ready'
                ? this.t('photoReady', { size: `${Math.ceil(photo.blob.size / 1024)} KB` })
                : nothing}
        </div>
        ${photo?.status === 'ready'
          ? html`
              <img src=${photo.url} alt=${this.t('photoAlt', { side: sideName })} />
              <button
                type="button"
                class="button--secondary"
                @click=${() => {
                  this.photos.remove(side);
                  const input = this.shadowRoot?.getElementById(`photo-${side}`) as HTMLInputElement | null;
                  if (input) input.value = '';
                }}
              >
                ${this.t('photoRemove', { side: sideName })}
              </button>
            `
          : nothing}
      </div>
    `;
  }

  private renderMemberStep(): TemplateResult {
    const errors = this.memberErrors();
    const { member } = this.answers;
    const rule = this.memberIdRule;
    const hint = rule === 'medicare-mbi' ? 'memberIdHintMbi' : rule === 'bcbs' ? 'memberIdHintBcbs' : 'memberIdHintGeneric';
    const relationships = [
      { value: 'self', label: this.t('relationshipSelf') },
      { value: 'spouse', label: this.t('relationshipSpouse') },
      { value: 'child', label: this.t('relationshipChild') },
      { value: 'other', label: this.t('relationshipOther') },
    ];
    return html`
      ${this.heading(this.t('memberHeading'), 2)}
      ${errorSummary(this.shared('errorSummaryTitle'), errors)}
      ${this.offeredContact
        ? html`
            <div class="panel">
              <p id="prefill-question">${this.t('prefillQuestion')}</p>
              <div class="button-row">
                <button type="button" @click=${() => this.useContact(true)}>${this.t('prefillUse')}</button>
                <button type="button" class="button--secondary" @click=${() => this.useContact(false)}>${this.t('prefillDecline')}</button>
              </div>
            </div>
          `
        : this.answers.prefill === 'used'
          ? html`<p class="notice">${this.t('prefillUsed')}</p>`
          : nothing}
      <form novalidate @submit=${this.onMemberSubmit}>
        ${textField({
          id: 'member-id',
          label: this.t('memberIdLabel'),
          hint: this.t(hint),
          width: 'short',
          autocomplete: 'off',
          errorPrefix: this.shared('errorPrefix'),
          error: this.errorFor(errors, 'member-id'),
          value: member.memberId,
          onInput: (memberId) => this.edit({}, { memberId: memberId.slice(0, 40) }),
        })}
        ${textField({
          id: 'group-number',
          label: this.t('groupLabel'),
          hint: this.t('groupHint'),
          width: 'short',
          autocomplete: 'off',
          errorPrefix: this.shared('errorPrefix'),
          error: this.errorFor(errors, 'group-number'),
          value: member.groupNumber,
          onInput: (groupNumber) => this.edit({}, { groupNumber: groupNumber.slice(0, 40) }),
        })}
        <fieldset class="field">
          <legend class="legend--heading">${this.t('patientLegend')}</legend>
          ${this.renderPersonFields('patient', member.patient, errors)}
        </fieldset>
        ${choiceGroup({
          id: 'relationship',
          label: this.t('relationshipLabel'),
          errorPrefix: this.shared('errorPrefix'),
          error: this.errorFor(errors, 'relationship'),
          choices: relationships,
          value: member.relationship || undefined,
          onChange: (value) => this.edit({}, { relationship: value as MemberAnswers['relationship'] }),
        })}
        ${member.relationship && member.relationship !== 'self'
          ? html`
              <fieldset class="field" aria-describedby="subscriber-hint">
                <legend class="legend--heading">${this.t('subscriberLegend')}</legend>
                <div class="hint" id="subscriber-hint">${this.t('subscriberHint')}</div>
                ${this.renderPersonFields('subscriber', member.subscriber, errors)}
              </fieldset>
            `
          : nothing}
        <fieldset class="field" aria-describedby="photos-hint">
          <legend>${this.t('photosLegend')}</legend>
          <div class="hint" id="photos-hint">${this.t('photosHint')}</div>
          <div class="photos">${this.renderPhoto('front')} ${this.renderPhoto('back')}</div>
        </fieldset>
        <div class="button-row">
          <button type="submit">${this.t('checkButton')}</button>
          <button type="button" class="button--secondary" @click=${() => this.goTo('payer')}>${this.t('back')}</button>
        </div>
      </form>
    `;
  }

  private renderPhotoDelivery(): TemplateResult | typeof nothing {
    const delivery = this.photoDelivery;
    if (!delivery || delivery.checkId !== this.answers.checkId) return nothing;
    const key = ({ sending: 'photosSending', sent: 'photosSent', queued: 'photosQueued', refused: 'photosRefused' } as const)[delivery.status];
    return html`<p class="notice ${delivery.status === 'sent' ? 'success' : ''}" role="status">${this.t(key)}</p>`;
  }

  private renderChecking(): TemplateResult {
    const state = this.eligibility.state;
    if (state.status === 'done') return this.renderResult(state.check);
    const callMe = html`<button type="button" class="button--secondary" @click=${() => this.askForCall('checking')}>${this.t('callMeButton')}</button>`;
    if (state.status === 'failed') {
      return html`
        ${this.heading(this.t('checkingHeading'), 3)}
        <p class="notice" role="alert">${this.t(state.refused ? 'checkRefused' : 'checkFailed')}</p>
        <div class="button-row">
          ${state.refused
            ? html`<button type="button" @click=${() => this.goTo('member')}>${this.t('fixDetails')}</button>`
            : html`<button type="button" @click=${() => void this.startCheck()}>${this.t('checkAgain')}</button>`}
          ${callMe}
        </div>
      `;
    }
    const pending = state.status === 'pending' ? state : undefined;
    return html`
      ${this.heading(this.t('checkingHeading'), 3)}
      <div role="status" aria-live="polite">
        <p>${pending ? this.t('checkingWaiting', { count: pending.polls + 1 }) : this.t('checkingSending')}</p>
        ${pending?.slow ? html`<p>${this.t('checkingSlow')}</p>` : nothing}
      </div>
      <progress aria-label=${this.t('checkingHeading')}></progress>
      ${pending ? html`<p>${this.t('checkingLeave')}</p>` : nothing} ${this.renderPhotoDelivery()}
      ${pending?.slow
        ? html`<div class="button-row">
            <button type="button" @click=${() => this.eligibility.resume(pending.checkId)}>${this.t('checkAgain')}</button>
            ${callMe}
          </div>`
        : nothing}
    `;
  }

  private askForCall(from: Step): void {
    this.answers = { ...this.answers, callbackFrom: from };
    this.goTo('callback');
  }

  private renderCoverageFacts(coverage: Coverage): TemplateResult {
    const facts: string[] = [];
    const confirm = new Set(coverage.confirmByPhone ?? []);
    const amount = (line: InsuranceMessage, value: { totalCents: number; remainingCents: number }) =>
      this.t(line, { total: this.money(value.totalCents), remaining: this.money(value.remainingCents) });
    if (coverage.planBegin && coverage.planEnd) facts.push(this.t('planDatesLine', { begin: this.day(coverage.planBegin), end: this.day(coverage.planEnd) }));
    if (coverage.behavioralHealthAdministrator) facts.push(this.t('carveOutLine', { name: coverage.behavioralHealthAdministrator.name }));
    if (coverage.deductible) facts.push(amount('deductibleLine', coverage.deductible));
    else if (confirm.has('deductible')) facts.push(this.t('confirmDeductible'));
    if (coverage.familyDeductible) facts.push(amount('familyDeductibleLine', coverage.familyDeductible));
    if (coverage.outOfPocket) facts.push(amount('outOfPocketLine', coverage.outOfPocket));
    else if (confirm.has('out-of-pocket')) facts.push(this.t('confirmOutOfPocket'));
    if (coverage.familyOutOfPocket) facts.push(amount('familyOutOfPocketLine', coverage.familyOutOfPocket));
    if (coverage.coinsurancePercent !== undefined) facts.push(this.t('coinsuranceLine', { percent: coverage.coinsurancePercent }));
    if (coverage.copayCents !== undefined) facts.push(this.t('copayLine', { amount: this.money(coverage.copayCents) }));
    if (confirm.has('cost-share')) facts.push(this.t('confirmCostShare'));
    if (coverage.visitLimit) {
      const { visits, remaining } = coverage.visitLimit;
      facts.push(remaining === undefined ? this.t('visitLimitLine', { visits }) : this.t('visitLimitLeftLine', { visits, remaining }));
    }
    facts.push(this.t(coverage.priorAuthorization === 'yes' ? 'priorAuthYes' : coverage.priorAuthorization === 'no' ? 'priorAuthNo' : 'priorAuthUnknown'));
    if (coverage.payerNetworkStatement === 'in-network') facts.push(this.t('payerNetworkIn'));
    if (coverage.payerNetworkStatement === 'out-of-network') facts.push(this.t('payerNetworkOut'));
    return html`<ul class="facts">${facts.map((fact) => html`<li>${fact}</li>`)}</ul>`;
  }

  /** A plan date (YYYY-MM-DD) in the person's language, read as a calendar day. */
  private day(date: string): string {
    return formatDate(`${date}T12:00:00Z`, this.settings.locale, 'UTC', { weekday: undefined, year: 'numeric' });
  }

  private assumptionText(assumption: Assumption): string {
    switch (assumption.kind) {
      case 'program':
        return this.t('assumeProgram', {
          days: assumption.days,
          daysPerWeek: assumption.daysPerWeek,
          weeks: assumption.weeks,
          perDay: this.money(assumption.perDayCents),
          billed: this.money(assumption.billedCents),
        });
      case 'deductible':
        return this.t(assumption.family ? 'assumeDeductibleFamily' : 'assumeDeductible', { amount: this.money(assumption.remainingCents) });
      case 'deductible-unknown':
        return this.t('assumeDeductibleUnknown');
      case 'coinsurance':
        return this.t('assumeCoinsurance', { percent: assumption.percent });
      case 'copay':
        return this.t('assumeCopay', { amount: this.money(assumption.perDayCents) });
      case 'cost-share-either':
        return this.t('assumeEither');
      case 'cost-share-unknown':
        return this.t('assumeShareUnknown');
      case 'out-of-pocket-cap':
        return this.t(assumption.family ? 'assumeCapFamily' : 'assumeCap', { amount: this.money(assumption.remainingCents) });
      case 'visit-limit':
        return this.t('assumeVisitLimit', { covered: assumption.coveredDays, uncovered: assumption.uncoveredDays });
      case 'out-of-pocket-unknown':
        return this.t('assumeCapUnknown');
      case 'out-of-network':
        return this.t('assumeOutOfNetwork');
      case 'network-unknown':
        return this.t('assumeNetworkUnknown');
      case 'self-pay':
        return assumption.discountPercent ? `${this.t('assumeSelfPay')} ${this.t('assumeSelfPayDiscount', { percent: assumption.discountPercent })}` : this.t('assumeSelfPay');
      case 'not-a-bill':
        return this.t('assumeNotABill');
    }
  }

  /** The figures behind the estimate, grouped by where they came from: the payer, the center, or us. */
  private renderAssumptions(assumptions: Assumption[]): TemplateResult {
    const groups: Array<[AssumptionSource, InsuranceMessage]> = [
      ['payer', 'estimateFromPlan'],
      ['center', 'estimateFromCenter'],
      ['assumed', 'estimateAssumed'],
    ];
    return html`${groups.map(([source, title]) => {
      const items = assumptions.filter((assumption) => assumptionSource(assumption) === source);
      return items.length
        ? html`<h5 class="assumption-source">${this.t(title)}</h5>
            <ul class="assumptions">${items.map((assumption) => html`<li>${this.assumptionText(assumption)}</li>`)}</ul>`
        : nothing;
    })}`;
  }

  private renderTrackChoice(): TemplateResult | typeof nothing {
    const tracks = this.pricedTracks();
    if (tracks.length < 2) return nothing;
    return choiceGroup({
      id: 'track',
      label: this.t('trackLabel'),
      errorPrefix: this.shared('errorPrefix'),
      legendSize: 'body',
      choices: tracks.map((track) => ({ value: track.id, label: track.name })),
      value: this.selectedTrack()?.id,
      onChange: (trackId) => {
        this.answers = { ...this.answers, trackId: trackId as string };
        void this.saveNow();
      },
    });
  }

  private renderEstimate(estimate: (price: ProgramPrice) => CostEstimate): TemplateResult {
    const price = this.programPrice();
    const result = price && estimate(price);
    return html`
      <section class="panel" part="estimate" aria-labelledby="estimate-heading">
        <h3 id="estimate-heading">${this.t('estimateHeading')}</h3>
        ${this.renderTrackChoice()}
        ${result
          ? html`
              <p class="estimate-figure">
                ${result.lowCents === result.highCents
                  ? this.t('estimateSingle', { amount: this.money(result.lowCents) })
                  : this.t('estimateRange', { low: this.money(result.lowCents), high: this.money(result.highCents) })}
              </p>
              <p><strong>${this.t('estimateNotABill')}</strong></p>
              <h4>${this.t('estimateAssumptions')}</h4>
              ${this.renderAssumptions(result.assumptions)}
            `
          : this.programs.state.status === 'pending'
            ? html`<p class="loading" role="status">${this.shared('loading')}</p>`
            : html`<p>${this.t('estimateNoPrice')}</p>`}
      </section>
    `;
  }

  private renderResult(check: EligibilityCheck): TemplateResult {
    const coverage = check.coverage;
    const inNetwork = coverage?.inNetwork ?? this.answers.payer?.inNetwork ?? null;
    const actions = (primary?: TemplateResult) => html`
      <div class="button-row">
        ${primary ?? nothing}
        <button type="button" class=${primary ? 'button--secondary' : ''} @click=${() => this.askForCall('checking')}>${this.t('callMeButton')}</button>
        <button type="button" class="button--secondary" @click=${() => void this.startOver()}>${this.t('startOver')}</button>
      </div>
    `;
    let body: TemplateResult;
    switch (check.outcome) {
      case 'active':
        body = html`
          <p class="notice success" id="result-summary" role="status"><strong>${this.t('resultActive')}</strong></p>
          ${coverage?.planName ? html`<p>${this.t('resultPlan', { plan: coverage.planName })}</p>` : nothing}
          <p>${this.networkText(inNetwork)}</p>
          ${coverage ? this.renderCoverageFacts(coverage) : nothing}
          ${coverage
            ? this.renderEstimate((price) =>
                estimateCoveredCost(price, {
                  deductibleRemainingCents: coverage.deductible?.remainingCents,
                  outOfPocketRemainingCents: coverage.outOfPocket?.remainingCents,
                  familyDeductibleRemainingCents: coverage.familyDeductible?.remainingCents,
                  familyOutOfPocketRemainingCents: coverage.familyOutOfPocket?.remainingCents,
                  visitsRemaining: coverage.visitLimit?.remaining,
                  coinsurancePercent: coverage.coinsurancePercent,
                  copayCents: coverage.copayCents,
                  inNetwork,
                }),
              )
            : nothing}
          ${actions()}
        `;
        break;
      case 'inactive':
        body = html`
          <p class="notice" id="result-summary" role="status"><strong>${this.t('resultInactive')}</strong></p>
          <p>${this.t('resultInactiveHelp')}</p>
          ${actions(html`<button type="button" @click=${() => this.goTo('member')}>${this.t('fixDetails')}</button>`)}
          <button type="button" class="link-button" @click=${() => this.goTo('self-pay')}>${this.t('selfPayButton')}</button>
        `;
        break;
      case 'not-found':
      case 'correction-needed': {
        const correction = check.correction;
        const fix = () => (correction ? this.showCorrection(correction) : this.goTo('member'));
        body = html`
          <p class="notice" id="result-summary" role="status"><strong>${correction && check.outcome === 'correction-needed' ? this.t(correctionTarget[correction].message) : this.t('resultNotFound')}</strong></p>
          <p>${this.t('resultNotFoundHelp')}</p>
          ${actions(html`<button type="button" @click=${fix}>${this.t('fixDetails')}</button>`)}
        `;
        break;
      }
      default: {
        const key: InsuranceMessage =
          check.outcome === 'details-missing' ? 'resultDetailsMissing' : check.outcome === 'payer-unavailable' ? 'resultPayerUnavailable' : 'resultManual';
        body = html`
          <p class="notice" id="result-summary" role="status"><strong>${this.t(key)}</strong></p>
          ${coverage?.planName ? html`<p>${this.t('resultPlan', { plan: coverage.planName })}</p>` : nothing}
          <div class="button-row">
            <button type="button" @click=${() => this.askForCall('checking')}>${this.t('callMeButton')}</button>
            <button type="button" class="button--secondary" @click=${() => void this.startOver()}>${this.t('startOver')}</button>
          </div>
        `;
      }
    }
    return html`${this.heading(this.t('resultHeading'), 3, 'result-summary')} ${body} ${this.renderPhotoDelivery()}`;
  }

  private renderSelfPay(): TemplateResult {
    const state = this.programs.state;
    const center = state.status === 'ready' ? state.value.center : undefined;
    const selfPay = center?.selfPay && localizedText(center.selfPay, this.settings.locale);
    return html`
      ${this.heading(this.t('selfPayHeading'))}
      ${selfPay
        ? html`
            <p>${selfPay.summary}</p>
            <ul class="facts">
              ${selfPay.discountPercent ? html`<li>${this.t('selfPayDiscount', { percent: selfPay.discountPercent })}</li>` : nothing}
              ${selfPay.paymentPlans ? html`<li>${this.t('selfPayPlans')}</li>` : nothing}
            </ul>
          `
        : state.status === 'pending'
          ? html`<p class="loading" role="status">${this.shared('loading')}</p>`
          : html`<p>${this.t('selfPayNoInfo')}</p>`}
      ${this.renderEstimate((price) => estimateSelfPayCost(price, selfPay?.discountPercent))}
      <div class="button-row">
        <button type="button" @click=${() => this.askForCall('self-pay')}>${this.t('callMeButton')}</button>
        <button type="button" class="button--secondary" @click=${() => this.goTo('payer')}>${this.t('back')}</button>
      </div>
    `;
  }

  private renderCallback(): TemplateResult {
    if (this.callbackResult === 'sent' || this.callbackResult === 'queued') {
      return html`
        ${this.heading(this.t('callbackHeading'))}
        <p class="notice success" role="status">${this.t(this.callbackResult === 'sent' ? 'callbackSent' : 'callbackQueued')}</p>
        ${this.callbackResult === 'sent' ? referenceLine(this.callbackReference, this.settings.locale) : nothing}
        <button type="button" class="button--secondary" @click=${() => void this.startOver()}>${this.t('startOver')}</button>
      `;
    }
    const errors = this.callbackErrors();
    const { callback } = this.answers;
    return html`
      ${this.heading(this.t('callbackHeading'))}
      <p>${this.t('callbackIntro')}</p>
      ${errorSummary(this.shared('errorSummaryTitle'), errors)}
      ${this.callbackResult === 'refused' ? html`<p class="notice" role="alert">${this.t('callbackRefused')}</p>` : nothing}
      <form novalidate @submit=${this.onCallbackSubmit}>
        ${textField({
          id: 'callback-phone',
          label: this.t('phoneLabel'),
          hint: this.t('phoneHint'),
          type: 'tel',
          autocomplete: 'tel',
          inputmode: 'tel',
          width: 'short',
          errorPrefix: this.shared('errorPrefix'),
          error: this.errorFor(errors, 'callback-phone'),
          value: callback.phone,
          onInput: (phone) => this.editCallback({ phone: phone.slice(0, 30) }),
        })}
        ${textField({
          id: 'callback-times',
          label: this.t('bestTimesLabel'),
          hint: this.t('bestTimesHint'),
          errorPrefix: this.shared('errorPrefix'),
          error: this.errorFor(errors, 'callback-times'),
          value: callback.bestTimes,
          onInput: (bestTimes) => this.editCallback({ bestTimes }),
        })}
        ${choiceGroup({
          id: 'callback-voicemail',
          label: this.t('voicemailLabel'),
          errorPrefix: this.shared('errorPrefix'),
          error: this.errorFor(errors, 'callback-voicemail'),
          legendSize: 'body',
          choices: [
            { value: 'yes', label: this.t('voicemailYes') },
            { value: 'no', label: this.t('voicemailNo') },
          ],
          value: callback.voicemailOk || undefined,
          onChange: (value) => this.editCallback({ voicemailOk: value as 'yes' | 'no' }),
        })}
        ${choiceGroup({
          id: 'callback-consent',
          label: this.t('consentLabel'),
          errorPrefix: this.shared('errorPrefix'),
          error: this.errorFor(errors, 'callback-consent'),
          legendSize: 'body',
          multiple: true,
          choices: [{ value: 'yes', label: this.t('consentText') }],
          value: callback.consent ? ['yes'] : [],
          onChange: (value) => this.editCallback({ consent: (value as string[]).includes('yes') }),
        })}
        <div class="button-row">
          <button type="submit" aria-disabled=${this.callbackResult === 'sending' ? 'true' : 'false'}>
            ${this.callbackResult === 'sending' ? this.t('sending') : this.t('sendCallback')}
          </button>
          <button type="button" class="button--secondary" @click=${() => this.goTo(this.answers.callbackFrom ?? 'payer')}>${this.t('back')}</button>
        </div>
      </form>
    `;
  }

  private renderCenterPhone(): TemplateResult | typeof nothing {
    const state = this.programs.state;
    if (state.status !== 'ready') return nothing;
    const { name, phone } = state.value.center;
    return html`<p class="hint">${withPhoneLink(this.t('centerPhone', { center: name, phone }), phone)}</p>`;
  }

  override render() {
    const setupProblem = this.renderOriginRefused();
    if (setupProblem) return setupProblem;
    if (this.isolationMode.framed) return this.isolationMode.render();
    if (!this.settings.config) return html`<p class="notice">${this.t('notConfigured')}</p>`;
    const step = this.answers.step;
    return html`
      <div lang=${this.settings.locale}>
      ${this.renderLanguageSwitch()}
      ${this.draft.persistent
        ? nothing
        : html`<p class="notice">${this.shared(this.draft.fallbackReason === 'memory-mode' ? 'memoryMode' : 'notPersistent')}</p>`}
      ${step === 'payer'
        ? this.renderPayerStep()
        : step === 'member'
          ? this.renderMemberStep()
          : step === 'checking'
            ? this.renderChecking()
            : step === 'self-pay'
              ? this.renderSelfPay()
              : this.renderCallback()}
      ${this.renderCenterPhone()}
      </div>
    `;
  }
}

if (!customElements.get('iop-insurance-verification')) customElements.define('iop-insurance-verification', IopInsuranceVerification);

declare global {
  interface HTMLElementTagNameMap {
    'iop-insurance-verification': IopInsuranceVerification;
  }
}

export { IopEligibilityCheckedEvent, type EligibilityCheckedDetail, type EligibilityCheckedStatus };
