import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { AlumniSession, AlumniSessionList, Rsvp } from '../../api/schemas.js';
import { ClientError } from '../../client/errors.js';
import { occurrenceCalendarEvent, seriesCalendarEvent } from '../../domain/session-calendar.js';
import {
  audienceChoices,
  facets,
  formatChoices,
  hasActiveFilters,
  noFilters,
  OccurrenceFilter,
  readFiltersFromParams,
  timesOfDay,
  writeFiltersToParams,
  type Facet,
  type FilterResult,
  type SessionFilters,
} from '../../domain/session-filters.js';
import { isHappeningNow, nextOccurrences, occurrenceOn, type Occurrence } from '../../domain/session-recurrence.js';
import { emptyRsvpForm, safeJoinUrl, seatsLeft, sortMyRsvps, validateRsvpForm, type MyRsvp, type RsvpForm, type RsvpFormError } from '../../domain/session-rsvp.js';
import { addDays, instantToWallClock, wallTimeToInstant } from '../../domain/zoned-time.js';
import { formatAge, formatDate, formatTime } from '../../i18n/format.js';
import { translate } from '../../i18n/locale.js';
import { sharedMessages, type SharedMessage } from '../../i18n/messages.js';
import { DraftController } from '../shared/draft-controller.js';
import { IsolationController } from '../shared/isolation-controller.js';
import { IopWidgetElement } from '../shared/iop-widget-element.js';
import { LazyModule } from '../shared/lazy-module.js';
import { IopRsvpConfirmedEvent, type RsvpConfirmedDetail, type RsvpStatus } from '../events.js';
import { choiceGroup, errorSummary, focusErrorSummary, textField, type FieldError } from '../shared/form-fields.js';
import { OutboxController } from '../shared/outbox-controller.js';
import { ResourceController } from '../shared/resource-controller.js';
import { alumniBrowserMessages, knownTopics, type AlumniBrowserMessage } from './alumni-browser.messages.js';
import { alumniBrowserStyles } from './alumni-browser.styles.js';
import { OccurrenceLoader, type PreparedSessions } from './occurrence-loader.js';


type View = 'list' | 'week';
type Screen = { kind: 'browse' } | { kind: 'detail'; sessionId: string; date: string } | { kind: 'rsvp'; sessionId: string; date: string } | { kind: 'done'; rsvp: MyRsvp } | { kind: 'mine' };

type Prepared = PreparedSessions;

const PAGE_SIZE = 30;
const WEEK_DAY_LIMIT = 8;
const DAY_MS = 86_400_000;
const RSVP_FORM_DRAFT = 'alumni-rsvp-form';
// The device's zone, asked on first use: a DateTimeFormat at module top level costs every page that loads the module.
let deviceZone: string | undefined;
const visitorZone = () => (deviceZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone);

/**
 * Alumni, family and peer sessions: a list grouped by day from now (or a week at a time), filters
 * with counts, a text search, each session's details with add-to-calendar, and an RSVP per
 * occurrence with a waitlist. RSVPs made offline wait in the encrypted outbox; the person's own
 * RSVPs ("My sessions") are kept encrypted on the device.
 *
 * @summary Browse, filter and RSVP to alumni, family and peer sessions.
 * @tagname iop-alumni-browser
 * @csspart setup-problem - Shown instead of the widget when the API does not accept this page's origin (IOP_ALLOWED_ORIGINS).
 * @fires {RsvpConfirmedDetail} iop-rsvp-confirmed - An RSVP was confirmed, waitlisted or queued (an IopRsvpConfirmedEvent). Detail: `{ rsvpId, status }` only.
 * @csspart filters - The search field and filter groups.
 * @csspart results - The list or week of sessions.
 * @csspart session - One session in the list or week.
 * @csspart detail - A session's details.
 * @csspart rsvp-form - The RSVP form.
 * @csspart confirmation - What the person sees after sending an RSVP.
 * @csspart button - Every button.
 * @cssprop --iop-color-accent - Buttons, links and selected states.
 * @cssprop --iop-color-surface - Background of cards.
 * @cssprop --iop-color-border - Card borders.
 * @cssprop --iop-color-success - The "happening now" badge and confirmations.
 * @cssprop --iop-radius - Corner radius.
 * @cssprop --iop-space - Base spacing unit.
 * @cssprop [--iop-frame-initial-height=40rem] - Frame mode: room kept for the frame until it reports its height.
 */
export class IopAlumniBrowser extends IopWidgetElement {
  static override styles = alumniBrowserStyles;

  /** @internal */
  private loadedAt = new Date();
  /** @internal */
  private filter?: OccurrenceFilter<Occurrence>;
  /** @internal */
  private clock?: ReturnType<typeof setInterval>;
  /** @internal */
  private mineLoaded?: Promise<void>;
  /** @internal */
  private focusAfterRender?: string;
  /** @internal */
  private readonly labels = new Map<string, string>();

  /** @internal */
  private readonly resource = new ResourceController<AlumniSessionList>(this, this.settings, (client) => {
    // Dates either side of the visitor's today cover any center zone; expansion trims to the instant range.
    const from = new Date(this.loadedAt.getTime() - DAY_MS).toISOString().slice(0, 10);
    const to = new Date(this.loadedAt.getTime() + (this.rangeDays + 1) * DAY_MS).toISOString().slice(0, 10);
    // Places left change by the minute: the cached copy paints first, and the network is always asked.
    return { key: `alumni-sessions?from=${from}&to=${to}`, ttlMs: 0, load: (signal) => client.listAlumniSessions({ from, to }, { signal }) };
  });
  /** @internal */
  private readonly occurrences = new OccurrenceLoader(this);
  /** @internal */
  private readonly outbox = new OutboxController(this, this.settings);
  /**
   * The attendance panel of "My sessions" (check-in, letters), fetched once the person has an RSVP or
   * opens the view: a first visit never downloads it, and someone who will check in at a session
   * already has it before they go.
   * @internal
   */
  private readonly attendancePanel = new LazyModule(this, () => import('./my-attendance.js'));
  /** The .ics writer, fetched when a session's details are opened. @internal */
  private readonly calendarWriter = new LazyModule(this, () => import('../../domain/calendar-file.js'));
  /** @internal */
  private readonly mine = new DraftController<MyRsvp[]>(this, this.settings, 'alumni-rsvps');
  /** @internal */
  private readonly formDraft = new DraftController<RsvpForm>(this, this.settings, RSVP_FORM_DRAFT);
  /** @internal */
  private readonly isolationMode = new IsolationController(this, this.settings, {
    initialHeight: '40rem',
    outcome: { name: IopRsvpConfirmedEvent.eventName, create: (id, status) => new IopRsvpConfirmedEvent(id, status as RsvpStatus) },
  });

  /** @internal */
  @state() private filters: SessionFilters = noFilters;
  /** @internal */
  @state() private shown = PAGE_SIZE;
  /** @internal */
  @state() private screen: Screen = { kind: 'browse' };
  /** @internal */
  @state() private weekStart?: string;
  /** @internal */
  @state() private expandedDays: ReadonlySet<string> = new Set();
  /** @internal */
  @state() private form: RsvpForm = emptyRsvpForm;
  /** @internal */
  @state() private touched: ReadonlySet<keyof RsvpForm> = new Set();
  /** @internal */
  @state() private submitted = false;
  /** @internal */
  @state() private sending = false;
  /** @internal */
  @state() private problem?: 'refused' | 'server';
  /** @internal */
  @state() private myRsvps: MyRsvp[] = [];
  /** @internal */
  @state() private notice?: 'cancelled' | 'cancelFailed';
  /** @internal */
  @state() private now = new Date();

  /** `list` (grouped by day, from now) or `week`. */
  @property({ reflect: true }) view: View = 'list';
  /** How many days ahead to show. */
  @property({ type: Number, attribute: 'range-days' }) rangeDays = 28;
  /** Mirror the filters (never the search text) in the page URL, so a filtered list can be shared. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;
  /** Title of calendar files; discreet by default ("Appointment"). */
  @property({ attribute: 'calendar-title' }) calendarTitle?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl) this.filters = readFiltersFromParams(new URLSearchParams(location.search));
    // "Happening now" follows the clock without a reload.
    this.clock = setInterval(() => (this.now = new Date()), 60_000);
    this.outbox.onDelivered = (entryId, endpoint, response) => {
      if (endpoint === 'createRsvp') void this.deliveredLater(entryId, response as Rsvp);
    };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.mineLoaded && this.settings.config) this.mineLoaded = this.loadMine();
    if (this.myRsvps.length) this.attendancePanel.get();
    if (changed.has('syncUrl') && this.syncUrl && changed.get('syncUrl') === false) this.filters = readFiltersFromParams(new URLSearchParams(location.search));
  }

  protected override updated(): void {
    if (this.focusAfterRender) {
      this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender)?.focus();
      this.focusAfterRender = undefined;
    }
  }

  // ---- event handlers ---------------------------------------------------------------------------

  private onSearch(event: Event): void {
    this.setFilters({ ...this.filters, query: (event.target as HTMLInputElement).value });
  }

  private onFacet(facet: Facet, values: string | string[]): void {
    this.setFilters({ ...this.filters, [facet]: Array.isArray(values) ? values : [values] });
  }

  /** The week view opens on this week each time it is chosen, not on a week visited earlier. */
  private showView(view: View): void {
    if (view === 'week' && this.view !== 'week') this.weekStart = undefined;
    this.view = view;
  }

  private onOpen(occurrence: Occurrence): void {
    this.go({ kind: 'detail', sessionId: occurrence.sessionId, date: occurrence.date }, '#detail-heading');
  }

  private async onStartRsvp(sessionId: string, date: string): Promise<void> {
    this.submitted = false;
    this.touched = new Set();
    this.problem = undefined;
    this.form = (await this.formDraft.load()) ?? emptyRsvpForm;
    this.go({ kind: 'rsvp', sessionId, date }, '#rsvp-heading');
  }

  private onField(field: keyof RsvpForm, value: string): void {
    this.form = { ...this.form, [field]: value };
    this.touched = new Set([...this.touched, field]);
    void this.formDraft.save(this.form);
  }

  private async onSubmit(event: Event, sessionId: string, date: string): Promise<void> {
    event.preventDefault();
    if (this.sending) return;
    this.submitted = true;
    this.problem = undefined;
    if (validateRsvpForm(this.form).length) {
      await this.updateComplete;
      focusErrorSummary(this.shadowRoot);
      return;
    }
    this.sending = true;
    try {
      const email = this.form.email.trim();
      const phone = this.form.phone.trim();
      const outcome = await this.outbox.submit({
        endpoint: 'createRsvp',
        id: sessionId,
        draftId: RSVP_FORM_DRAFT,
        body: {
          occurrenceDate: date,
          name: this.form.name.trim(),
          ...(email ? { email } : {}),
          ...(phone ? { phone } : {}),
          familyMembers: Number(this.form.familyMembers),
          locale: this.settings.locale,
        },
      });
      if (outcome.status === 'refused') {
        this.problem = 'refused';
        await this.updateComplete;
        focusErrorSummary(this.shadowRoot);
        return;
      }
      const rsvp: MyRsvp =
        outcome.status === 'sent' ? fromServer(outcome.response) : { entryId: outcome.entryId, sessionId, date, status: 'queued' };
      await this.keepMine([...this.myRsvps.filter((mine) => mine.entryId !== outcome.entryId), rsvp]);
      this.form = emptyRsvpForm;
      void this.formDraft.clear();
      this.go({ kind: 'done', rsvp }, '#done-heading');
      this.dispatchEvent(new IopRsvpConfirmedEvent(rsvp.id ?? outcome.entryId, rsvp.status));
      if (outcome.status === 'sent') this.resource.reload();
    } catch {
      this.problem = 'server';
    } finally {
      this.sending = false;
    }
  }

  private async onCancel(rsvp: MyRsvp): Promise<void> {
    this.notice = undefined;
    try {
      if (rsvp.status === 'queued' && rsvp.entryId) await this.outbox.discard(rsvp.entryId);
      else if (rsvp.id && rsvp.token) await this.settings.config!.client.cancelRsvp(rsvp.id, rsvp.token);
      await this.keepMine(this.myRsvps.filter((mine) => mine !== rsvp));
      this.notice = 'cancelled';
      this.resource.reload();
    } catch (error) {
      // Already gone on the server: nothing left to cancel.
      if (error instanceof ClientError && error.problem?.code === 'not-found') {
        await this.keepMine(this.myRsvps.filter((mine) => mine !== rsvp));
        this.notice = 'cancelled';
      } else this.notice = 'cancelFailed';
    }
    this.focusAfterRender = '#notice';
  }

  // ---- private methods --------------------------------------------------------------------------

  private t(key: AlumniBrowserMessage, params?: Record<string, string | number>): string {
    return translate(alumniBrowserMessages, this.settings.locale, key, params);
  }

  private shared(key: SharedMessage, params?: Record<string, string | number>): string {
    return translate(sharedMessages, this.settings.locale, key, params);
  }

  private go(screen: Screen, focus: string): void {
    this.screen = screen;
    this.notice = undefined;
    this.focusAfterRender = focus;
  }

  private setFilters(filters: SessionFilters): void {
    this.filters = filters;
    this.shown = PAGE_SIZE;
    this.expandedDays = new Set();
    if (this.syncUrl) {
      const url = new URL(location.href);
      url.search = writeFiltersToParams(filters, url.searchParams).toString();
      history.replaceState(history.state, '', url);
    }
  }

  private async loadMine(): Promise<void> {
    this.myRsvps = sortMyRsvps((await this.mine.load()) ?? []);
  }

  private async keepMine(rsvps: MyRsvp[]): Promise<void> {
    this.myRsvps = sortMyRsvps(rsvps);
    await this.mine.save(this.myRsvps);
  }

  /** A queued RSVP reached the server (this visit or a later one): keep its id, token and status. */
  private async deliveredLater(entryId: string, response: Rsvp): Promise<void> {
    await this.mineLoaded;
    if (!this.myRsvps.some((mine) => mine.entryId === entryId)) return;
    const delivered = fromServer(response);
    await this.keepMine(this.myRsvps.map((mine) => (mine.entryId === entryId ? delivered : mine)));
    if (this.screen.kind === 'done' && this.screen.rsvp.entryId === entryId) this.screen = { kind: 'done', rsvp: delivered };
    this.resource.reload();
  }

  private prepare(list: AlumniSessionList): Prepared {
    return this.occurrences.prepare(list, this.settings.locale, { from: this.loadedAt, to: new Date(this.loadedAt.getTime() + this.rangeDays * DAY_MS) });
  }

  /** The filters applied to what is expanded so far; while the rest arrives, only the new occurrences are filtered. */
  private filtered(prepared: Prepared): FilterResult<Occurrence> {
    if (this.filter?.index !== prepared.index || this.filter.filters !== this.filters) this.filter = new OccurrenceFilter(prepared.index, this.filters);
    if (this.filter.behind) this.filter.catchUp();
    return this.filter.result;
  }

  /** Intl formatters are slow to build: a keystroke re-renders the same labels, so each is made once. */
  private label(key: string, make: () => string): string {
    const cacheKey = `${this.settings.locale}|${key}`;
    let text = this.labels.get(cacheKey);
    if (text === undefined) this.labels.set(cacheKey, (text = make()));
    return text;
  }

  /** The center's wall time, with the zone named when the visitor's device is elsewhere. */
  private time(instant: Date, timeZone: string): string {
    return this.label(`t|${instant.getTime()}|${timeZone}`, () => formatTime(instant, this.settings.locale, timeZone, timeZone !== visitorZone()));
  }

  /** A center-zone calendar date as words: noon UTC on that date, read in UTC, is that date everywhere. */
  private dayLabel(date: string): string {
    return this.label(`d|${date}`, () => formatDate(`${date}T12:00:00Z`, this.settings.locale, 'UTC'));
  }

  private facetLabel(facet: Facet, value: string): string {
    if (facet === 'days') {
      // 2026-03-01 was a Sunday.
      return this.label(`w|${value}`, () => formatDate(`${addDays('2026-03-01', Number(value))}T12:00:00Z`, this.settings.locale, 'UTC', { weekday: 'long', month: undefined, day: undefined }));
    }
    if (facet === 'topics') return knownTopics[value.toLowerCase()]?.[this.settings.locale] ?? value;
    return value in alumniBrowserMessages.en ? this.t(value as AlumniBrowserMessage) : value;
  }

  // ---- rendering pieces -------------------------------------------------------------------------

  private renderFilters(prepared: Prepared, result: FilterResult<Occurrence>): TemplateResult {
    const values: Record<Facet, readonly string[]> = {
      days: ['0', '1', '2', '3', '4', '5', '6'],
      times: timesOfDay,
      audiences: audienceChoices,
      formats: formatChoices,
      topics: prepared.topics,
      languages: prepared.languages,
    };
    const legends: Record<Facet, AlumniBrowserMessage> = { days: 'day', times: 'timeOfDay', audiences: 'audience', formats: 'format', topics: 'topic', languages: 'language' };
    return html`
      <div class="filters" part="filters">
        <div class="field">
          <label for="search">${this.t('search')}</label>
          <div class="hint" id="search-hint">${this.t('searchHint')}</div>
          <input id="search" type="search" autocomplete="off" spellcheck="false" aria-describedby="search-hint" .value=${live(this.filters.query)} @input=${this.onSearch} />
        </div>
        <details ?open=${hasActiveFilters({ ...this.filters, query: '' })}>
          <summary>${this.t('filters')}</summary>
          <div class="facet-groups">
            ${facets.map((facet) =>
              choiceGroup({
                id: `filter-${facet}`,
                label: this.t(legends[facet]),
                legendSize: 'body',
                multiple: true,
                errorPrefix: '',
                value: this.filters[facet],
                // Counts only once every occurrence is in: a count of the first days would mislead.
                choices: values[facet].map((value) => ({
                  value,
                  label: prepared.loading ? this.facetLabel(facet, value) : this.t('withCount', { label: this.facetLabel(facet, value), count: result.counts[facet].get(value) ?? 0 }),
                })),
                onChange: (chosen) => this.onFacet(facet, chosen),
              }),
            )}
          </div>
          ${hasActiveFilters(this.filters)
            ? html`<button type="button" class="button button--secondary" part="button" @click=${() => this.setFilters(noFilters)}>${this.t('clearFilters')}</button>`
            : nothing}
        </details>
      </div>
    `;
  }

  private renderItem(prepared: Prepared, occurrence: Occurrence): TemplateResult {
    const session = prepared.sessions.get(occurrence.sessionId)!;
    const left = seatsLeft(session.capacity, session.counts, occurrence.date);
    return html`
      <li class="session" part="session">
        <button type="button" class="session-button" @click=${() => this.onOpen(occurrence)}>
          <span class="session-time">${this.time(occurrence.start, session.timeZone)}</span>
          <span class="session-title">${session.title}</span>
          <span class="session-meta">${this.t(session.format)} · ${this.t(session.audience as AlumniBrowserMessage)} · ${this.t(session.language)}</span>
          ${isHappeningNow(occurrence, this.now) ? html`<span class="badge badge--now">${this.t('happeningNow')}</span>` : nothing}
          ${left === null ? nothing : html`<span class="seats">${this.seatsText(left)}</span>`}
        </button>
      </li>
    `;
  }

  private seatsText(left: number): string {
    if (left === 0) return this.t('full');
    return this.t('seatsLeft', { count: left });
  }

  private renderList(prepared: Prepared, matches: readonly Occurrence[]): TemplateResult {
    // A bounded page keeps the DOM small with 10,000 occurrences; "Show more" adds the next page.
    const page = matches.slice(0, this.shown);
    const days: { date: string; occurrences: Occurrence[] }[] = [];
    for (const occurrence of page) {
      const last = days.at(-1);
      if (last?.date === occurrence.date) last.occurrences.push(occurrence);
      else days.push({ date: occurrence.date, occurrences: [occurrence] });
    }
    return html`
      ${days.map(
        (day) => html`
          <section class="day" aria-labelledby="day-${day.date}">
            <h3 id="day-${day.date}">${this.dayLabel(day.date)}</h3>
            <ul class="sessions">${day.occurrences.map((occurrence) => this.renderItem(prepared, occurrence))}</ul>
          </section>
        `,
      )}
      ${matches.length > page.length
        ? html`<p class="more">${prepared.loading ? this.t('shownSoFar', { shown: page.length }) : this.t('shownOf', { shown: page.length, total: matches.length })}</p>
            <button type="button" class="button" part="button" @click=${() => (this.shown += PAGE_SIZE)}>${this.t('showMore')}</button>`
        : prepared.loading
          ? html`<p class="more">${this.t('laterStillLoading')}</p>`
          : nothing}
    `;
  }

  private renderWeek(prepared: Prepared, matches: readonly Occurrence[]): TemplateResult {
    const zone = prepared.list.timeZone;
    // Seven days from today, not the calendar week around it: late on a Saturday the calendar
    // week is six days gone, and the person wants what they can still attend.
    const start = this.weekStart ?? instantToWallClock(this.now, zone).date;
    const dates = Array.from({ length: 7 }, (_, i) => addDays(start, i));
    const byDate = new Map<string, Occurrence[]>(dates.map((date) => [date, []]));
    for (const occurrence of matches) byDate.get(occurrence.date)?.push(occurrence);
    // A day is complete once every occurrence starting before its end is in.
    const dayPending = (date: string) =>
      prepared.loading && (wallTimeToInstant(addDays(date, 1), '00:00', zone, 'shift-forward')?.getTime() ?? Infinity) > prepared.completeUntil.getTime();
    return html`
      <div class="week-nav">
        <button type="button" class="button button--secondary" part="button" @click=${() => (this.weekStart = addDays(start, -7))}>${this.t('previousWeek')}</button>
        <h3 id="week-heading" tabindex="-1">${this.t('weekOf', { date: this.dayLabel(start) })}</h3>
        <button type="button" class="button button--secondary" part="button" @click=${() => (this.weekStart = addDays(start, 7))}>${this.t('nextWeek')}</button>
      </div>
      <div class="week">
        ${dates.map((date) => {
          const all = byDate.get(date)!;
          const visible = this.expandedDays.has(date) ? all : all.slice(0, WEEK_DAY_LIMIT);
          const pending = dayPending(date);
          return html`
            <section class="week-day" aria-labelledby="week-${date}">
              <h4 id="week-${date}">${this.dayLabel(date)}</h4>
              ${all.length ? html`<ul class="sessions">${visible.map((occurrence) => this.renderItem(prepared, occurrence))}</ul>` : nothing}
              ${pending ? html`<p class="muted">${this.t('dayStillLoading')}</p>` : all.length ? nothing : html`<p class="muted">${this.t('nothingThisDay')}</p>`}
              ${all.length > visible.length
                ? html`<button type="button" class="button button--secondary" part="button" @click=${() => (this.expandedDays = new Set([...this.expandedDays, date]))}>
                    ${this.t('moreThisDay', { count: all.length - visible.length, day: this.dayLabel(date) })}
                  </button>`
                : nothing}
            </section>
          `;
        })}
      </div>
    `;
  }

  private renderBrowse(prepared: Prepared): TemplateResult {
    const result = this.filtered(prepared);
    const total = result.matches.length;
    return html`
      ${this.renderFilters(prepared, result)}
      <div class="toolbar">
        <div class="views" role="group" aria-label=${this.t('views')}>
          ${(['list', 'week'] as const).map(
            (view) => html`<button type="button" class="button button--toggle" part="button" aria-pressed=${this.view === view ? 'true' : 'false'} @click=${() => this.showView(view)}>
              ${this.t(view === 'list' ? 'listView' : 'weekView')}
            </button>`,
          )}
        </div>
        <button type="button" class="button button--secondary" part="button" @click=${() => this.go({ kind: 'mine' }, '#mine-heading')}>
          ${this.t('mySessions', { count: this.myRsvps.length })}
        </button>
      </div>
      <p class="count" role="status">${prepared.loading ? this.t('stillLoading') : this.t('found', { count: total })}</p>
      <div class="results" part="results" aria-busy=${prepared.loading ? 'true' : nothing}>
        ${total === 0 && prepared.loading && this.view === 'list'
          ? html`<div class="empty"><p>${this.t('noneFoundYet')}</p></div>`
          : total === 0 && !prepared.loading
          ? html`<div class="empty"><p><strong>${this.t('noneFound')}</strong></p><p>${this.t('noneFoundHint')}</p></div>`
          : this.view === 'week'
            ? this.renderWeek(prepared, result.matches)
            : this.renderList(prepared, result.matches)}
      </div>
    `;
  }

  private calendarLinks(session: AlumniSession, date: string): TemplateResult | typeof nothing {
    const writer = this.calendarWriter.get();
    if (!writer) return nothing;
    const { calendarDataUrl, calendarFile } = writer;
    const options = { title: this.calendarTitle || this.t('calendarTitle'), uidDomain: location.hostname || 'iop-widgets.invalid' };
    const made = { now: new Date() };
    const one = calendarFile([occurrenceCalendarEvent(session, occurrenceOn(session, date), options)], made);
    const series = session.recurrence.kind === 'once' ? undefined : seriesCalendarEvent(session, options);
    return html`
      <h4>${this.t('addToCalendar')}</h4>
      <ul class="links">
        <li><a href=${calendarDataUrl(one)} download="session-${date}.ics">${this.t('thisDate')}</a></li>
        ${series ? html`<li><a href=${calendarDataUrl(calendarFile([series], made))} download="sessions.ics">${this.t('wholeSeries')}</a></li>` : nothing}
      </ul>
    `;
  }

  private renderDetail(prepared: Prepared, sessionId: string, date: string): TemplateResult {
    const session = prepared.sessions.get(sessionId);
    if (!session) return this.renderMissing();
    const occurrence = occurrenceOn(session, date);
    const left = seatsLeft(session.capacity, session.counts, date);
    const upcoming = nextOccurrences(session, this.now, 5);
    return html`
      <article class="detail" part="detail">
        <button type="button" class="link-button" @click=${() => this.go({ kind: 'browse' }, '#search')}>${this.t('back')}</button>
        <h3 id="detail-heading" tabindex="-1">${session.title}</h3>
        ${isHappeningNow(occurrence, this.now) ? html`<p><span class="badge badge--now">${this.t('happeningNow')}</span></p>` : nothing}
        ${session.description ? html`<p>${session.description}</p>` : nothing}
        <dl>
          <dt>${this.t('when')}</dt>
          <dd>${this.dayLabel(date)}, ${this.time(occurrence.start, session.timeZone)} – ${this.time(occurrence.end, session.timeZone)}</dd>
          <dt>${this.t('facilitator')}</dt>
          <dd>${session.facilitator.firstName}, ${session.facilitator.role}</dd>
          <dt>${this.t('where')}</dt>
          <dd>
            ${session.location && session.format !== 'online' ? html`<span>${session.location}</span>` : nothing}
            ${session.format !== 'in-person' ? html`<span class="block">${this.t('onlineAfterRsvp')}</span>` : nothing}
          </dd>
          <dt>${this.t('format')}</dt>
          <dd>${this.t(session.format)} · ${this.t(session.language)}</dd>
        </dl>
        ${left === null ? nothing : html`<p class="seats"><strong>${this.seatsText(left)}</strong></p>`}
        <button type="button" class="button" part="button" @click=${() => this.onStartRsvp(session.id, date)}>${this.t('rsvp')}</button>
        ${upcoming.length > 1
          ? html`<h4>${this.t('nextDates')}</h4>
              <ul class="links">
                ${upcoming.map(
                  (next) => html`<li>
                    <button type="button" class="link-button" aria-current=${next.date === date ? 'date' : 'false'} @click=${() => this.go({ kind: 'detail', sessionId, date: next.date }, '#detail-heading')}>
                      ${this.dayLabel(next.date)}, ${this.time(next.start, session.timeZone)}
                    </button>
                  </li>`,
                )}
              </ul>`
          : nothing}
        ${this.calendarLinks(session, date)}
      </article>
    `;
  }

  private fieldError(errors: readonly RsvpFormError[], field: keyof RsvpForm): string | undefined {
    const shown = this.submitted || this.touched.has(field);
    if (!shown) return undefined;
    const messages: Record<RsvpFormError, AlumniBrowserMessage> = { name: 'errorName', contact: 'errorContact', email: 'errorEmail', phone: 'errorPhone', familyMembers: 'errorFamily' };
    if (field === 'email') {
      if (errors.includes('email')) return this.t(messages.email);
      return this.submitted && errors.includes('contact') ? this.t(messages.contact) : undefined;
    }
    const own = errors.find((error) => error === field);
    return own ? this.t(messages[own]) : undefined;
  }

  private renderRsvp(prepared: Prepared, sessionId: string, date: string): TemplateResult {
    const session = prepared.sessions.get(sessionId);
    if (!session) return this.renderMissing();
    const occurrence = occurrenceOn(session, date);
    const errors = validateRsvpForm(this.form);
    const fields: (keyof RsvpForm)[] = ['name', 'email', 'phone', 'familyMembers'];
    const summary: FieldError[] = this.submitted
      ? fields.flatMap((field) => {
          const message = this.fieldError(errors, field);
          return message ? [{ id: `rsvp-${field}`, message }] : [];
        })
      : [];
    if (this.problem === 'refused') summary.push({ id: 'rsvp-name', message: this.t('refused') });
    const errorPrefix = this.shared('errorPrefix');
    const field = (name: keyof RsvpForm, extra: { type?: 'text' | 'email' | 'tel' | 'number'; autocomplete?: string; inputmode?: 'email' | 'tel' | 'numeric'; width?: 'short' | 'full'; hint?: string }) =>
      textField({
        id: `rsvp-${name}`,
        label: this.t(name === 'familyMembers' ? 'familyMembers' : name),
        value: this.form[name],
        errorPrefix,
        error: this.fieldError(errors, name),
        onInput: (value) => this.onField(name, value),
        ...extra,
      });
    return html`
      <form class="rsvp" part="rsvp-form" novalidate @submit=${(event: Event) => this.onSubmit(event, sessionId, date)}>
        <button type="button" class="link-button" @click=${() => this.go({ kind: 'detail', sessionId, date }, '#detail-heading')}>${this.t('back')}</button>
        <h3 id="rsvp-heading" tabindex="-1">${this.t('rsvpHeading')}: ${session.title}</h3>
        <p>${this.dayLabel(date)}, ${this.time(occurrence.start, session.timeZone)}</p>
        ${errorSummary(this.shared('errorSummaryTitle'), summary)}
        ${this.problem === 'server' ? html`<p class="error-message" role="alert">${this.shared('serverError')}</p>` : nothing}
        <p>${this.t('rsvpIntro')}</p>
        ${field('name', { autocomplete: 'given-name', hint: this.t('nameHint'), width: 'short' })}
        <p class="hint" id="contact-hint">${this.t('contactHint')}</p>
        ${field('email', { type: 'email', autocomplete: 'email', inputmode: 'email' })}
        ${field('phone', { type: 'tel', autocomplete: 'tel', inputmode: 'tel', width: 'short' })}
        ${field('familyMembers', { type: 'text', inputmode: 'numeric', width: 'short', hint: this.t('familyHint') })}
        ${this.mine.persistent ? nothing : html`<p class="hint">${this.t('notKept')}</p>`}
        <button type="submit" class="button" part="button" aria-disabled=${this.sending ? 'true' : 'false'}>${this.sending ? this.t('sending') : this.t('sendRsvp')}</button>
      </form>
    `;
  }

  private renderDone(prepared: Prepared | undefined, rsvp: MyRsvp): TemplateResult {
    const titles = { confirmed: 'confirmedTitle', waitlisted: 'waitlistedTitle', queued: 'queuedTitle' } as const;
    const join = safeJoinUrl(rsvp.joinUrl);
    return html`
      <div class="confirmation confirmation--${rsvp.status}" part="confirmation">
        <h3 id="done-heading" tabindex="-1">${this.t(titles[rsvp.status])}</h3>
        <p>${this.describeRsvp(prepared, rsvp)}</p>
        ${rsvp.status === 'waitlisted' ? html`<p>${this.t('waitlistedBody', { position: rsvp.waitlistPosition ?? 1 })}</p>` : nothing}
        ${rsvp.status === 'queued' ? html`<p>${this.t('queuedBody')}</p>` : nothing}
        ${join ? html`<p><a href=${join} target="_blank" rel="noopener noreferrer">${this.t('joinLink')}</a></p>` : nothing}
        <div class="button-row">
          <button type="button" class="button" part="button" @click=${() => this.go({ kind: 'mine' }, '#mine-heading')}>${this.t('mySessions', { count: this.myRsvps.length })}</button>
          <button type="button" class="button button--secondary" part="button" @click=${() => this.go({ kind: 'browse' }, '#search')}>${this.t('back')}</button>
        </div>
      </div>
    `;
  }

  private describeRsvp(prepared: Prepared | undefined, rsvp: MyRsvp): string {
    const session = prepared?.sessions.get(rsvp.sessionId);
    if (!session) return `${this.t('someSession')}, ${this.dayLabel(rsvp.date)}`;
    return `${session.title}, ${this.dayLabel(rsvp.date)}, ${this.time(occurrenceOn(session, rsvp.date).start, session.timeZone)}`;
  }

  private renderMine(prepared: Prepared | undefined): TemplateResult {
    // <iop-my-attendance> upgrades when its module arrives; Lit keeps the properties set before that.
    this.attendancePanel.get();
    const statuses = { confirmed: 'statusConfirmed', waitlisted: 'statusWaitlisted', queued: 'statusQueued' } as const;
    return html`
      <section class="mine">
        <button type="button" class="link-button" @click=${() => this.go({ kind: 'browse' }, '#search')}>${this.t('back')}</button>
        <h3 id="mine-heading" tabindex="-1">${this.t('mySessions', { count: this.myRsvps.length })}</h3>
        <p class="hint">${this.mine.persistent ? this.t('keepsOnDevice') : this.t('notKept')}</p>
        ${this.notice
          ? html`<p id="notice" tabindex="-1" role="status" class=${this.notice === 'cancelled' ? 'success' : 'error-message'}>${this.t(this.notice)}</p>`
          : nothing}
        ${this.myRsvps.length
          ? html`<ul class="sessions">
              ${this.myRsvps.map((rsvp) => {
                const join = safeJoinUrl(rsvp.joinUrl);
                return html`<li class="session my-rsvp" part="session">
                  <p><strong>${this.describeRsvp(prepared, rsvp)}</strong></p>
                  <p>${this.t(statuses[rsvp.status])}</p>
                  ${join ? html`<p><a href=${join} target="_blank" rel="noopener noreferrer">${this.t('joinLink')}</a></p>` : nothing}
                  <button type="button" class="button button--secondary" part="button" @click=${() => this.onCancel(rsvp)}>${this.t('cancel')}</button>
                </li>`;
              })}
            </ul>`
          : html`<p>${this.t('noRsvps')}</p>`}
        <iop-my-attendance .rsvps=${this.myRsvps} .sessions=${prepared?.sessions ?? new Map()} api-base=${this.apiBase ?? nothing} locale=${this.settings.locale}></iop-my-attendance>
      </section>
    `;
  }

  private renderMissing(): TemplateResult {
    return html`<p>${this.t('loadError')}</p>
      <button type="button" class="button" part="button" @click=${() => this.go({ kind: 'browse' }, '#search')}>${this.t('back')}</button>`;
  }

  private renderState(): TemplateResult | typeof nothing {
    const state = this.resource.state;
    if (state.status === 'ready' && state.offline) return html`<p class="banner" role="status">${this.shared('offlineCached', { age: formatAge(state.ageMs, this.settings.locale) })}</p>`;
    return nothing;
  }

  override render() {
    const setupProblem = this.renderOriginRefused();
    if (setupProblem) return setupProblem;
    if (this.isolationMode.framed) return this.isolationMode.render();
    const state = this.resource.state;
    const prepared = state.status === 'ready' ? this.prepare(state.value) : undefined;
    const screen = this.screen;
    let body: TemplateResult;
    if (state.status === 'unconfigured') body = html`<p>${this.t('notConfigured')}</p>`;
    else if (screen.kind === 'mine') body = this.renderMine(prepared);
    else if (screen.kind === 'done') body = this.renderDone(prepared, screen.rsvp);
    else if (state.status === 'pending') body = html`<p class="loading" role="status">${this.shared('loading')}</p>`;
    else if (state.status === 'error')
      body = html`<div role="alert"><p>${this.t('loadError')} ${this.shared(state.error instanceof ClientError && state.error.kind === 'offline' ? 'offline' : 'serverError')}</p></div>
        <button type="button" class="button" part="button" @click=${() => this.resource.reload()}>${this.shared('tryAgain')}</button>`;
    else if (screen.kind === 'detail') body = this.renderDetail(prepared!, screen.sessionId, screen.date);
    else if (screen.kind === 'rsvp') body = this.renderRsvp(prepared!, screen.sessionId, screen.date);
    else body = this.renderBrowse(prepared!);
    return html`
      <div class="browser" lang=${this.settings.locale}>
        ${this.renderLanguageSwitch()}
        <h2>${this.t('heading')}</h2>
        <p class="intro">${this.t('intro')}</p>
        ${this.renderState()} ${body}
      </div>
    `;
  }
}

function fromServer(rsvp: Rsvp): MyRsvp {
  return {
    id: rsvp.id,
    token: rsvp.token,
    sessionId: rsvp.sessionId,
    date: rsvp.occurrenceDate,
    status: rsvp.status,
    ...(rsvp.waitlistPosition ? { waitlistPosition: rsvp.waitlistPosition } : {}),
    ...(rsvp.joinUrl ? { joinUrl: rsvp.joinUrl } : {}),
  };
}

if (!customElements.get('iop-alumni-browser')) customElements.define('iop-alumni-browser', IopAlumniBrowser);

declare global {
  interface HTMLElementTagNameMap {
    'iop-alumni-browser': IopAlumniBrowser;
  }
}

export { IopRsvpConfirmedEvent, type RsvpConfirmedDetail, type RsvpStatus };
