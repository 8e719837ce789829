/**
 * Every Zoho Desk API call the extension makes: one function per endpoint, each naming its operation in Zoho's
 * OpenAPI files (../shared/reference/zoho-desk-oas, the newest win), in the order of docs/zoho.md §5. No Desk path
 * is written anywhere else. What each call may send (page sizes, enums) is the spec's; a unit test checks every
 * request these functions make against it.
 */
import type * as z from 'zod/mini';
import type { DeskClient, DeskRequest, HttpMethod, QueryValue } from './desk-client';
import {
  type Badge,
  type BulkItemResult,
  bulkResults,
  contact,
  contactHelpCenters,
  helpCenter,
  helpCenterList,
  helpCenterUser,
  helpCenterUserPage,
  nothingOrBulkResults,
  organizationBadges,
  organizationList,
  userBadges,
} from './schemas';

export interface DeskOperation {
  /** The spec's operationId; null for the one route in none of Zoho's files. */
  operationId: string | null;
  method: HttpMethod;
  /** The path template, parameters in braces as the spec writes them. */
  path: string;
  /** What Zoho charges, estimated (docs/zoho.md §4): the live `X-Rate-Limit-Request-Weight-v3` is the truth. */
  credits: number;
}

/**
 * Credit weights, second-hand (integrators quoting Zoho's API guide): reading one record costs 1, a list 3. No
 * source gives a change's weight; 2 is our guess. Estimates only.
 */
export const CREDIT_WEIGHTS = { get: 1, list: 3, change: 2 } as const;

const operation = (
  operationId: string | null,
  method: HttpMethod,
  path: string,
  weight: keyof typeof CREDIT_WEIGHTS,
): DeskOperation => ({ operationId, method, path, credits: CREDIT_WEIGHTS[weight] });

/** The endpoints, in docs/zoho.md §5's order. */
export const DESK_OPERATIONS = {
  getOrganizations: operation('getOrganizations', 'GET', '/api/v1/organizations', 'list'),
  getAllHelpCenters: operation('getAllHelpCenters', 'GET', '/api/v1/helpCenters', 'list'),
  getHelpCenter: operation('getHelpCenter', 'GET', '/api/v1/helpCenters/{helpcenterId}', 'get'),
  getUsers: operation('getUsers', 'GET', '/api/v1/users', 'list'),
  getUserDetails: operation('getUserDetails', 'GET', '/api/v1/users/{userId}', 'get'),
  getUserBadges: operation('getUserBadges', 'GET', '/api/v1/users/{userId}/badges', 'list'),
  dissociateBadgesFromUsers: operation(
    'dissociateBadgesFromUsers',
    'POST',
    '/api/v1/users/{userId}/badges/dissociate',
    'change',
  ),
  associateBadgesToUsers: operation(
    'associateBadgesToUsers',
    'POST',
    '/api/v1/users/{userId}/badges/associate',
    'change',
  ),
  getBadges: operation('getBadges', 'GET', '/api/v1/badges', 'list'),
  getContact: operation('getContact', 'GET', '/api/v1/contacts/{contactId}', 'get'),
  getContactActivationStatusAcrossHelpCenters: operation(
    'getContactActivationStatusAcrossHelpCenters',
    'GET',
    '/api/v1/contacts/{contactId}/helpCenters',
    'list',
  ),
  /** Integrators describe it; none of Zoho's files has it (docs/zoho.md §5.10). */
  deleteHelpCenterUserBadges: operation(
    null,
    'DELETE',
    '/api/v1/helpcenter/{helpCenterId}/users/{userId}/badges',
    'change',
  ),
} as const;

export type DeskOperationName = keyof typeof DESK_OPERATIONS;

/** "GET /api/v1/users/{userId}/badges": how the options page and Check setup name a call. */
export const describeOperation = (name: DeskOperationName) =>
  `${DESK_OPERATIONS[name].method} ${DESK_OPERATIONS[name].path}`;

/** The largest `limit` each list takes (the newest spec: 1–50 everywhere we page). */
export const MAX_PAGE_SIZE = 50;

/** The request for an operation, its path parameters filled in (each an ID, so nothing needs escaping). */
function call<S extends z.ZodMiniType>(
  name: DeskOperationName,
  params: Record<string, string>,
  rest: { query?: Record<string, QueryValue>; body?: unknown; schema: S; orgId?: null; signal?: AbortSignal },
): DeskRequest<S> {
  const op = DESK_OPERATIONS[name];
  const path = op.path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`${name}: no ${key}`);
    return encodeURIComponent(value);
  });
  return { method: op.method, path, operationId: op.operationId, ...rest };
}

export interface PageRange {
  from: number;
  limit: number;
}

/**
 * Every item of a paged list, page by page from `from=1`. The client may send a smaller `limit` than asked (one
 * Zoho refused, learned per organization) and says which; a page shorter than that is the last. A Zoho that ignored
 * `from` would send the same page forever: a page with nothing new ends the reading, as does `maxItems`.
 */
async function readAllPages<S extends z.ZodMiniType, T extends { id: string }>(
  client: DeskClient,
  page: (range: PageRange) => DeskRequest<S>,
  items: (data: z.infer<S>) => T[],
  maxItems: number,
): Promise<T[]> {
  const all = new Map<string, T>();
  for (let from = 1; from <= maxItems; ) {
    const { data, limit = MAX_PAGE_SIZE } = await client.request(page({ from, limit: MAX_PAGE_SIZE }));
    const got = items(data);
    const before = all.size;
    for (const item of got) if (!all.has(item.id)) all.set(item.id, item);
    if (got.length < limit || all.size === before) break;
    from += limit;
  }
  return [...all.values()];
}

const asList = <T>(data: T[]) => data;

/** Each operation's request, built but not sent: for the functions below, and for Check setup's probes. */
export const deskRequests = {
  getOrganizations: () => call('getOrganizations', {}, { schema: organizationList, orgId: null }),
  getAllHelpCenters: (range: PageRange) =>
    call('getAllHelpCenters', {}, { query: { ...range }, schema: helpCenterList }),
  getHelpCenter: (helpCenterId: string) =>
    call('getHelpCenter', { helpcenterId: helpCenterId }, { schema: helpCenter }),
  getUsers: (query: UserQuery) => call('getUsers', {}, { query: { ...query }, schema: helpCenterUserPage }),
  getUserDetails: (userId: string, query: { helpCenterId?: string } = {}) =>
    call('getUserDetails', { userId }, { query: { ...query }, schema: helpCenterUser }),
  getUserBadges: (userId: string, range: PageRange, signal?: AbortSignal) =>
    call('getUserBadges', { userId }, { query: { ...range }, schema: userBadges, ...(signal ? { signal } : {}) }),
  dissociateBadgesFromUsers: (userId: string, badgeIds: readonly string[]) =>
    call('dissociateBadgesFromUsers', { userId }, { body: badgeIdsBody(badgeIds), schema: bulkResults }),
  associateBadgesToUsers: (userId: string, badgeIds: readonly string[]) =>
    call('associateBadgesToUsers', { userId }, { body: badgeIdsBody(badgeIds), schema: bulkResults }),
  getBadges: (range: PageRange) => call('getBadges', {}, { query: { ...range }, schema: organizationBadges }),
  getContact: (contactId: string) => call('getContact', { contactId }, { schema: contact }),
  getContactActivationStatusAcrossHelpCenters: (contactId: string) =>
    call('getContactActivationStatusAcrossHelpCenters', { contactId }, { schema: contactHelpCenters }),
  deleteHelpCenterUserBadges: (helpCenterId: string, userId: string, badgeIds: readonly string[]) =>
    call(
      'deleteHelpCenterUserBadges',
      { helpCenterId, userId },
      { query: { badgeIds: badgeIdsBody(badgeIds).badgeIds }, schema: nothingOrBulkResults },
    ),
} satisfies Record<DeskOperationName, (...args: never[]) => DeskRequest<z.ZodMiniType>>;

export interface UserQuery {
  searchBy?: string;
  helpCenterId?: string;
  from?: number;
  limit?: number;
}

/** Always the explicit list: an empty one must never reach Zoho, where it could mean "all". */
function badgeIdsBody(badgeIds: readonly string[]) {
  if (badgeIds.length === 0) throw new Error('No badge to send.');
  return { badgeIds: [...badgeIds] };
}

// ---- Organizations ----

export async function getOrganizations(client: DeskClient) {
  return (await client.request(deskRequests.getOrganizations())).data.data;
}

// ---- Help centers ----

/** Help centers an organization can have; past it reading stops. */
const MAX_HELP_CENTERS = 500;

export const getAllHelpCenters = (client: DeskClient) =>
  readAllPages(client, deskRequests.getAllHelpCenters, (data) => data.data, MAX_HELP_CENTERS);

export async function getHelpCenter(client: DeskClient, helpCenterId: string) {
  return (await client.request(deskRequests.getHelpCenter(helpCenterId))).data;
}

// ---- Help Center users ----

/** One page of Help Center users (204 when none is an empty page). */
export async function getUsers(client: DeskClient, query: UserQuery) {
  return (await client.request(deskRequests.getUsers(query))).data.data;
}

export async function getUserDetails(client: DeskClient, userId: string, query: { helpCenterId?: string } = {}) {
  return (await client.request(deskRequests.getUserDetails(userId, query))).data;
}

/** No user holds more badges than this; past it reading stops. */
const MAX_USER_BADGES = 2500;

/** All of a user's badges, page by page (a bare array, a `data` envelope, or 204 when none). */
export const getUserBadges = (client: DeskClient, userId: string, signal?: AbortSignal): Promise<Badge[]> =>
  readAllPages(client, (range) => deskRequests.getUserBadges(userId, range, signal), asList, MAX_USER_BADGES);

/** Zoho's per-badge answers (MassActionResponse): HTTP 200 even when some fail. */
export async function dissociateBadgesFromUsers(
  client: DeskClient,
  userId: string,
  badgeIds: readonly string[],
): Promise<BulkItemResult[]> {
  return (await client.request(deskRequests.dissociateBadgesFromUsers(userId, badgeIds))).data.results;
}

export async function associateBadgesToUsers(
  client: DeskClient,
  userId: string,
  badgeIds: readonly string[],
): Promise<BulkItemResult[]> {
  return (await client.request(deskRequests.associateBadgesToUsers(userId, badgeIds))).data.results;
}

// ---- The organization's badges ----

/** Badges the organization list can hold; past it reading stops (an org has a few dozen). */
const MAX_ORGANIZATION_BADGES = 1000;

export const getBadges = (client: DeskClient): Promise<Badge[]> =>
  readAllPages(client, deskRequests.getBadges, asList, MAX_ORGANIZATION_BADGES);

// ---- Contacts ----

export async function getContact(client: DeskClient, contactId: string) {
  return (await client.request(deskRequests.getContact(contactId))).data;
}

/** For each help center, the contact's Help Center user there and its status (an empty list when none). */
export async function getContactActivationStatusAcrossHelpCenters(client: DeskClient, contactId: string) {
  return (await client.request(deskRequests.getContactActivationStatusAcrossHelpCenters(contactId))).data;
}

// ---- The Help Center DELETE route ----

/** Per-badge answers, or null when Zoho answers with nothing (204). */
export async function deleteHelpCenterUserBadges(
  client: DeskClient,
  helpCenterId: string,
  userId: string,
  badgeIds: readonly string[],
): Promise<BulkItemResult[] | null> {
  const { data } = await client.request(deskRequests.deleteHelpCenterUserBadges(helpCenterId, userId, badgeIds));
  return data?.results ?? null;
}
