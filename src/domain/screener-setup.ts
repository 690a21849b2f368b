/**
 * Which instruments, thresholds, crisis lines and quick-exit address the intake screener uses: the
 * page's attributes, the center's saved screener settings (`GET screener-settings`), or the built-in
 * defaults. Pure: the element hands in what it has and renders what comes out.
 */
import { defaultInstrumentSet, instruments, parseInstrumentSet, type InstrumentId } from './instruments.js';
import { defaultResultThresholds, parseResultThresholds, type ResultThresholds } from './screening-result.js';

/** A crisis line the center adds after 988 and 911 (the shape of the contract's `CrisisLine`). */
export interface CenterCrisisLine {
  name: string;
  phone?: string;
  text?: string;
  url?: string;
  translations?: { es?: { name?: string } };
}

/** The center's screener settings as `GET screener-settings` answers them. */
export interface CenterScreener {
  instruments: readonly InstrumentId[];
  thresholds: ResultThresholds;
  crisisLines: readonly CenterCrisisLine[];
  quickExitUrl: string;
}

export interface ScreenerAttributes {
  /** The `instruments` attribute; absent or naming no known instrument: not given. */
  instruments?: string | null;
  /** The `thresholds` attribute (JSON). */
  thresholds?: string | null;
  /** The `quick-exit-url` attribute; only an https address counts. */
  quickExitUrl?: string | null;
}

export interface ScreenerSetup {
  instruments: InstrumentId[];
  thresholds: ResultThresholds;
  crisisLines: readonly CenterCrisisLine[];
  /** An https address, or undefined: no "Leave this page". */
  quickExitUrl?: string;
}

/** An https address as a normalised string, else undefined. */
export function httpsAddress(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The attribute's instruments when it names at least one known instrument, else undefined. */
function attributeInstruments(value: string | null | undefined): InstrumentId[] | undefined {
  const named = (value ?? '').split(/[\s,]+/).some((id) => Object.hasOwn(instruments, id.trim().toLowerCase()));
  return named ? parseInstrumentSet(value) : undefined;
}

/**
 * Chooses what the screener uses.
 * - Instruments: a screening already under way keeps the set it started with (`started`, from the
 *   draft), so no answer disappears when the settings arrive later; otherwise the attribute when it
 *   names instruments (the page wins), else the center's list, else the default set.
 * - Quick exit: the attribute's https address, else the center's.
 * - Thresholds: the center's whenever they are known, because the server recomputes every screening
 *   with the center's saved thresholds and the person should see what it records; the attribute only
 *   while the center's cannot be read (the server then applies the ones sent, unless the center saved its own).
 * - Crisis lines: the center's (988 and 911 are always shown before them, by the element).
 */
export function screenerSetup(options: {
  attributes: ScreenerAttributes;
  center?: CenterScreener;
  started?: readonly InstrumentId[];
}): ScreenerSetup {
  const { attributes, center, started } = options;
  const startedSet = started?.length ? parseInstrumentSet(started.join(',')) : undefined;
  const instruments = startedSet ?? attributeInstruments(attributes.instruments) ?? (center?.instruments.length ? parseInstrumentSet(center.instruments.join(',')) : [...defaultInstrumentSet]);
  const thresholds = center ? { ...defaultResultThresholds, ...center.thresholds } : parseResultThresholds(attributes.thresholds);
  const quickExitUrl = httpsAddress(attributes.quickExitUrl) ?? httpsAddress(center?.quickExitUrl);
  return { instruments, thresholds, crisisLines: center?.crisisLines ?? [], quickExitUrl };
}

/** One way to reach a crisis line: a phone call, a text message, or its website. */
export interface CrisisLineLink {
  kind: 'call' | 'text' | 'web';
  href: string;
  /** What the person reads: the number as the center wrote it, or the address's host. */
  shown: string;
}

export interface CrisisLineView {
  name: string;
  links: CrisisLineLink[];
}

/** Digits and a leading plus: what `tel:` and `sms:` take. */
const dialable = (number: string) => number.replace(/(?!^\+)[^0-9]/g, '');

/** A center's crisis line in the person's language, with its `tel:`, `sms:` and https links. */
export function crisisLineView(line: CenterCrisisLine, locale: 'en' | 'es'): CrisisLineView {
  const name = (locale === 'es' && line.translations?.es?.name?.trim()) || line.name;
  const links: CrisisLineLink[] = [];
  if (line.phone && dialable(line.phone).replace('+', '')) links.push({ kind: 'call', href: `tel:${dialable(line.phone)}`, shown: line.phone });
  if (line.text && dialable(line.text).replace('+', '')) links.push({ kind: 'text', href: `sms:${dialable(line.text)}`, shown: line.text });
  const url = httpsAddress(line.url);
  if (url) links.push({ kind: 'web', href: url, shown: new URL(url).host });
  return { name, links };
}
