/** Reading a Help Center user and their badges through the Desk API. */

import { userDisplayName } from '../display-names';
import { helpCenterListUnavailable } from '../errors';
import type { DeskClient } from './desk-client';
import {
  type Badge,
  helpCenterList,
  helpCenterUser,
  helpCenterUserPage,
  organizationBadges,
  primaryEmail,
  userBadges,
} from './schemas';
import type { BadgeView, HelpCenterView, UserBadgesView, UserSearchPage, UserSummary } from './views';

/** Zoho's page size for `/users`: default and maximum 50. */
export const PAGE_SIZE = 50;
/** `/users/{id}/badges` takes `limit` up to 100 (Zoho's spec). */
export const BADGE_PAGE_SIZE = 100;
/** No user holds more badges than this; past it, or on a page Zoho sends twice, reading stops. */
const MAX_BADGE_PAGES = 50;

/**
 * All of a user's badges, page by page (a bare array, a `data` envelope, or 204 when none). A Zoho that
 * ignored `from` would send the same page forever: a page with nothing new ends the reading.
 */
export async function readBadges(client: DeskClient, userId: string, signal?: AbortSignal): Promise<Badge[]> {
  const all = new Map<string, Badge>();
  for (let page = 0; page < MAX_BADGE_PAGES; page++) {
    const { data } = await client.request({
      method: 'GET',
      path: `/api/v1/users/${userId}/badges`,
      query: { from: 1 + page * BADGE_PAGE_SIZE, limit: BADGE_PAGE_SIZE },
      schema: userBadges,
      signal,
    });
    const before = all.size;
    for (const badge of data) if (!all.has(badge.id)) all.set(badge.id, badge);
    if (data.length < BADGE_PAGE_SIZE || all.size === before) break;
  }
  return [...all.values()];
}

/** Badges the organization list can hold; past it reading stops (an org has a few dozen). */
const MAX_ORGANIZATION_BADGES = 1000;

/** Every badge of the organization (`GET /badges`, Zoho's getBadges), by name. */
export async function listOrganizationBadges(client: DeskClient): Promise<BadgeView[]> {
  const all = new Map<string, Badge>();
  for (let from = 1; from <= MAX_ORGANIZATION_BADGES; from += BADGE_PAGE_SIZE) {
    const { data } = await client.request({
      method: 'GET',
      path: '/api/v1/badges',
      query: { from, limit: BADGE_PAGE_SIZE },
      schema: organizationBadges,
    });
    const before = all.size;
    for (const badge of data) if (!all.has(badge.id)) all.set(badge.id, badge);
    if (data.length < BADGE_PAGE_SIZE || all.size === before) break;
  }
  return [...all.values()]
    .map((b) => ({ id: b.id, name: b.name, ...(b.isCustom !== undefined ? { isCustom: b.isCustom } : {}) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The org's help centers. `GET /helpCenters` is unconfirmed: a 404 is thrown for the caller to handle. */
export async function listHelpCenters(client: DeskClient): Promise<HelpCenterView[]> {
  const { data } = await client.request({ method: 'GET', path: '/api/v1/helpCenters', schema: helpCenterList });
  return data.data.map((hc) => ({ id: hc.id, name: hc.name }));
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
  const { data } = await client.request({
    method: 'GET',
    path: '/api/v1/users',
    query: { searchBy: search.query, helpCenterId: search.helpCenterId, from, limit: SEARCH_PAGE_SIZE },
    schema: helpCenterUserPage,
  });
  const users = await Promise.all(
    data.data.map(async (user): Promise<UserSummary> => {
      const email = primaryEmail(user);
      return {
        id: user.id,
        name: userDisplayName(user, email),
        ...(email ? { email } : {}),
        ...(user.contactId ? { contactId: user.contactId } : {}),
        badgeCount: (await readBadges(client, user.id)).length,
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
  const { data } = await client.request({
    method: 'GET',
    path: `/api/v1/users/${target.userId}`,
    query: { helpCenterId: target.helpCenterId },
    schema: helpCenterUser,
  });
  const email = primaryEmail(data);
  return {
    id: data.id,
    name: userDisplayName(data, email),
    ...(email ? { email } : {}),
    ...(data.contactId ? { contactId: data.contactId } : {}),
  };
}

export async function getUserBadges(
  client: DeskClient,
  target: { userId: string; helpCenterId?: string },
): Promise<UserBadgesView> {
  const [user, badges, hcName] = await Promise.all([
    readUser(client, target),
    readBadges(client, target.userId),
    target.helpCenterId ? helpCenterName(client, target.helpCenterId) : Promise.resolve(undefined),
  ]);
  return {
    user,
    ...(target.helpCenterId
      ? { helpCenter: { id: target.helpCenterId, name: hcName ?? `Help Center ${target.helpCenterId}` } }
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
  const { data } = await client.request({
    method: 'GET',
    path: '/api/v1/users',
    query: { searchBy: email, helpCenterId, limit: PAGE_SIZE },
    schema: helpCenterUserPage,
  });
  const wanted = email.toLowerCase();
  const user = data.data.find((u) => primaryEmail(u)?.toLowerCase() === wanted);
  if (!user) return null;
  return {
    id: user.id,
    name: user.name ?? wanted,
    email: primaryEmail(user)!,
    ...(user.contactId ? { contactId: user.contactId } : {}),
  };
}
