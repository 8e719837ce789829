/** The removal panel's page: web-accessible to Desk pages (framed there), and a sender class of its own. */
export const PANEL_PAGE = '/removal-panel.html';
