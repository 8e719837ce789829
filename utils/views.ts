/** What the service worker tells the pages about Help Center users, help centers and contacts. */
import type { Badge } from './zoho/schemas';

export interface UserBadgesView {
  user: { id: string; name: string; email?: string; contactId?: string };
  helpCenter?: { id: string; name: string };
  badges: Badge[];
}

/** A badge of the organization, as the bulk page offers it. */
export interface BadgeView {
  id: string;
  name: string;
  isCustom?: boolean;
}

export interface HelpCenterView {
  id: string;
  name: string;
}

/** One search result: who, and how many badges they hold. */
export interface UserSummary {
  id: string;
  name: string;
  email?: string;
  contactId?: string;
  badgeCount: number;
}

export interface UserSearchPage {
  users: UserSummary[];
  /** `from` of the next page, when there may be one. */
  nextFrom?: number;
}

/** A Desk contact and the Help Center user it is in each help center (none: not an end user). */
export interface ContactUsersView {
  contact: { id: string; name: string; email?: string };
  memberships: { helpCenter?: HelpCenterView; user: { id: string; name: string; email: string } }[];
}

/** What Zoho said about each numeric ID in a Desk page's URL, and the pattern proposed for pages like it. */
export interface RecognizedPageView {
  /** The URL's path and #hash, as patterns are matched against it. */
  target: string;
  ids: {
    id: string;
    user?: { name: string; email?: string };
    helpCenter?: { name: string };
    contact?: { name: string; email?: string };
  }[];
  /** Absent when no ID is a Help Center user or a contact. */
  pattern?: string;
  kind?: 'helpcenter-user' | 'contact';
}
