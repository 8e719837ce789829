/** The panel script: loaded into the Desk page content script's world when the control first opens. */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { deskPanels } from '../components/desk-panels';
import { provideRemovalPanels } from '../components/removal-panels';

export default defineUnlistedScript(() => provideRemovalPanels(deskPanels));
