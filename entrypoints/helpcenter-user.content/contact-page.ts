/** The integration for contact pages: the same control, for the Help Center user(s) the contact is. */
import type { ContactPage } from '../../utils/page';
import type { PageConfig } from '../../utils/page/page-config';
import { mountControl } from './control';

export function mountContactPage(page: ContactPage, config: PageConfig, signal: AbortSignal) {
  return mountControl({ kind: 'contact', contactId: page.contactId }, config, signal);
}
