/**
 * The panel opener's own script (utils/platform/extension-pages.ts, PANEL_OPENER_SCRIPT): loaded by the Desk page
 * content script once it has put the button in (most Desk pages have none), so the content script carries the button alone.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { offerPanelOpener } from '../../utils/page/panel-opener';
import { attachPanelOpener } from './panel-opener';

export default defineUnlistedScript(() => {
  offerPanelOpener(attachPanelOpener);
});
