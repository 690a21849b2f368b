import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AssessmentSlot, AssessmentSlotList, Booking, Contact, Hold, ProgramList, Track } from '../../api/schemas.js';
import { AssessmentSlot as SlotSchema } from '../../api/contract-validators.js';
import { createIdempotencyKey } from '../../client/client.js';
import { ClientError } from '../../client/errors.js';
import { appointmentEvent, emptyDetails, fromContact, toContact, validateDetails, type BookingDetails, type DetailsField } from '../../domain/booking-details.js';
import { clampDate, indexSlotsByDay, monthWeeks, moveFocus, nearestFreeSlots, slotsFor, weekDates, type CalendarView, type SlotDays } from '../../domain/slot-calendar.js';
import { filterTracks, meetingDays, noFilters, timesOfDay, upcomingStarts, type AttendanceChoice, type DaysChoice, type TimeOfDay, type TrackFilters } from '../../domain/track-schedule.js';
import { addDays, instantToWallClock } from '../../domain/zoned-time.js';
import { formatAge, formatDate, formatList, formatTime } from '../../i18n/format.js';
import { translate } from '../../i18n/locale.js';
import { sharedMessages, type SharedMessage } from '../../i18n/messages.js';
import { DraftController } from '../shared/draft-controller.js';
import { IsolationController } from '../shared/isolation-controller.js';
import { dayParts, groupByDayPart, pickerStepNumber, resumableStep, TIMES_SHOWN_PER_PART, type DayPart, type PickerStep } from '../../domain/schedule-flow.js';
import { withPhoneLink } from '../shared/phone-link.js';
import { referenceLine } from '../shared/reference-line.js';
import { IopWidgetElement } from '../shared/iop-widget-element.js';
import { LazyModule } from '../shared/lazy-module.js';
import { FormatWarmup } from '../shared/next-task.js';
import { BookingConfirmedEvent, type BookingConfirmedDetail } from '../events.js';
import { choiceGroup, errorSummary, focusErrorSummary, textField, type FieldError } from '../shared/form-fields.js';
import { ALWAYS_REVALIDATE, ResourceController, type ResourceState } from '../shared/resource-controller.js';
import { HoldCountdown } from './hold-countdown.js';
import { scheduleMessages, type ScheduleMessage } from './schedule-picker.messages.js';
import { schedulePickerStyles } from './schedule-picker.styles.js';
import { localizedText } from '../../domain/center-text.js';


/** Everything a person chose or typed: kept in an encrypted, short-lived draft so a reload loses nothing. */
export interface PickerState {
  step: PickerStep;
  trackId?: string;
  slot?: AssessmentSlot;
  hold?: Hold;
  details: BookingDetails;
  /** Created once per booking attempt and reused on every retry, so a retry can never book twice. */
  bookingKey?: string;
  booking?: Booking;
  /** "That time was just taken": the nearest free times offered instead. */
  taken?: AssessmentSlot[];
  /** The person already answered "use the contact details you gave earlier?". */
  sharedContactAnswered?: boolean;
}

type BookingProblem = 'offline' | 'server' | 'track-full' | 'invalid';

const SLOT_DAYS = 90;
const fresh = (): PickerState => ({ step: 'track', details: { ...emptyDetails } });
let deviceZoneName: string | undefined;
// Worked out once: every slot's time asks for it, and each ask built a formatter.
const deviceZone = () => (deviceZoneName ??= Intl.DateTimeFormat().resolvedOptions().timeZone);
const zoneCity = (zone: string) => (zone.split('/').pop() ?? zone).replace(/_/g, ' ');


/**
 * Lets a person choose a program track that fits around work and shifts, then a free assessment
 * time, hold it, give the least contact detail the center needs and book, with an add-to-calendar
 * file whose title says nothing about treatment.
 *
 * @summary Choose a program track, then book an assessment time in the center's or your own time zone.
 * @tagname iop-schedule-picker
 * @csspart setup-problem - Shown instead of the widget when the API does not accept this page's origin (IOP_ALLOWED_ORIGINS).
 * @csspart reference - The receipt's reference to read out on the phone.
 * @fires {BookingConfirmedDetail} iop-booking-confirmed - An assessment was booked (a BookingConfirmedEvent). Detail: `{ bookingId, status }` only.
 * @csspart track-card - One program track in the track step.
 * @csspart calendar - The grid of days with free times.
 * @csspart time-list - The free times of the chosen day.
 * @csspart hold - The notice showing how long a time is held.
 * @csspart confirmation - The booked appointment.
 * @csspart error-summary - "There is a problem" above the details form.
 * @cssprop [--iop-color-accent=#0b5f73] - Buttons, selected day, focus accents.
 * @cssprop [--iop-color-border=#6b7580] - Card and calendar borders.
 * @cssprop [--iop-color-muted=#4d5661] - Hints and secondary times.
 * @cssprop [--iop-color-error=#b3261e] - Errors and "just taken".
 * @cssprop [--iop-color-success=#1e6b35] - The confirmation.
 * @cssprop [--iop-radius=6px] - Corner radius.
 * @cssprop [--iop-space=1rem] - Base spacing unit.
 * @cssprop [--iop-frame-initial-height=40rem] - Frame mode: room kept for the frame until it reports its height.
 */
export class IopSchedulePicker extends IopWidgetElement {
  static override styles = schedulePickerStyles;

  private restored = false;
  private focusHeading = false;
  private focusGrid = false;
  /** Slots by day, each day worked out once when first shown: rebuilt only when its inputs change, not every countdown tick. */
  private grouped?: { inputs: unknown[]; days: SlotDays<AssessmentSlot> };

  /** @internal */
  readonly draft = new DraftController<PickerState>(this, this.settings, 'schedule-picker');
  /** @internal */
  private readonly isolationMode = new IsolationController(this, this.settings, {
    initialHeight: '40rem',
    outcome: { name: BookingConfirmedEvent.eventName, create: (id) => new BookingConfirmedEvent(id) },
  });
  /** @internal */
  readonly sharedContact = new DraftController<Contact>(this, this.settings, 'shared-contact');
  /**
   * The .ics writer for "Add to calendar": fetched when the person reaches the review step (online,
   * about to book), so the confirmation has it; a page that is only looked at never downloads it.
   * @internal
   */
  private readonly calendarWriter = new LazyModule(this, () => import('../../domain/calendar-file.js'));
  /** @internal */
  readonly countdown = new HoldCountdown(this);
  /** @internal Dates, times and day lists are built after the first screen, one task each; the tracks and times wait for them. */
  readonly formats = new FormatWarmup(this, () => ({ locale: this.settings.locale, timeZones: [this.visitorZone], lists: true }));
  /** @internal */
  readonly programs = new ResourceController<ProgramList>(this, this.settings, (client) => ({
    key: 'programs',
    ttlMs: ALWAYS_REVALIDATE,
    load: (signal) => client.listPrograms({ signal }),
  }));
  /** @internal */
  readonly slots = new ResourceController<AssessmentSlotList>(this, this.settings, (client) => {
    const from = this.centerToday;
    if (!from || this.flow.step === 'track') return undefined;
    const to = addDays(from, SLOT_DAYS - 1);
    // The track stays out of the query: it says something about the person, and slots are filtered here.
    // ttlMs 0: a cached copy paints at once, but availability is always asked again.
    return { key: `assessment-slots?from=${from}&to=${to}`, ttlMs: 0, load: (signal) => client.listAssessmentSlots({ from, to }, { signal }) };
  });

  /** @internal */
  @state() flow: PickerState = fresh();
  /** @internal */
  @state() filters: TrackFilters = noFilters;
  /** @internal */
  @state() view: CalendarView = 'week';
  /** @internal */
  @state() focusDate?: string;
  /** @internal */
  @state() showVisitorZone = false;
  /** @internal */
  @state() modes: string[] = [];
  /** @internal */
  @state() bookingProblem?: BookingProblem;
  /** @internal */
  @state() busy = false;
  /** @internal */
  @state() submitted = false;
  /** @internal */
  @state() touched: DetailsField[] = [];
  /** @internal */
  @state() offeredContact?: Contact;
  /** @internal */
  @state() holdAnnouncement = '';
  /** @internal `date|part` of the time groups opened with "Show more". */
  @state() private expandedParts: ReadonlySet<string> = new Set();

  /** Preselects a family of tracks by audience, e.g. `healthcare-professionals`. */
  @property() audience?: string;
  /** A track id: skips the track step and books an assessment for that track. */
  @property() track?: string;
  /** The visitor's IANA time zone; defaults to the device's. Times show in it beside the center's when different. */
  @property({ attribute: 'visitor-time-zone' }) visitorTimeZone?: string;
  /** @internal Opens at a saved state (as after a reload); stories use it to show every step. */
  @property({ attribute: false }) initialState?: PickerState;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.restore();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('audience') && this.audience) this.filters = { ...this.filters, audience: this.audience };
    if (changed.has('track') && this.track && this.flow.step === 'track') this.flow = { ...this.flow, step: 'slot', trackId: this.track };
    if (changed.has('initialState') && this.initialState) this.apply(this.initialState);
    // Set once when the warning starts, so a screen reader hears it once, not every second.
    if (this.countdown.ending !== !!this.holdAnnouncement) this.holdAnnouncement = this.countdown.ending ? this.t('holdEnding') : '';
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Not the initial state (no previous value): a first render after the draft was read saves nothing.
    if (changed.has('flow') && changed.get('flow') !== undefined && this.restored && this.flow.step !== 'done') void this.draft.save(this.flow);
    if (this.focusHeading) {
      this.focusHeading = false;
      this.renderRoot.querySelector<HTMLElement>('h2[tabindex]')?.focus();
    }
    if (this.focusGrid) {
      this.focusGrid = false;
      this.renderRoot.querySelector<HTMLElement>('td[tabindex="0"]')?.focus();
    }
  }

  private onGridKey(event: KeyboardEvent, date: string): void {
    const next = moveFocus(date, event.key, this.view);
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.renderRoot.querySelector<HTMLElement>('[part="time-list"] button')?.focus();
      return;
    }
    if (!next) return;
    event.preventDefault();
    const range = this.dateRange;
    this.focusDate = range ? clampDate(next, range.first, range.last) : next;
    this.focusGrid = true;
  }

  private onDetailsInput(field: DetailsField, value: BookingDetails[DetailsField]): void {
    this.patch({ details: { ...this.flow.details, [field]: value }, bookingKey: undefined });
    if (!this.touched.includes(field)) this.touched = [...this.touched, field];
  }

  private t(key: ScheduleMessage | SharedMessage, params?: Record<string, string | number>): string {
    const locale = this.settings.locale;
    return key in scheduleMessages.en
      ? translate(scheduleMessages, locale, key as ScheduleMessage, params)
      : translate(sharedMessages, locale, key as SharedMessage, params);
  }

  private get center() {
    return this.programs.state.status === 'ready' ? this.programs.state.value.center : undefined;
  }

  private get tracks(): Track[] {
    if (this.programs.state.status !== 'ready') return [];
    const locale = this.settings.locale;
    return this.programs.state.value.programs.filter((p) => p.kind === 'iop').flatMap((p) => p.tracks.map((track) => localizedText(track, locale)));
  }

  private get chosenTrack(): Track | undefined {
    return this.tracks.find((t) => t.id === this.flow.trackId);
  }

  private get centerZone(): string | undefined {
    return this.slots.state.status === 'ready' ? this.slots.state.value.timeZone : this.center?.timeZone;
  }

  private get visitorZone(): string {
    return this.visitorTimeZone || deviceZone();
  }

  private get displayZone(): string {
    return this.showVisitorZone ? this.visitorZone : (this.centerZone ?? this.visitorZone);
  }

  private get centerToday(): string | undefined {
    const zone = this.center?.timeZone;
    return zone && instantToWallClock(new Date(this.countdown.now()), zone).date;
  }

  private get freeSlots(): AssessmentSlot[] {
    if (this.slots.state.status !== 'ready') return [];
    return slotsFor(this.slots.state.value.slots, this.flow.trackId, this.modes);
  }

  private slotsByDay(zone: string): SlotDays<AssessmentSlot> {
    const inputs = [this.slots.state.status === 'ready' ? this.slots.state.value : undefined, this.flow.trackId, this.modes, zone];
    if (!this.grouped || inputs.some((input, i) => input !== this.grouped!.inputs[i])) this.grouped = { inputs, days: indexSlotsByDay(this.freeSlots, zone) };
    return this.grouped.days;
  }

  private get dateRange(): { first: string; last: string } | undefined {
    const from = this.centerToday;
    return from ? { first: instantToWallClock(new Date(this.countdown.now()), this.displayZone).date, last: addDays(from, SLOT_DAYS) } : undefined;
  }

  private async restore(): Promise<void> {
    if (this.restored) return;
    const saved = this.initialState ? undefined : await this.draft.load().catch(() => undefined);
    if (saved && !this.initialState) this.apply(saved);
    this.restored = true;
  }

  private apply(state: PickerState): void {
    const restored = { ...fresh(), ...state, details: { ...emptyDetails, ...state.details } };
    this.flow = { ...restored, step: resumableStep(restored, Boolean(this.track)) };
    this.countdown.track(this.flow.step === 'done' ? undefined : this.flow.hold?.expiresAt);
  }

  private patch(changes: Partial<PickerState>): void {
    this.flow = { ...this.flow, ...changes };
  }

  private goTo(step: PickerStep): void {
    this.patch({ step });
    this.focusHeading = true;
    if (step === 'details') void this.offerSharedContact();
  }

  private async offerSharedContact(): Promise<void> {
    if (this.flow.sharedContactAnswered || this.flow.details.name) return;
    this.offeredContact = await this.sharedContact.load().catch(() => undefined);
  }

  private answerSharedContact(use: boolean): void {
    if (use && this.offeredContact) this.patch({ details: fromContact(this.offeredContact, this.flow.details.consent) });
    this.patch({ sharedContactAnswered: true });
    this.offeredContact = undefined;
    this.focusHeading = true;
  }

  /** The button goes away with the notice it sits in: focus goes back to the first filter, not to the page. */
  private clearFilters(): void {
    this.filters = noFilters;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#filter-times')?.focus());
  }

  private chooseTrack(trackId: string): void {
    this.patch({ trackId });
    this.goTo('slot');
  }

  /** Holds `slot` (or renews this visitor's hold on it); a taken slot opens the "just taken" path. */
  private async hold(slot: AssessmentSlot): Promise<void> {
    const client = this.settings.config?.client;
    if (!client || this.busy) return;
    const mine = this.flow.hold?.slotId === slot.id ? this.flow.hold.token : undefined;
    this.busy = true;
    this.bookingProblem = undefined;
    try {
      const hold = await client.holdAssessmentSlot(slot.id, mine ? { holdToken: mine } : {});
      const changedSlot = this.flow.slot?.id !== slot.id;
      this.patch({ slot, hold, taken: undefined, ...(changedSlot ? { bookingKey: undefined } : {}) });
      this.countdown.track(hold.expiresAt);
      if (this.flow.step === 'slot') this.goTo('details');
    } catch (error) {
      this.onWriteFailure(error, slot);
    } finally {
      this.busy = false;
    }
  }

  private async book(): Promise<void> {
    const client = this.settings.config?.client;
    const { slot, hold } = this.flow;
    // The button stays focusable while busy or after a lost race (aria-disabled): the guard is here.
    if (!client || !slot || this.busy || this.flow.taken) return;
    const bookingKey = this.flow.bookingKey ?? createIdempotencyKey();
    this.patch({ bookingKey });
    this.busy = true;
    this.bookingProblem = undefined;
    try {
      const booking = await client.createBooking(
        {
          slotId: slot.id,
          ...(hold?.slotId === slot.id ? { holdToken: hold.token } : {}),
          ...(this.flow.trackId ? { trackId: this.flow.trackId } : {}),
          contact: toContact(this.flow.details),
          consent: true,
          locale: this.settings.locale,
          visitorTimeZone: this.visitorZone,
        },
        { idempotencyKey: bookingKey },
      );
      this.countdown.track(undefined);
      this.patch({ booking, hold: undefined });
      this.goTo('done');
      await this.draft.clear();
      this.dispatchEvent(new BookingConfirmedEvent(booking.id));
    } catch (error) {
      this.onWriteFailure(error, slot);
    } finally {
      this.busy = false;
    }
  }

  private onWriteFailure(error: unknown, slot: AssessmentSlot): void {
    const problem = error instanceof ClientError ? error.problem : undefined;
    const code = problem?.code;
    if (code === 'slot-taken' || code === 'hold-expired') {
      const fromServer = Array.isArray(problem?.alternatives)
        ? (problem.alternatives as unknown[]).flatMap((item) => {
            const parsed = SlotSchema.safeParse(item);
            return parsed.success ? [parsed.data] : [];
          })
        : [];
      this.countdown.track(undefined);
      this.patch({ taken: fromServer.length ? fromServer : nearestFreeSlots(this.freeSlots, slot), hold: undefined, bookingKey: undefined });
      this.slots.reload();
      this.focusHeading = true;
      return;
    }
    if (code === 'track-full') this.bookingProblem = 'track-full';
    else if (error instanceof ClientError && (error.kind === 'offline' || error.kind === 'timeout')) this.bookingProblem = 'offline';
    else if (error instanceof ClientError && error.status === 422) this.bookingProblem = 'invalid';
    else this.bookingProblem = 'server';
  }

  private continueToReview(): void {
    this.submitted = true;
    if (Object.keys(validateDetails(this.flow.details)).length) {
      void this.updateComplete.then(() => focusErrorSummary(this.shadowRoot));
      return;
    }
    this.goTo('review');
  }

  private dayLabel(date: string, options: Intl.DateTimeFormatOptions = {}): string {
    return formatDate(`${date}T12:00:00Z`, this.settings.locale, 'UTC', options);
  }

  private wallTime(time: string): string {
    return formatTime(`2000-01-01T${time}:00Z`, this.settings.locale, 'UTC');
  }

  /** A slot's time in the shown zone, and in the other zone beside it when the two differ. */
  private slotTime(start: string, compact = false): TemplateResult {
    const locale = this.settings.locale;
    const shown = this.displayZone;
    const other = this.showVisitorZone ? this.centerZone : this.visitorZone;
    const otherDiffers = other && other !== shown && formatTime(start, locale, other, true) !== formatTime(start, locale, shown, true);
    const otherDay = other && instantToWallClock(new Date(start), other).date !== instantToWallClock(new Date(start), shown).date;
    // Compact buttons sit under a heading that names the zone; the other zone's time still follows.
    return html`${formatTime(start, locale, shown, !compact)}${otherDiffers
      ? html` <span class="secondary">(${otherDay ? `${formatDate(start, locale, other, { month: undefined, day: undefined, weekday: 'short' })} ` : ''}${formatTime(start, locale, other, true)})</span>`
      : nothing}`;
  }

  private resourceProblem(state: ResourceState<unknown>, retry: () => void): TemplateResult {
    if (state.status === 'pending' || state.status === 'unconfigured')
      return state.status === 'pending' ? html`<p class="loading" role="status">${this.t('loading')}</p>` : html`<p role="status">${this.t('notConfigured')}</p>`;
    const error = state.status === 'error' ? state.error : undefined;
    const offline = error instanceof ClientError && (error.kind === 'offline' || error.kind === 'timeout');
    const contract = error instanceof ClientError && error.kind === 'contract';
    return html`<div class="notice" role="alert">
      <p>${offline ? this.t('offline') : contract ? this.t('contractError') : this.t('serverError')}</p>
      <button type="button" @click=${retry}>${this.t('tryAgain')}</button>
    </div>`;
  }

  private heading(key: ScheduleMessage, step: PickerStep): TemplateResult {
    return html`<p class="progress">${this.t('stepOf', { step: pickerStepNumber(step) ?? 4, total: 4 })}</p>
      <h2 tabindex="-1">${this.t(key)}</h2>`;
  }

  private renderTrackStep(): TemplateResult {
    const state = this.programs.state;
    if (state.status !== 'ready') return html`${this.heading('trackHeading', 'track')}${this.resourceProblem(state, () => this.programs.reload())}`;
    if (!this.formats.ready) return html`${this.heading('trackHeading', 'track')}${this.resourceProblem({ status: 'pending' }, () => undefined)}`;
    const matches = filterTracks(this.tracks, this.filters);
    const f = this.filters;
    const set = (changes: Partial<TrackFilters>) => (this.filters = { ...f, ...changes });
    const today = this.centerToday ?? '';
    return html`
      ${this.heading('trackHeading', 'track')}
      ${this.offlineAge(state)}
      <fieldset class="filters">
        <legend>${this.t('filtersLegend')}</legend>
        ${choiceGroup({
          id: 'filter-times',
          label: this.t('filterTimes'),
          legendSize: 'body',
          errorPrefix: '',
          multiple: true,
          choices: timesOfDay.map((value) => ({ value, label: this.t(value) })),
          value: f.timesOfDay,
          onChange: (value) => set({ timesOfDay: value as TimeOfDay[] }),
        })}
        ${choiceGroup({
          id: 'filter-days',
          label: this.t('filterDays'),
          legendSize: 'body',
          errorPrefix: '',
          choices: (['any', 'weekend', 'weekdays'] as const).map((value) => ({ value, label: this.t(`days-${value}`) })),
          value: f.days,
          onChange: (value) => set({ days: value as DaysChoice }),
        })}
        ${choiceGroup({
          id: 'filter-format',
          label: this.t('filterFormat'),
          legendSize: 'body',
          errorPrefix: '',
          multiple: true,
          choices: (['in-person', 'online'] as const).map((value) => ({ value, label: this.t(value) })),
          value: f.attendance,
          onChange: (value) => set({ attendance: value as AttendanceChoice[] }),
        })}
        ${choiceGroup({
          id: 'filter-audience',
          label: this.t('filterAudience'),
          legendSize: 'body',
          errorPrefix: '',
          multiple: true,
          choices: [{ value: 'healthcare-professionals', label: this.t('audienceHcp'), hint: this.t('audienceHcpHint') }],
          value: f.audience ? [f.audience] : [],
          onChange: (value) => set({ audience: (value as string[])[0] }),
        })}
      </fieldset>
      <p role="status">${this.t('tracksMatch', { count: matches.length })}</p>
      ${matches.length
        ? html`<ul class="cards">${matches.map((track) => this.renderTrackCard(track, today))}</ul>`
        : html`<div class="notice">
            <p>${withPhoneLink(this.t('noTracks', { phone: this.center?.phone ?? '' }), this.center?.phone)}</p>
            <button type="button" class="button--secondary" @click=${() => this.clearFilters()}>${this.t('clearFilters')}</button>
          </div>`}
    `;
  }

  private renderTrackCard(track: Track, today: string): TemplateResult {
    const locale = this.settings.locale;
    const byTime = new Map<string, number[]>();
    for (const day of meetingDays(track)) {
      for (const meeting of track.meetings.filter((m) => m.day === day)) {
        const key = `${this.wallTime(meeting.start)}–${this.wallTime(meeting.end)}`;
        byTime.set(key, [...(byTime.get(key) ?? []), day]);
      }
    }
    // 4 January 2026 is a Sunday: day n of the week is 4 + n January.
    const weekday = (day: number) => this.dayLabel(addDays('2026-01-04', day), { weekday: 'long', month: undefined, day: undefined });
    const starts = upcomingStarts(track, today);
    const full = track.seatsLeft === 0;
    return html`<li part="track-card" class="card">
      <h3 id="track-${track.id}">${track.name}</h3>
      <dl>
        <dt>${this.t('when')}</dt>
        ${[...byTime].map(([time, days]) => html`<dd>${formatList(days.map(weekday), locale)}, ${time} (${this.t('zoneTime', { city: zoneCity(track.timeZone) })})</dd>`)}
        <dt>${this.t('commitment')}</dt>
        <dd>${this.t('hoursWeeks', { hours: track.hoursPerWeek, weeks: track.weeks })}</dd>
        <dt>${this.t('format')}</dt>
        <dd>${this.t(track.format)}</dd>
        <dt>${this.t('nextStarts')}</dt>
        ${starts.length
          ? starts.map((s) => html`<dd>${this.t('startEnds', { start: this.dayLabel(s.start), end: this.dayLabel(s.end, { weekday: undefined, year: 'numeric' }) })}</dd>`)
          : html`<dd>${this.t('noStarts')}</dd>`}
        ${track.seatsLeft === null ? nothing : html`<dt>${this.t('seats')}</dt><dd>${full ? this.t('seatsFull') : this.t('seatsLeft', { count: track.seatsLeft })}</dd>`}
      </dl>
      ${track.description ? html`<p class="hint">${track.description}</p>` : nothing}
      <button type="button" aria-describedby="track-${track.id}" @click=${() => this.chooseTrack(track.id)}>${this.t('chooseTrack')}</button>
    </li>`;
  }

  private offlineAge(state: ResourceState<unknown>): TemplateResult | typeof nothing {
    return state.status === 'ready' && state.offline
      ? html`<p class="notice">${this.t('offlineCached', { age: formatAge(state.ageMs, this.settings.locale) })}</p>`
      : nothing;
  }

  private renderSlotStep(): TemplateResult {
    const state = this.slots.state;
    const track = this.chosenTrack;
    // One template whatever the times' state: the heading, focused on arrival, stays the same element when they load.
    return html`${this.heading('slotHeading', 'slot')}
      <p class="hint">${this.t('slotHint')}</p>
      ${track ? html`<p>${this.t('forTrack', { track: track.name })}
            ${this.track ? nothing : html`<button type="button" class="button--link" @click=${() => this.goTo('track')}>${this.t('changeTrack')}</button>`}</p>` : nothing}
      ${state.status === 'ready' && this.formats.ready
        ? this.renderCalendar(state)
        : this.resourceProblem(
            state.status === 'ready' ? { status: 'pending' } : this.programs.state.status === 'ready' ? state : this.programs.state,
            () => (this.programs.reload(), this.slots.reload()),
          )}`;
  }

  private renderCalendar(state: ResourceState<AssessmentSlotList> & { status: 'ready' }): TemplateResult {
    const zone = this.displayZone;
    const byDay = this.slotsByDay(zone);
    const range = this.dateRange!;
    const firstFree = byDay.firstFrom(range.first);
    const focus = clampDate(this.focusDate ?? firstFree ?? range.first, range.first, range.last);
    const weeks = this.view === 'week' ? [weekDates(focus)] : monthWeeks(focus);
    const shownDays = weeks.flat();
    const freeInView = shownDays.some((d) => byDay.on(d).length);
    const daySlots = byDay.on(focus);
    const nextFree = daySlots.length ? undefined : byDay.firstFrom(focus, true);
    const centerZone = this.centerZone ?? zone;
    const step = this.view === 'week' ? 7 : 0;
    const go = (delta: number) => {
      this.focusDate = clampDate(step ? addDays(focus, delta * step) : moveFocus(focus, delta < 0 ? 'PageUp' : 'PageDown', 'month')!, range.first, range.last);
    };
    const title =
      this.view === 'week'
        ? this.t('weekOf', { date: this.dayLabel(shownDays[0]!, { weekday: undefined }) })
        : this.dayLabel(focus, { weekday: undefined, day: undefined, year: 'numeric' });
    return html`
      ${this.renderTaken()} ${this.offlineAge(state)}
      <div class="controls">
        ${this.visitorZone !== centerZone
          ? choiceGroup({
              id: 'zone',
              label: this.t('showTimesIn'),
              legendSize: 'body',
              errorPrefix: '',
              choices: [
                { value: 'center', label: this.t('centerTime', { city: zoneCity(centerZone) }) },
                { value: 'visitor', label: this.t('yourTime', { city: zoneCity(this.visitorZone) }) },
              ],
              value: this.showVisitorZone ? 'visitor' : 'center',
              onChange: (value) => (this.showVisitorZone = value === 'visitor'),
            })
          : nothing}
        ${choiceGroup({
          id: 'modes',
          label: this.t('modesLabel'),
          hint: this.t('modesHint'),
          legendSize: 'body',
          errorPrefix: '',
          multiple: true,
          choices: (['phone', 'video', 'in-person'] as const).map((value) => ({ value, label: this.t(`mode-${value}`) })),
          value: this.modes,
          onChange: (value) => (this.modes = value as string[]),
        })}
      </div>
      <div class="view-switch" role="group" aria-label=${this.t('viewLabel')}>
        <button type="button" class="button--secondary" aria-pressed=${this.view === 'week'} @click=${() => (this.view = 'week')}>${this.t('week')}</button>
        <button type="button" class="button--secondary" aria-pressed=${this.view === 'month'} @click=${() => (this.view = 'month')}>${this.t('month')}</button>
      </div>
      <div class="calendar-nav">
        <button type="button" class="button--secondary" ?disabled=${shownDays[0]! <= range.first} @click=${() => go(-1)}>${this.t(this.view === 'week' ? 'prevWeek' : 'prevMonth')}</button>
        <h3 id="calendar-title">${title}</h3>
        <button type="button" class="button--secondary" ?disabled=${shownDays.at(-1)! >= range.last} @click=${() => go(1)}>${this.t(this.view === 'week' ? 'nextWeek' : 'nextMonth')}</button>
      </div>
      <table role="grid" part="calendar" aria-labelledby="calendar-title" aria-describedby="grid-help">
        <thead>
          <tr>
            ${weeks[0]!.map((d) => html`<th scope="col" abbr=${this.dayLabel(d, { weekday: 'long', month: undefined, day: undefined })}>${this.dayLabel(d, { weekday: 'short', month: undefined, day: undefined })}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${weeks.map(
            (week) => html`<tr>
              ${week.map((date) => {
                const count = byDay.on(date).length;
                const outside = date < range.first || date > range.last;
                return html`<td
                  tabindex=${date === focus ? 0 : -1}
                  aria-selected=${date === focus ? 'true' : 'false'}
                  aria-disabled=${outside ? 'true' : 'false'}
                  class=${count ? 'has-free' : 'none-free'}
                  data-date=${date}
                  @click=${() => !outside && (this.focusDate = date)}
                  @keydown=${(event: KeyboardEvent) => this.onGridKey(event, date)}
                >
                  <span aria-hidden="true">${Number(date.slice(8))}</span>
                  <span class="count" aria-hidden="true">${count ? this.t('timesCount', { count }) : '–'}</span>
                  <span class="visually-hidden">${this.dayLabel(date)}, ${this.t('freeTimes', { count })}</span>
                </td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
      <p id="grid-help" class="hint">${this.t('gridHelp')}</p>
      <p class="visually-hidden" role="status">${this.dayLabel(focus)}: ${this.t('freeTimes', { count: daySlots.length })}</p>
      ${!freeInView ? html`<p class="notice">${this.t(this.view === 'week' ? 'emptyWeek' : 'emptyMonth')}</p>` : nothing}
      <h3>${this.t('timesOn', { day: this.dayLabel(focus) })} <span class="part-count">(${this.t('zoneTime', { city: zoneCity(zone) })})</span></h3>
      ${daySlots.length ? this.renderDayTimes(focus, daySlots, zone) : html`<p>${this.t('noTimesDay')}</p>`}
      ${nextFree && !daySlots.length
        ? html`<button type="button" class="button--secondary" @click=${() => ((this.focusDate = nextFree), (this.focusGrid = true))}>
            ${this.t('nextFreeDay', { day: this.dayLabel(nextFree) })}
          </button>`
        : nothing}
      ${this.bookingProblem ? this.renderBookingProblem(() => this.slots.reload()) : nothing}
    `;
  }

  /**
   * A day's times in morning, afternoon and evening groups of compact buttons, a few of each shown:
   * thirty full-width buttons would be several phone screens long. "Show more" opens one group and
   * moves focus to the first time it revealed.
   */
  private renderDayTimes(date: string, daySlots: readonly AssessmentSlot[], zone: string): TemplateResult {
    const expanded = new Set(dayParts.filter((part) => this.expandedParts.has(`${date}|${part}`)));
    const groups = groupByDayPart(daySlots, zone, expanded);
    const showAll = async (part: DayPart) => {
      this.expandedParts = new Set([...this.expandedParts, `${date}|${part}`]);
      await this.updateComplete;
      this.renderRoot.querySelectorAll<HTMLButtonElement>(`#times-${part} .time`)[TIMES_SHOWN_PER_PART]?.focus();
    };
    return html`<div part="time-list" class="day-parts">
      ${groups.map(
        (group) => html`<section class="day-part" aria-labelledby="times-${group.part}-heading">
          <h4 id="times-${group.part}-heading">${this.t(`part-${group.part}`)} <span class="part-count">(${this.t('timesCount', { count: group.slots.length })})</span></h4>
          <ul class="times times--compact" id="times-${group.part}">
            ${group.shown.map(
              (slot) => html`<li>
                <button type="button" class="button--secondary time" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.hold(slot)}>
                  ${this.slotTime(slot.start, true)}<span class="time-mode">${this.t(`mode-${slot.mode}`)}</span>
                </button>
              </li>`,
            )}
          </ul>
          ${group.shown.length < group.slots.length
            ? html`<button type="button" class="button--link show-more" aria-describedby="times-${group.part}-heading" @click=${() => void showAll(group.part)}>
                ${this.t('showMoreTimes', { count: group.slots.length - group.shown.length })}
              </button>`
            : nothing}
        </section>`,
      )}
    </div>`;
  }

  private renderTaken(): TemplateResult | typeof nothing {
    if (!this.flow.taken) return nothing;
    return html`<div class="notice notice--error" role="alert">
      <p><strong>${this.t('justTaken')}</strong> ${this.t(this.flow.step === 'slot' ? 'justTakenSlot' : 'justTakenKept')}</p>
      ${this.flow.taken.length
        ? html`<p>${this.t('nearest')}</p>
            <ul class="times">
              ${this.flow.taken.map(
                (slot) => html`<li><button type="button" class="button--secondary" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.hold(slot)}>
                  ${this.dayLabel(instantToWallClock(new Date(slot.start), this.displayZone).date)}, ${this.slotTime(slot.start)} · ${this.t(`mode-${slot.mode}`)}
                </button></li>`,
              )}
            </ul>`
        : nothing}
      ${this.flow.step !== 'slot'
        ? html`<button type="button" class="button--secondary" @click=${() => (this.patch({ taken: undefined }), this.goTo('slot'))}>${this.t('seeAllTimes')}</button>`
        : nothing}
    </div>`;
  }

  private renderHold(): TemplateResult | typeof nothing {
    const { slot, hold } = this.flow;
    if (!slot || this.flow.taken) return nothing;
    const when = html`${this.dayLabel(instantToWallClock(new Date(slot.start), this.displayZone).date)}, ${this.slotTime(slot.start)}`;
    if (!hold || this.countdown.lapsed)
      return html`<div part="hold" class="notice notice--warning">
        <p>${this.t('holdLapsed')} ${when}</p>
        <button type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.hold(slot)}>${this.t('holdAgain')}</button>
      </div>`;
    const minutes = Math.ceil(this.countdown.remainingMs / 60_000);
    return html`<div part="hold" class="notice ${this.countdown.ending ? 'notice--warning' : ''}">
      <p>
        ${this.t('holding')} ${when}.
        ${this.t('holdUntil', { time: formatTime(hold.expiresAt, this.settings.locale, this.displayZone), minutes })}
      </p>
      <p role="alert" class=${this.holdAnnouncement ? '' : 'visually-hidden'}>${this.holdAnnouncement}</p>
      <button type="button" class="button--secondary" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.hold(slot)}>${this.t('holdExtend')}</button>
    </div>`;
  }

  private fieldErrors(): FieldError[] {
    const errors = validateDetails(this.flow.details);
    return (Object.entries(errors) as [DetailsField, string][])
      .filter(([field]) => this.submitted || this.touched.includes(field))
      .map(([field, key]) => ({ id: field, message: this.t(key as ScheduleMessage) }));
  }

  private renderDetailsStep(): TemplateResult {
    const d = this.flow.details;
    const errors = this.fieldErrors();
    const errorOf = (id: string) => errors.find((e) => e.id === id)?.message;
    const base = { errorPrefix: this.t('errorPrefix') };
    return html`
      ${this.heading('detailsHeading', 'details')} ${this.renderTaken()} ${this.renderHold()}
      ${this.draft.persistent ? nothing : html`<p class="notice">${this.t('notPersistent')}</p>`}
      ${this.offeredContact
        ? html`<div class="notice" role="group" aria-labelledby="reuse-q">
            <p id="reuse-q">${this.t('reuseQuestion')}</p>
            <div class="button-row">
              <button type="button" @click=${() => this.answerSharedContact(true)}>${this.t('reuseYes')}</button>
              <button type="button" class="button--secondary" @click=${() => this.answerSharedContact(false)}>${this.t('reuseNo')}</button>
            </div>
          </div>`
        : nothing}
      ${this.submitted ? errorSummary(this.t('errorSummaryTitle'), errors) : nothing}
      <form novalidate @submit=${(event: Event) => (event.preventDefault(), this.continueToReview())}>
        ${textField({ ...base, id: 'name', label: this.t('nameLabel'), hint: this.t('nameHint'), value: d.name, autocomplete: 'name', error: errorOf('name'), onInput: (v) => this.onDetailsInput('name', v) })}
        ${choiceGroup({
          ...base,
          id: 'preferred',
          label: this.t('preferredLabel'),
          legendSize: 'body',
          choices: (['phone', 'text', 'email'] as const).map((value) => ({ value, label: this.t(`contact-${value}`) })),
          value: d.preferred,
          error: errorOf('preferred'),
          onChange: (v) => this.onDetailsInput('preferred', v as BookingDetails['preferred']),
        })}
        ${textField({ ...base, id: 'phone', type: 'tel', label: this.t('phoneLabel'), hint: this.t('phoneHint'), value: d.phone, autocomplete: 'tel', inputmode: 'tel', error: errorOf('phone'), onInput: (v) => this.onDetailsInput('phone', v) })}
        ${textField({ ...base, id: 'email', type: 'email', label: this.t('emailLabel'), hint: this.t('emailHint'), value: d.email, autocomplete: 'email', inputmode: 'email', error: errorOf('email'), onInput: (v) => this.onDetailsInput('email', v) })}
        ${choiceGroup({
          ...base,
          id: 'voicemailOk',
          label: this.t('voicemailLabel', { center: this.center?.name ?? '' }),
          hint: this.t('voicemailHint'),
          legendSize: 'body',
          choices: [
            { value: 'yes', label: this.t('yes') },
            { value: 'no', label: this.t('voicemailNo') },
          ],
          value: d.voicemailOk === undefined ? undefined : d.voicemailOk ? 'yes' : 'no',
          error: errorOf('voicemailOk'),
          onChange: (v) => this.onDetailsInput('voicemailOk', v === 'yes'),
        })}
        ${choiceGroup({
          ...base,
          id: 'consent',
          label: this.t('consentLegend'),
          legendSize: 'body',
          multiple: true,
          choices: [{ value: 'yes', label: this.t('consentLabel', { center: this.center?.name ?? '' }) }],
          value: d.consent ? ['yes'] : [],
          error: errorOf('consent'),
          onChange: (v) => this.onDetailsInput('consent', (v as string[]).includes('yes')),
        })}
        <div class="button-row">
          <button type="submit">${this.t('continue')}</button>
          <button type="button" class="button--secondary" @click=${() => this.goTo('slot')}>${this.t('back')}</button>
        </div>
      </form>
    `;
  }

  private renderBookingProblem(retry: () => void): TemplateResult {
    const key = ({ offline: 'bookOffline', server: 'serverError', 'track-full': 'trackFull', invalid: 'bookInvalid' } as const)[this.bookingProblem!];
    return html`<div class="notice notice--error" role="alert">
      <p>${withPhoneLink(this.t(key, { phone: this.center?.phone ?? '' }), this.center?.phone)}</p>
      ${this.bookingProblem === 'offline' || this.bookingProblem === 'server'
        ? html`<button type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${retry}>${this.t('tryAgain')}</button>`
        : nothing}
    </div>`;
  }

  private renderReviewStep(): TemplateResult {
    // Fetched now, while the person is online and about to book, so the confirmation has "Add to calendar".
    this.calendarWriter.get();
    const { slot, details } = this.flow;
    const track = this.chosenTrack;
    const row = (label: string, value: unknown, step: PickerStep, change: string) =>
      html`<div class="summary-row"><dt>${label}</dt><dd>${value}</dd><dd><button type="button" class="button--link" @click=${() => this.goTo(step)}>${this.t('change')}<span class="visually-hidden"> ${change}</span></button></dd></div>`;
    return html`
      ${this.heading('reviewHeading', 'review')} ${this.renderTaken()} ${this.renderHold()}
      <dl class="summary">
        ${track ? row(this.t('trackLabel'), track.name, 'track', this.t('trackLabel')) : nothing}
        ${slot
          ? row(this.t('timeLabel'), html`${this.dayLabel(instantToWallClock(new Date(slot.start), this.displayZone).date)}, ${this.slotTime(slot.start)} · ${this.t(`mode-${slot.mode}`)}`, 'slot', this.t('timeLabel'))
          : nothing}
        ${row(this.t('nameLabel'), details.name, 'details', this.t('nameLabel'))}
        ${row(this.t('reachLabel'), [this.t(`contact-${details.preferred ?? 'phone'}`), details.phone, details.email].filter(Boolean).join(' · '), 'details', this.t('reachLabel'))}
        ${row(this.t('voicemailShort'), details.voicemailOk ? this.t('yes') : this.t('no'), 'details', this.t('voicemailShort'))}
      </dl>
      ${this.bookingProblem ? this.renderBookingProblem(() => this.book()) : nothing}
      <div class="button-row">
        <button type="button" aria-disabled=${this.busy || this.flow.taken ? 'true' : 'false'} @click=${() => this.book()}>${this.busy ? this.t('booking') : this.t('book')}</button>
        <button type="button" class="button--secondary" @click=${() => this.goTo('details')}>${this.t('back')}</button>
      </div>
    `;
  }

  private renderDone(): TemplateResult {
    const booking = this.flow.booking!;
    const locale = this.settings.locale;
    const center = this.center;
    const zones = [...new Set([booking.timeZone, this.visitorZone])];
    const track = this.chosenTrack;
    // The .ics writer comes on demand (fetched at the review step): only someone who booked needs it.
    const writer = this.calendarWriter.get();
    const event =
      center &&
      appointmentEvent(
        booking,
        center,
        {
          // Discreet: the calendar's title and text never name the center (see appointmentEvent).
          title: this.t('calendarTitle'),
          description: `${this.t(`calendar-${booking.mode}`)}\n${this.t('changeCall', { phone: center.phone })}`,
          location: booking.mode === 'in-person' ? track?.location : undefined,
          uidDomain: new URL(this.settings.config?.client.apiBase ?? location.href).hostname || 'localhost',
        },
      );
    return html`<div part="confirmation" class="confirmation">
      <h2 tabindex="-1">${this.t('doneHeading')}</h2>
      <ul class="plain">
        ${zones.map(
          (zone) => html`<li>${formatDate(booking.start, locale, zone)}, ${formatTime(booking.start, locale, zone, true)} ${zone === booking.timeZone ? `(${this.t('zoneTime', { city: zoneCity(zone) })})` : `(${this.t('yourTimeShort')})`}</li>`,
        )}
      </ul>
      <p>${this.t(`expect-${booking.mode}`, { center: center?.name ?? '' })} ${this.t('expectAfter')}</p>
      ${referenceLine(booking.reference, locale)}
      <div class="button-row">
        ${event && writer ? html`<a class="button" href=${writer.calendarDataUrl(writer.calendarFile([event], { now: new Date() }))} download="appointment.ics">${this.t('addToCalendar')}</a>` : nothing}
        ${booking.manageUrl && /^https:/.test(booking.manageUrl) ? html`<a class="button button--secondary" href=${booking.manageUrl} rel="noopener noreferrer">${this.t('manage')}</a>` : nothing}
      </div>
      ${center ? html`<p class="hint">${withPhoneLink(this.t('changeCall', { phone: center.phone }), center.phone)}</p>` : nothing}
    </div>`;
  }

  override render() {
    const setupProblem = this.renderOriginRefused();
    if (setupProblem) return setupProblem;
    if (this.isolationMode.framed) return this.isolationMode.render();
    if (!this.settings.config) return html`<p class="notice">${this.t('notConfigured')}</p>`;
    const step = this.flow.step;
    const body =
      step === 'track'
        ? this.renderTrackStep()
        : step === 'slot'
          ? this.renderSlotStep()
          : step === 'details'
            ? this.renderDetailsStep()
            : step === 'review'
              ? this.renderReviewStep()
              : this.flow.booking
                ? this.renderDone()
                : this.renderTrackStep();
    return html`<section lang=${this.settings.locale} aria-label=${ifDefined(this.center ? this.t('sectionLabel', { center: this.center.name }) : undefined)}>${this.renderLanguageSwitch()}${body}</section>`;
  }
}

if (!customElements.get('iop-schedule-picker')) customElements.define('iop-schedule-picker', IopSchedulePicker);

declare global {
  interface HTMLElementTagNameMap {
    'iop-schedule-picker': IopSchedulePicker;
  }
}

export { BookingConfirmedEvent, type BookingConfirmedDetail, type PickerStep };
