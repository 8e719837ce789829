/**
 * The kinds of Desk page the extension serves, as plain data: what the admin reads for each, the URL placeholders
 * that name its target (a pattern with one of them leads to that kind of page), and its built-in URL shapes. The
 * URL pattern language, the options page and the popup read this; what each kind does is in its folder of utils/page-kinds/.
 */
import { t } from '../platform/i18n';

export const PAGE_KIND_CATALOG = {
  'helpcenter-user': {
    get label() {
      return t('worker_kind_helpcenter_user');
    },
    targets: ['userId', 'portalUserId'],
    // Their real URL is unconfirmed (docs/zoho.md §1.3): the likely shapes, and admins add their own (Advanced).
    builtIns: [
      // Agent app, Setup as a hash route (Setup → Channels → Help Center → Users → a user).
      '/agent/{portal}/{department}/setup#setup/channels/helpcenter/{helpCenterId}/users/{userId}',
      // Agent app with the same route in the path.
      '/agent/{portal}/{department}/setup/channels/helpcenter/{helpCenterId}/users/{userId}',
      // Classic UI.
      '/support/{portal}/ShowHomePage.do#Setup/helpcenter/{helpCenterId}/users/{userId}',
      // A user page that names only the portal user (the id in photo URLs), not the API user.
      '/agent/{portal}/{department}/setup#setup/channels/helpcenter/{helpCenterId}/users/portaluser/{portalUserId}',
    ],
  },
  contact: {
    get label() {
      return t('worker_kind_contact');
    },
    targets: ['contactId'],
    // Customers → Contacts → a contact; the shape is likely, unconfirmed.
    builtIns: [
      '/agent/{portal}/{department}/contacts/details/{contactId}',
      // The classic agent app, as Zoho's own contact `webUrl` links to it (docs/zoho.md §1.3).
      '/support/{portal}/ShowHomePage.do#Contacts/dv/{contactId}',
    ],
  },
} as const satisfies Record<string, { label: string; targets: readonly string[]; builtIns: readonly string[] }>;

export type PageKindName = keyof typeof PAGE_KIND_CATALOG;

/** Every placeholder that names a page's target, kind by kind. */
export type TargetPlaceholder = (typeof PAGE_KIND_CATALOG)[PageKindName]['targets'][number];

export const pageKindNames = Object.keys(PAGE_KIND_CATALOG) as PageKindName[];
