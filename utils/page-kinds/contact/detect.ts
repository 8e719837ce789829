/** Contact pages of the Desk agent app (Customers → Contacts → a contact), by their URL (utils/page/kind-catalog.ts). */

import { PAGE_KIND_CATALOG } from '../../page/kind-catalog';
import { type CompiledPattern, compileBuiltIn, compileCustom } from '../../page/url-pattern';
import { deskTarget } from '../helpcenter-user/detect';

export interface ContactPage {
  kind: 'contact';
  portal?: string;
  contactId: string;
  pattern: string;
}

const builtIns: CompiledPattern[] = PAGE_KIND_CATALOG.contact.builtIns.map(compileBuiltIn);

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

export const contactPageKey = (page: ContactPage): string => `contact:${page.contactId}`;
