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
