/**
 * What a widget checks about the page it is on, frame mode or not: whether its API is on another
 * origin, and which known trackers run there. Split from frame-messages.ts so that a page whose
 * widgets stay inline does not download the frame protocol.
 */

/** Whether the widget's api-base is on another origin than the page: then a frame can isolate it. */
export function isCrossOrigin(apiBase: string, pageHref: string): boolean {
  try {
    return new URL(apiBase, pageHref).origin !== new URL(pageHref).origin;
  } catch {
    return false;
  }
}

/** Known tracker and session-replay globals, by the name a console warning may show. */
export const trackerGlobals: ReadonlyArray<readonly [global: string, product: string]> = [
  ['fbq', 'Meta pixel'],
  ['gtag', 'Google tag'],
  ['dataLayer', 'Google Tag Manager'],
  ['hj', 'Hotjar'],
  ['clarity', 'Microsoft Clarity'],
  ['FS', 'FullStory'],
  ['rrweb', 'rrweb session replay'],
];

/** The trackers present, judged only by global names on `scope` (the window). */
export function trackersPresent(scope: object): string[] {
  return trackerGlobals.filter(([global]) => global in scope && (scope as Record<string, unknown>)[global] != null).map(([, product]) => product);
}
