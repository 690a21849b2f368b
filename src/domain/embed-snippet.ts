/**
 * What a center's web admin pastes into a site: the script tag, the markup with the chosen
 * attributes, the theme as a stylesheet rule, and the Content-Security-Policy sources the page
 * needs. Pure: the console's embed builder shows it, and the tests check it without a browser.
 */

export const EMBEDDABLE_WIDGETS = ['iop-schedule-picker', 'iop-intake-screener', 'iop-insurance-verification', 'iop-alumni-browser'] as const;
export type EmbeddableWidget = (typeof EMBEDDABLE_WIDGETS)[number];

/** `default`: the widget's own choice (frame for the screener and insurance form when the API is on another origin). */
export type EmbedIsolation = 'default' | 'inline' | 'frame';

/** The widgets that default to frame mode when the API is on another origin than the page. */
const FRAMED_BY_DEFAULT: readonly EmbeddableWidget[] = ['iop-intake-screener', 'iop-insurance-verification'];

/** Attributes each widget takes besides the shared ones (`api-base`, `locale`, `storage`, `isolation`). */
export const WIDGET_ATTRIBUTES: Record<EmbeddableWidget, readonly string[]> = {
  'iop-schedule-picker': ['audience', 'track'],
  'iop-intake-screener': ['instruments', 'quick-exit-url'],
  'iop-insurance-verification': ['track-id'],
  'iop-alumni-browser': ['view', 'range-days', 'sync-url', 'calendar-title'],
};

/** Boolean attributes: present or absent, no value. */
const BOOLEAN_ATTRIBUTES: readonly string[] = ['sync-url'];

/** The colour custom properties the builder offers (the widgets document more; see theme.ts). */
export const THEME_COLOURS = ['--iop-color-accent', '--iop-color-accent-contrast', '--iop-color-text', '--iop-color-surface', '--iop-color-border', '--iop-color-focus'] as const;
export type ThemeColour = (typeof THEME_COLOURS)[number];

export interface EmbedChoice {
  widget: EmbeddableWidget;
  /** Absolute URL of the API, ending in `/`, e.g. `https://api.center.org/api/iop/`. */
  apiBase: string;
  /** Absolute URL of the all-in-one bundle, e.g. `https://api.center.org/dist/cdn/iop-widgets.js`. */
  scriptUrl: string;
  isolation: EmbedIsolation;
  /** `''`: follow the page's language. */
  locale: '' | 'en' | 'es';
  /** Values of the widget's own attributes (WIDGET_ATTRIBUTES); empty values are left out. */
  attributes: Record<string, string>;
  /** Theme colours as `#rrggbb`; empty or invalid values are left out. */
  theme: Partial<Record<ThemeColour, string>>;
}

export interface EmbedSnippet {
  scriptTag: string;
  markup: string;
  /** A stylesheet rule for the theme, for the site's own stylesheet; empty without theme colours. */
  css: string;
  /** One line per directive the host page's Content-Security-Policy needs, e.g. `connect-src https://api.center.org`. */
  cspLines: string[];
  /** The mode the widget will run in on a page of another origin than the API. */
  effectiveIsolation: 'inline' | 'frame';
}

export const isThemeColour = (value: string): boolean => /^#[0-9a-fA-F]{6}$/.test(value);

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/** The snippet for a choice. Unknown attributes and invalid colours are dropped rather than pasted. */
export function embedSnippet(choice: EmbedChoice): EmbedSnippet {
  const apiOrigin = originOf(choice.apiBase) ?? '';
  const scriptOrigin = originOf(choice.scriptUrl) ?? '';
  const attributes: string[] = [`api-base="${escapeAttribute(choice.apiBase)}"`];
  if (choice.locale) attributes.push(`locale="${choice.locale}"`);
  if (choice.isolation !== 'default') attributes.push(`isolation="${choice.isolation}"`);
  for (const name of WIDGET_ATTRIBUTES[choice.widget]) {
    const value = (choice.attributes[name] ?? '').trim();
    if (!value) continue;
    if (BOOLEAN_ATTRIBUTES.includes(name)) {
      if (value !== 'false') attributes.push(name);
    } else attributes.push(`${name}="${escapeAttribute(value)}"`);
  }
  const colours = THEME_COLOURS.flatMap((name) => {
    const value = choice.theme[name]?.trim() ?? '';
    return isThemeColour(value) ? [`  ${name}: ${value.toLowerCase()};`] : [];
  });
  const effectiveIsolation = choice.isolation === 'default' ? (FRAMED_BY_DEFAULT.includes(choice.widget) ? 'frame' : 'inline') : choice.isolation;
  const cspLines = [`script-src ${scriptOrigin}`, `connect-src ${apiOrigin}`];
  if (effectiveIsolation === 'frame') cspLines.push(`frame-src ${apiOrigin}`);
  return {
    scriptTag: `<script type="module" src="${escapeAttribute(choice.scriptUrl)}"></script>`,
    markup: `<${choice.widget} ${attributes.join(' ')}></${choice.widget}>`,
    css: colours.length ? `${choice.widget} {\n${colours.join('\n')}\n}` : '',
    cspLines,
    effectiveIsolation,
  };
}

/** Why an address typed as "your website" is not an origin the API can allow. */
export type SiteOriginProblem = 'empty' | 'not-a-web-address' | 'has-path';

/**
 * The origin of the website an admin types (`www.center.org`, `https://www.center.org/`): scheme,
 * host and port exactly as the browser sends them in `Origin`. A bare host means https. An address
 * with a path is refused rather than trimmed, with the origin it has, so the admin sees what to type.
 */
export function siteOrigin(input: string): { origin: string } | { problem: SiteOriginProblem; origin?: string } {
  const text = input.trim();
  if (!text) return { problem: 'empty' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { problem: 'not-a-web-address' };
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname || url.username || url.password) return { problem: 'not-a-web-address' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return { problem: 'has-path', origin: url.origin };
  return { origin: url.origin };
}

/**
 * The origins in a "one website per line" text, each as the browser sends it when it is one
 * (`www.center.org` -> `https://www.center.org`); a line that is not is kept as typed, so the
 * server names it in its answer. Blank lines are dropped.
 */
export function originLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const checked = siteOrigin(line);
      return 'problem' in checked ? line : checked.origin;
    });
}
