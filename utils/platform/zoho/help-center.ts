/** Reading a Help Center user and their badges through the Desk API. */

import { userDisplayName } from '../display-names';
import { helpCenterListUnavailable } from '../errors';
import { t } from '../i18n';
import { getAllHelpCenters, getBadges, getUserBadges, getUserDetails, getUsers, MAX_PAGE_SIZE } from './desk-api';
import type { DeskClient } from './desk-client';
import { primaryEmail } from './schemas';
import type { BadgeView, HelpCenterView, UserBadgesView, UserSearchPage, UserSummary } from './views';

/** Every badge of the organization (`GET /badges`, Zoho's getBadges), by name. */
export async function listOrganizationBadges(client: DeskClient): Promise<BadgeView[]> {
  return (await getBadges(client))
    .map((b) => ({ id: b.id, name: b.name, ...(b.isCustom !== undefined ? { isCustom: b.isCustom } : {}) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The org's help centers. `GET /helpCenters` may be missing or closed: the error is thrown for the caller. */
export async function listHelpCenters(client: DeskClient): Promise<HelpCenterView[]> {
  return (await getAllHelpCenters(client)).map((hc) => ({ id: hc.id, name: hc.name }));
}

/** The help center's name, when Zoho lists help centers (a list it will not give is no error here). */
export async function helpCenterName(client: DeskClient, helpCenterId: string): Promise<string | undefined> {
  try {
    return (await listHelpCenters(client)).find((hc) => hc.id === helpCenterId)?.name;
  } catch (error) {
    if (helpCenterListUnavailable(error)) return undefined;
    throw error;
  }
}

/** Results per page in the popup: each costs one badge read for its count. */
export const SEARCH_PAGE_SIZE = 10;

/** Help Center users whose name or email matches, with their badge counts. */
export async function searchUsers(
  client: DeskClient,
  search: { query: string; helpCenterId?: string; from?: number },
): Promise<UserSearchPage> {
  const from = search.from ?? 1;
  const found = await getUsers(client, {
    searchBy: search.query,
    helpCenterId: search.helpCenterId,
    from,
    limit: SEARCH_PAGE_SIZE,
  });
  const users = await Promise.all(
    found.map(async (user): Promise<UserSummary> => {
      const email = primaryEmail(user);
      return {
        id: user.id,
        name: userDisplayName(user, email),
        ...(email ? { email } : {}),
        ...(user.contactId ? { contactId: user.contactId } : {}),
        badgeCount: (await getUserBadges(client, user.id)).length,
      };
    }),
  );
  return { users, ...(users.length === SEARCH_PAGE_SIZE ? { nextFrom: from + SEARCH_PAGE_SIZE } : {}) };
}

/** Who a Help Center user is (one call): name, email and contact. */
export async function readUser(
  client: DeskClient,
  target: { userId: string; helpCenterId?: string },
): Promise<UserBadgesView['user']> {
  const data = await getUserDetails(
    client,
    target.userId,
    target.helpCenterId ? { helpCenterId: target.helpCenterId } : {},
  );
  const email = primaryEmail(data);
  return {
    id: data.id,
    name: userDisplayName(data, email),
    ...(email ? { email } : {}),
    ...(data.contactId ? { contactId: data.contactId } : {}),
  };
}

/** What the panel shows: who the user is, their badges, and the help center's name. */
export async function userBadgesView(
  client: DeskClient,
  target: { userId: string; helpCenterId?: string },
): Promise<UserBadgesView> {
  const [user, badges, hcName] = await Promise.all([
    readUser(client, target),
    getUserBadges(client, target.userId),
    target.helpCenterId ? helpCenterName(client, target.helpCenterId) : Promise.resolve(undefined),
  ]);
  return {
    user,
    ...(target.helpCenterId
      ? {
          helpCenter: {
            id: target.helpCenterId,
            name: hcName ?? t('worker_help_center_unread', [target.helpCenterId]),
          },
        }
      : {}),
    badges,
  };
}

/** The Help Center user with exactly this email (case-insensitive), or null. */
export async function findUserByEmail(
  client: DeskClient,
  email: string,
  helpCenterId?: string,
): Promise<UserBadgesView['user'] | null> {
  const found = await getUsers(client, { searchBy: email, helpCenterId, limit: MAX_PAGE_SIZE });
  const wanted = email.toLowerCase();
  const user = found.find((u) => primaryEmail(u)?.toLowerCase() === wanted);
  if (!user) return null;
  return {
    id: user.id,
    name: user.name ?? wanted,
    email: primaryEmail(user)!,
    ...(user.contactId ? { contactId: user.contactId } : {}),
  };
}
