/**
 * The admin settings API (`/api/iop/staff/settings/...`): rows in staff-routes.ts' STAFF_ACCESS,
 * handlers here. Every save, first run and import is one audit row (`change-settings`) and one
 * history entry per section changed; reads and the export are audited too (the export is a copy
 * of the setup leaving the building, though it holds no health data).
 */
import type { Context } from 'hono';
import {
  AvailabilityPreview,
  AvailabilityPreviewRequest,
  AvailabilitySave,
  AvailabilityState,
  CenterSetup,
  EmbeddingSave,
  EmbeddingState,
  FirstRunRequest,
  ImportPreview,
  ImportPreviewRequest,
  ImportRequest,
  ImportResult,
  PayersSave,
  PayersState,
  ProfileSave,
  ProfileState,
  ProgramsSave,
  ProgramsState,
  ScreenerSave,
  ScreenerState,
  SessionsSave,
  SessionsState,
  SettingsHistory,
  SettingsHistoryQuery,
  SettingsOverview,
  type SettingsAuthor,
} from '../../src/api/settings-schemas.js';
import { addDays } from '../../src/domain/zoned-time.js';
import type { StaffRouteKit } from '../attendance/attendance-routes.js';
import type { Database } from '../db/database.js';
import { generateSlots } from '../domain/assessment-slots.js';
import { ProblemError, SOME_FIELDS_NEED_ATTENTION } from '../http/problem.js';
import { bookable } from '../services/assessment-booking.js';
import { centerToday, loadCenter } from '../services/center-catalog.js';
import type { Principal, StaffRouteKey } from '../staff/staff-routes.js';
import {
  applyImport,
  firstRun,
  previewImport,
  readSection,
  readSetup,
  saveSection,
  sectionMeta,
  sectionProblems,
  settingsHistory,
  settingsOverview,
  type Section,
  type SectionValues,
  type SettingsContext,
} from './center-settings.js';
import type { OriginPolicy } from './origin-policy.js';

export interface SettingsSupport {
  readonly origins: OriginPolicy;
  /** Minimum notice when the center has not set one. */
  readonly defaultNoticeMinutes: number;
  readonly webhookSecretConfigured: boolean;
}

const PREVIEW_DAYS = 14;

const authorOf = (principal: Principal): SettingsAuthor => ({ id: principal.id, label: principal.displayName });

export function mountSettingsRoutes(kit: StaffRouteKit, deps: { db: Database; now: () => Date }, support: SettingsSupport): void {
  const { route, audit, answer, queryOf, bodyOf } = kit;
  const { db, now } = deps;
  const context: SettingsContext = { defaultNoticeMinutes: support.defaultNoticeMinutes };

  async function state(section: Section) {
    const [meta, value] = await Promise.all([sectionMeta(db, section), readSection(db, section, context)]);
    return { ...meta, value };
  }

  async function embeddingState() {
    const base = await state('embedding');
    return {
      ...base,
      originsFromEnvironment: support.origins.fromEnvironment,
      effectiveOrigins: [...(await support.origins.current())],
      webhookSecretConfigured: support.webhookSecretConfigured,
    };
  }

  const sections = {
    profile: { state: ProfileState, save: ProfileSave },
    programs: { state: ProgramsState, save: ProgramsSave },
    availability: { state: AvailabilityState, save: AvailabilitySave },
    payers: { state: PayersState, save: PayersSave },
    sessions: { state: SessionsState, save: SessionsSave },
    screener: { state: ScreenerState, save: ScreenerSave },
    embedding: { state: EmbeddingState, save: EmbeddingSave },
  } as const;

  route('GET settings', async () => answer(SettingsOverview, await settingsOverview(db)));

  route('POST settings/first-run', async (c, principal) => {
    const body = await bodyOf(c, FirstRunRequest);
    await firstRun(db, body, authorOf(principal!), now());
    support.origins.invalidate();
    await audit(c, principal, 'change-settings', { detail: 'settings:first-run' });
    return answer(SettingsOverview, await settingsOverview(db), 201);
  });

  route('GET settings/history', async (c) => {
    const query = queryOf(c, SettingsHistoryQuery);
    return answer(SettingsHistory, { entries: await settingsHistory(db, query.section, query.limit) });
  });

  for (const section of Object.keys(sections) as Section[]) {
    const schemas = sections[section];
    const read = () => (section === 'embedding' ? embeddingState() : state(section));
    route(`GET settings/${section}` as StaffRouteKey, async () => answer(schemas.state, await read()));
    route(`PUT settings/${section}` as StaffRouteKey, async (c: Context, principal) => {
      const { version, value } = (await bodyOf(c, schemas.save)) as { version: number; value: SectionValues[typeof section] };
      const saved = await saveSection(db, section, version, value, authorOf(principal!), now());
      if (section === 'embedding') support.origins.invalidate();
      await audit(c, principal, 'change-settings', { detail: `settings:${section}:v${saved}` });
      return answer(schemas.state, await read());
    });
  }

  route('POST settings/availability/preview', async (c) => {
    const { draft, trackId } = await bodyOf(c, AvailabilityPreviewRequest);
    const center = await loadCenter(db);
    const problems = await sectionProblems(db, 'availability', draft, new Set((await db.query<{ id: string }>('SELECT id FROM tracks')).map((row) => row.id)));
    if (problems.length) throw new ProblemError({ status: 422, code: 'validation', detail: SOME_FIELDS_NEED_ATTENTION, errors: problems.map((p) => ({ ...p, pointer: `/draft${p.pointer}` })) });
    const from = centerToday(center, now());
    const to = addDays(from, PREVIEW_DAYS - 1);
    const rules = {
      minimumNoticeMinutes: Math.round(draft.minimumNoticeHours * 60),
      lastBookableDate: draft.bookingHorizonDays === null ? null : addDays(from, draft.bookingHorizonDays),
    };
    const slots = generateSlots({ windows: draft.windows, overrides: draft.overrides }, from, to, center.timeZone)
      .filter((slot) => bookable(now(), rules, slot))
      .filter((slot) => trackId === undefined || slot.trackIds.length === 0 || slot.trackIds.includes(trackId))
      .map((slot) => ({ start: slot.start.toISOString(), end: slot.end.toISOString(), mode: slot.mode, trackIds: [...slot.trackIds] }));
    return answer(AvailabilityPreview, { timeZone: center.timeZone, from, to, slots });
  });

  route('GET settings/export', async (c, principal) => {
    const setup = await readSetup(db, context, now());
    await audit(c, principal, 'export', { detail: 'settings:setup' });
    const response = answer(CenterSetup, setup);
    response.headers.set('content-disposition', 'attachment; filename="center-setup.json"');
    return response;
  });

  route('POST settings/import/preview', async (c) => {
    const { setup } = await bodyOf(c, ImportPreviewRequest);
    return answer(ImportPreview, await previewImport(db, setup, context));
  });

  route('POST settings/import', async (c, principal) => {
    const { revision, setup } = await bodyOf(c, ImportRequest);
    const result = await applyImport(db, revision, setup, context, authorOf(principal!), now());
    support.origins.invalidate();
    await audit(c, principal, 'change-settings', { detail: `settings:import:${result.changes.length}` });
    return answer(ImportResult, { revision: result.revision, changes: result.changes.length });
  });
}
