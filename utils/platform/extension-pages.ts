/** The removal panel's page: web-accessible to Desk pages (framed there), and a sender class of its own. */
export const PANEL_PAGE = '/removal-panel.html';

/** The Desk page content script as built (entrypoints/desk-page/), in the manifest and in scripts registered later. */
export const DESK_PAGE_SCRIPT = 'desk-page.js';

/**
 * The panel opener as built (entrypoints/desk-panel-opener/): web-accessible to Desk pages, where the content script
 * imports it; registered beside DESK_PAGE_SCRIPT (and before it) on an organization's own Desk address, which no
 * web-accessible resource can name.
 */
export const PANEL_OPENER_SCRIPT = 'desk-panel-opener.js';

/** What gives an extension file's address: `browser.runtime` (passed in: wxt.config.ts reads this file too). */
interface ExtensionFiles {
  getURL(path: string): string;
}

/** The extension's own origin, as a message's `origin` and a sender's `url` show it. */
export const extensionOrigin = (runtime: ExtensionFiles): string => runtime.getURL('/').replace(/\/$/, '');

/** The panel page for one panel, its id in the hash, where the page reads it (`panelIdOf`). */
export const panelPageUrl = (runtime: ExtensionFiles, panelId: string): string =>
  `${runtime.getURL(PANEL_PAGE)}#${panelId}`;

/** The panel id of a panel page's address (`panelPageUrl`). */
export const panelIdOf = (url: string): string => new URL(url).hash.slice(1);

export const OPTIONS_PAGE = '/options.html';

/** What a link to the options page asks it to do, in its address's hash. */
export interface OptionsLink {
  /** A notice's Reconnect: connect at once with the saved settings. */
  reconnect?: boolean;
  /** A Self Client's Reconnect: it has no sign-in window, so the page waits for a new code. */
  pasteCode?: boolean;
  /** The popup's "Recognize this page": a page pattern line to add. */
  addPattern?: string;
  /** The popup's offer for the organization's own domain: a Desk address to add. */
  addAddress?: string;
}

const OPTIONS_LINK_KEYS = {
  reconnect: 'reconnect',
  pasteCode: 'paste-code',
  addPattern: 'add-pattern',
  addAddress: 'add-address',
} as const satisfies Record<keyof OptionsLink, string>;

/** The options page's address for a link (`optionsLinkOf` reads it back); with none, the page as it opens. */
export function optionsPageUrl(runtime: ExtensionFiles, link: OptionsLink = {}): string {
  const hash = new URLSearchParams();
  for (const [name, key] of Object.entries(OPTIONS_LINK_KEYS)) {
    const value = link[name as keyof OptionsLink];
    if (typeof value === 'string') hash.set(key, value);
    else if (value) hash.set(key, '');
  }
  const fragment = hash.toString();
  return runtime.getURL(OPTIONS_PAGE) + (fragment ? `#${fragment}` : '');
}

/** What an options page's address (`optionsPageUrl`) asks of it. */
export function optionsLinkOf(url: string): OptionsLink {
  const hash = new URLSearchParams(new URL(url).hash.slice(1));
  const text = (key: string) => hash.get(key) ?? undefined;
  return {
    reconnect: hash.has(OPTIONS_LINK_KEYS.reconnect),
    pasteCode: hash.has(OPTIONS_LINK_KEYS.pasteCode),
    addPattern: text(OPTIONS_LINK_KEYS.addPattern),
    addAddress: text(OPTIONS_LINK_KEYS.addAddress),
  };
}
