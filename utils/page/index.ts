import { type ContactPage, detectContactPage } from './contact';
import { detectHelpCenterUserPage, type HelpCenterUserPage } from './helpcenter-user';

export type DeskPage = HelpCenterUserPage | ContactPage;

/** `deskAddresses`: the organization's own Desk addresses the admin added (utils/page/desk-addresses.ts). */
export function detectPage(
  url: string,
  customPatterns: readonly string[] = [],
  deskAddresses: readonly string[] = [],
): DeskPage | null {
  return (
    detectHelpCenterUserPage(url, customPatterns, deskAddresses) ??
    detectContactPage(url, customPatterns, deskAddresses)
  );
}

/** The same key means the same target: navigation between such URLs keeps the control as it is. */
export function pageKey(page: DeskPage): string {
  return page.kind === 'contact'
    ? `contact:${page.contactId}`
    : `user:${page.helpCenterId ?? ''}:${page.userId ?? `portal-${page.portalUserId}`}`;
}

export type { ContactPage, HelpCenterUserPage };
