/** The integration for contact pages: the same control, for the Help Center user(s) the contact is. */
import type { ContactPanelApi } from '../../components/panel-api';
import type { ContactPage } from '../../utils/page';
import { mountControl } from './control';

export function mountContactPage(page: ContactPage, api: ContactPanelApi, signal: AbortSignal) {
  return mountControl((panels, host) => panels.contact(host, api, page.contactId), signal);
}
