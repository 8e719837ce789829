/** Contact pages: the same control, for the Help Center user(s) the contact is (the panel maps it, utils/contact/). */
import type { PageKind } from '../kind';
import { type ContactPage, contactPageKey, detectContactPage } from './detect';

export const contactPageKind: PageKind<ContactPage> = {
  kind: 'contact',
  detect: detectContactPage,
  key: contactPageKey,
  identify: async (page) => ({ context: { kind: 'contact', contactId: page.contactId } }),
};

export type { ContactPage };
