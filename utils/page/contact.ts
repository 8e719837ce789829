/** Contact pages of the Desk agent app (Customers → Contacts → a contact); the shape is likely, unconfirmed. */

import { deskTarget } from './helpcenter-user';
import { type CompiledPattern, compileBuiltIn, compileCustom } from './url-pattern';

export interface ContactPage {
  kind: 'contact';
  portal?: string;
  contactId: string;
  pattern: string;
}

export const BUILT_IN_CONTACT_PATTERNS = [
  '/agent/{portal}/{department}/contacts/details/{contactId}',
  // The classic agent app, as Zoho's own contact `webUrl` links to it (docs/zoho.md §1.3).
  '/support/{portal}/ShowHomePage.do#Contacts/dv/{contactId}',
] as const;

const builtIns: CompiledPattern[] = BUILT_IN_CONTACT_PATTERNS.map(compileBuiltIn);

export function detectContactPage(
  url: string,
  customPatterns: readonly string[] = [],
  deskAddresses: readonly string[] = [],
): ContactPage | null {
  const target = deskTarget(url, deskAddresses);
  if (target === null) return null;
  for (const pattern of [...builtIns, ...compileCustom(customPatterns).filter((p) => p.kind === 'contact')]) {
    const c = pattern.match(target);
    if (c?.contactId) {
      return {
        kind: 'contact',
        contactId: c.contactId,
        pattern: pattern.source,
        ...(c.portal ? { portal: c.portal } : {}),
      };
    }
  }
  return null;
}
