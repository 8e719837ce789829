/** What the service worker tells the pages about Help Center users, their badges and help centers. */
import type { Badge } from './schemas';

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
