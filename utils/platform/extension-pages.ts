/** The removal panel's page: web-accessible to Desk pages (framed there), and a sender class of its own. */
export const PANEL_PAGE = '/removal-panel.html';

/** The Desk page content script as built (entrypoints/desk-page/), in the manifest and in scripts registered later. */
export const DESK_PAGE_SCRIPT = 'desk-page.js';
