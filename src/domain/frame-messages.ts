/**
 * The only messages a widget's host element and its isolation frame exchange. Everything here is
 * safe for the host page's scripts to see: a postMessage to the parent is readable by any script on
 * that page, so no kind carries what a person typed, only sizes, the locale, theme values the page
 * already has, opaque ids with a status, and error codes. `readFrameMessage` rejects anything else.
 */

// What a widget needs on every page, frame or not, lives in host-page.ts (kept out of the frame code's chunk).
export { isCrossOrigin, trackerGlobals, trackersPresent } from './host-page.js';

/** Marks our messages, so other scripts' postMessage traffic on the page is told apart cheaply. */
export const FRAME_PROTOCOL = 'iop-frame/1';

/** Outcome events a widget may fire; the frame relays these and nothing else. */
export const outcomeEventNames = ['iop-booking-confirmed', 'iop-intake-submitted', 'iop-eligibility-checked', 'iop-rsvp-confirmed'] as const;
export type OutcomeEventName = (typeof outcomeEventNames)[number];

/** Why a frame could not show its widget. Codes only: a message never carries error text. */
export const frameErrorCodes = ['not-configured', 'script-failed', 'unknown-widget'] as const;
export type FrameErrorCode = (typeof frameErrorCodes)[number];

/** Tags that can run isolated in a frame. */
export const frameableTags = ['iop-schedule-picker', 'iop-intake-screener', 'iop-insurance-verification', 'iop-alumni-browser'] as const;
export type FrameableTag = (typeof frameableTags)[number];

export type FrameLocale = 'en' | 'es';

/** Frame to host element. */
export type ChildMessage =
  | { protocol: typeof FRAME_PROTOCOL; kind: 'ready' }
  | { protocol: typeof FRAME_PROTOCOL; kind: 'height'; px: number }
  | { protocol: typeof FRAME_PROTOCOL; kind: 'outcome'; event: OutcomeEventName; id: string; status: string }
  | { protocol: typeof FRAME_PROTOCOL; kind: 'error'; code: FrameErrorCode };

/** Host element to frame. */
export type ParentMessage =
  | { protocol: typeof FRAME_PROTOCOL; kind: 'locale'; locale: FrameLocale }
  | { protocol: typeof FRAME_PROTOCOL; kind: 'theme'; properties: Record<string, string> };

export type FrameMessage = ChildMessage | ParentMessage;

/** Ids are opaque server ids or outbox entry ids: letters, digits, `_` and `-`. An email or a name cannot pass. */
const OPAQUE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const STATUS = /^[a-z][a-z-]{0,31}$/;
const THEME_PROPERTY = /^--iop-[a-z0-9-]{1,40}$/;
/** Colours, lengths, font stacks. No `url(`, no escapes, nothing that ends a declaration. */
const THEME_VALUE = /^[A-Za-z0-9#%.,()'" +/-]{1,120}$/;
const MAX_THEME_PROPERTIES = 32;
const MAX_HEIGHT_PX = 100_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every((key) => keys.includes(key));
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** A theme value the frame may apply: no url() (it would make the frame fetch), no escapes. */
export function isSafeThemeValue(value: string): boolean {
  return THEME_VALUE.test(value) && !/url\s*\(|image-set|expression/i.test(value);
}

/** Keeps only well-formed `--iop-*` properties with safe values. */
export function safeThemeProperties(properties: Record<string, string>): Record<string, string> {
  const kept = Object.entries(properties)
    .map(([name, value]) => [name, value.trim()] as const)
    .filter(([name, value]) => THEME_PROPERTY.test(name) && isSafeThemeValue(value))
    .slice(0, MAX_THEME_PROPERTIES);
  return Object.fromEntries(kept);
}

/**
 * A message from the frame, or undefined for anything that is not exactly one of ours: unknown
 * kinds, extra fields, ids that could hold a person's words, heights that are not sizes.
 */
export function readChildMessage(data: unknown): ChildMessage | undefined {
  if (!isRecord(data) || data.protocol !== FRAME_PROTOCOL) return undefined;
  switch (data.kind) {
    case 'ready':
      return hasOnlyKeys(data, ['protocol', 'kind']) ? { protocol: FRAME_PROTOCOL, kind: 'ready' } : undefined;
    case 'height': {
      const px = data.px;
      if (!hasOnlyKeys(data, ['protocol', 'kind', 'px']) || typeof px !== 'number' || !Number.isFinite(px) || px < 0 || px > MAX_HEIGHT_PX) return undefined;
      return { protocol: FRAME_PROTOCOL, kind: 'height', px: Math.ceil(px) };
    }
    case 'outcome': {
      const { event, id, status } = data;
      if (!hasOnlyKeys(data, ['protocol', 'kind', 'event', 'id', 'status'])) return undefined;
      if (!isOneOf(outcomeEventNames, event) || typeof id !== 'string' || !OPAQUE_ID.test(id) || typeof status !== 'string' || !STATUS.test(status)) return undefined;
      return { protocol: FRAME_PROTOCOL, kind: 'outcome', event, id, status };
    }
    case 'error':
      if (!hasOnlyKeys(data, ['protocol', 'kind', 'code']) || !isOneOf(frameErrorCodes, data.code)) return undefined;
      return { protocol: FRAME_PROTOCOL, kind: 'error', code: data.code };
    default:
      return undefined;
  }
}

/** A message from the host element, or undefined. Theme values are filtered, never trusted. */
export function readParentMessage(data: unknown): ParentMessage | undefined {
  if (!isRecord(data) || data.protocol !== FRAME_PROTOCOL) return undefined;
  if (data.kind === 'locale') {
    if (!hasOnlyKeys(data, ['protocol', 'kind', 'locale']) || !isOneOf(['en', 'es'] as const, data.locale)) return undefined;
    return { protocol: FRAME_PROTOCOL, kind: 'locale', locale: data.locale };
  }
  if (data.kind === 'theme') {
    const properties = data.properties;
    if (!hasOnlyKeys(data, ['protocol', 'kind', 'properties']) || !isRecord(properties)) return undefined;
    if (!Object.values(properties).every((value) => typeof value === 'string')) return undefined;
    return { protocol: FRAME_PROTOCOL, kind: 'theme', properties: safeThemeProperties(properties as Record<string, string>) };
  }
  return undefined;
}

/**
 * The opaque id and status of an outcome event, whichever shape the widget gives it: fields on the
 * event (`rsvpId`, `status`) or a `detail` object (`{ intakeId, status }`). Exactly one `...Id` field
 * must be present; anything else is not relayed.
 */
export function outcomeFields(event: object): { id: string; status: string } | undefined {
  const source: Record<string, unknown> = isRecord((event as { detail?: unknown }).detail)
    ? ((event as { detail: Record<string, unknown> }).detail)
    : (event as Record<string, unknown>);
  const idKeys = Object.keys(source).filter((key) => /^[a-z]+Id$/.test(key));
  if (idKeys.length !== 1) return undefined;
  const id = source[idKeys[0]!];
  const status = source.status;
  if (typeof id !== 'string' || !OPAQUE_ID.test(id) || typeof status !== 'string' || !STATUS.test(status)) return undefined;
  return { id, status };
}

/** Attributes never forwarded to the frame: the frame sets its own, and presentation stays on the host. */
const NOT_FORWARDED = new Set(['isolation', 'api-base', 'id', 'class', 'style', 'slot', 'part', 'hidden', 'tabindex', 'lang', 'dir', 'exportparts']);

/**
 * The frame's address: `<api-base>embed/<tag>` with the parent origin, the locale and the widget's
 * own configuration attributes. Attribute names are plain lower-case words; ARIA and event-handler
 * attributes stay on the host.
 */
export function frameUrl(options: {
  apiBase: string;
  pageHref: string;
  tag: FrameableTag;
  locale: FrameLocale;
  attributes: ReadonlyArray<readonly [string, string]>;
}): URL {
  const base = new URL(options.apiBase.endsWith('/') ? options.apiBase : `${options.apiBase}/`, options.pageHref);
  const url = new URL(`embed/${options.tag}`, base);
  url.searchParams.set('parent', new URL(options.pageHref).origin);
  url.searchParams.set('locale', options.locale);
  for (const [name, value] of options.attributes) {
    if (NOT_FORWARDED.has(name) || !isForwardableAttribute(name) || value.length > 200) continue;
    url.searchParams.set(name, value);
  }
  return url;
}

/** Names a frame page may turn back into attributes on its widget. */
export function isForwardableAttribute(name: string): boolean {
  return /^[a-z][a-z0-9-]{0,39}$/.test(name) && !name.startsWith('on') && !name.startsWith('aria-') && !name.startsWith('data-') && !NOT_FORWARDED.has(name) && name !== 'parent';
}
