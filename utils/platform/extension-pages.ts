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
