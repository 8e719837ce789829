/** Contact pages of the Desk agent app (Customers → Contacts → a contact), by their URL (utils/page/kind-catalog.ts). */

import { matchPageKind } from '../../page/kind-match';

export interface ContactPage {
  kind: 'contact';
  portal?: string;
  contactId: string;
  pattern: string;
}

export function detectContactPage(
  url: string,
  customPatterns: readonly string[] = [],
  deskAddresses: readonly string[] = [],
): ContactPage | null {
  const found = matchPageKind('contact', url, customPatterns, deskAddresses);
  const contactId = found?.captures.contactId;
  if (!found || !contactId) return null;
  const { portal } = found.captures;
  return { kind: 'contact', contactId, pattern: found.pattern, ...(portal ? { portal } : {}) };
}

export const contactPageKey = (page: ContactPage): string => `contact:${page.contactId}`;
