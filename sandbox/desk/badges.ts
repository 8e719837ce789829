/**
 * Badges (Badge.json): a user's badges, the organization's badges, and associate/dissociate, whose per-badge
 * results the Help Center DELETE route shares.
 */
import { type Badge, iconUrl, type User } from '../data';
import { empty, isJsonContentType, json, type Reply, zohoError } from '../http';
import type { SandboxState } from '../state';
import {
  bool,
  type DeskCall,
  type Endpoint,
  examples,
  findUser,
  type ItemResult,
  itemError,
  NOT_FOUND,
  page,
  range,
  unprocessable,
} from './call';

const READ_USER_BADGES = ['Desk.contacts.READ', 'Desk.settings.READ'];
const WRITE_USER_BADGES = ['Desk.contacts.UPDATE', 'Desk.settings.UPDATE'];

/** Badge.json badgesDetail; getBadges' example adds `levelName`, which the schema does not list. */
function badgeWire(state: SandboxState, badge: Badge, withLevel = false) {
  return {
    name: badge.name,
    isCustom: bool(state, badge.isCustom),
    description: badge.description,
    id: badge.id,
    iconUrl: iconUrl(badge),
    ...(withLevel && examples(state) ? { levelName: badge.levelName } : {}),
  };
}

/** `{"badgeIds":[...]}` from a JSON body, or the error reply. */
function badgeIdsFromBody(call: DeskCall): string[] | Reply {
  if (call.ctx.body.length > 0 && !isJsonContentType(call.ctx))
    return zohoError(415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be sent as application/json.');
  let parsed: unknown;
  try {
    parsed = call.ctx.body.length > 0 ? JSON.parse(call.ctx.body.toString('utf8')) : undefined;
  } catch {
    return unprocessable('badgeIds', 'The request body is not valid JSON.');
  }
  const ids = (parsed as { badgeIds?: unknown } | undefined)?.badgeIds;
  if (!Array.isArray(ids) || ids.length === 0)
    return zohoError(422, 'UNPROCESSABLE_ENTITY', 'badgeIds is required and must be a non-empty list.', {
      errors: [{ fieldName: '/badgeIds', errorType: 'missing', errorMessage: 'badgeIds is required' }],
    });
  if (!ids.every((id) => (typeof id === 'string' && id !== '') || Number.isInteger(id)))
    return unprocessable('badgeIds', 'badgeIds must be a list of badge ids.');
  return ids.map(String);
}

/** One result per requested id, HTTP 200 even when items fail (docs/zoho.md §5.6). */
export function changeBadges(call: DeskCall, user: User, ids: string[], op: 'add' | 'remove'): Reply {
  const { state } = call;
  const results: ItemResult[] = ids.map((id) => {
    if (state.config.forbiddenBadgeIds.includes(id))
      return { success: false, id, errors: itemError(state, 'FORBIDDEN', 403, 'You do not have permission.') };
    const badge = state.data.badges.find((b) => b.id === id && b.orgId === user.orgId);
    if (!badge)
      return { success: false, id, errors: itemError(state, 'INVALID_DATA', 422, 'The badge does not exist.') };
    const held = user.badgeIds.includes(id);
    if (op === 'add') {
      if (!held) user.badgeIds.push(id);
    } else {
      if (!held)
        return {
          success: false,
          id,
          errors: itemError(state, 'INVALID_DATA', 422, 'The user does not hold this badge.'),
        };
      user.badgeIds = user.badgeIds.filter((b) => b !== id);
    }
    user.modifiedTime = new Date(state.now()).toISOString();
    return { success: true, id, errors: null };
  });
  if (op === 'remove' && state.config.removalTakesAll) user.badgeIds = [];
  return json(200, { results });
}

function listUserBadges(call: DeskCall): Reply {
  const user = findUser(call);
  if (!user) return NOT_FOUND();
  const r = range(call.query, 100);
  if ('status' in r) return r;
  const type = call.query.get('type');
  if (type !== null && type !== 'default' && type !== 'custom')
    return unprocessable('type', "type must be 'default' or 'custom'.");
  const sortBy = call.query.get('sortBy');
  if (sortBy !== null && sortBy !== 'createdTime' && sortBy !== '-createdTime')
    return unprocessable('sortBy', "sortBy must be 'createdTime' or '-createdTime'.");
  let badges = user.badgeIds
    .map((id) => call.state.data.badges.find((b) => b.id === id))
    .filter((b): b is Badge => b !== undefined)
    .filter((b) => type === null || b.isCustom === (type === 'custom'));
  if (sortBy === '-createdTime') badges = badges.reverse();
  const data = page(badges, r).map((b) => badgeWire(call.state, b));
  if (data.length === 0) return empty();
  // Badge.json: `{data:[...]}` in the schema, a bare array in the example.
  return json(200, examples(call.state) ? data : { data });
}

/** `GET /badges` (Zoho's getBadges): every badge of the organization. */
function listOrgBadges(call: DeskCall): Reply {
  const r = range(call.query, 100);
  if ('status' in r) return r;
  const data = page(
    call.state.data.badges.filter((b) => b.orgId === call.org?.id),
    r,
  ).map((b) => badgeWire(call.state, b, true));
  if (data.length === 0) return empty();
  // Badge.json getBadges: a bare array in both the schema and the example.
  return json(200, data);
}

function changeUserBadges(call: DeskCall, op: 'add' | 'remove'): Reply {
  const user = findUser(call);
  if (!user) return NOT_FOUND();
  const ids = badgeIdsFromBody(call);
  return Array.isArray(ids) ? changeBadges(call, user, ids, op) : ids;
}

export const badgeEndpoints: Endpoint[] = [
  {
    operationId: 'getUserBadges',
    method: 'GET',
    path: '/api/v1/users/{userId}/badges',
    scopes: READ_USER_BADGES,
    needsOrg: true,
    handle: listUserBadges,
  },
  {
    operationId: 'getBadges',
    method: 'GET',
    path: '/api/v1/badges',
    scopes: ['Desk.settings.READ'],
    needsOrg: true,
    handle: listOrgBadges,
  },
  {
    operationId: 'associateBadgesToUsers',
    method: 'POST',
    path: '/api/v1/users/{userId}/badges/associate',
    scopes: WRITE_USER_BADGES,
    needsOrg: true,
    handle: (call) => changeUserBadges(call, 'add'),
  },
  {
    operationId: 'dissociateBadgesFromUsers',
    method: 'POST',
    path: '/api/v1/users/{userId}/badges/dissociate',
    scopes: WRITE_USER_BADGES,
    needsOrg: true,
    availability: (s) => s.config.routes.dissociate,
    handle: (call) => changeUserBadges(call, 'remove'),
  },
];
