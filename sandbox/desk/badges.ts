/**
 * Badges (Badge.json): a user's badges, the organization's badges, and associate/dissociate, whose per-badge
 * results the Help Center DELETE route shares.
 */
import { type Badge, iconUrl, type User } from '../data';
import { empty, json, type Reply } from '../http';
import type { SandboxState } from '../state';
import {
  bool,
  type DeskCall,
  type Endpoint,
  examples,
  findUser,
  itemError,
  massAction,
  noSuch,
  pageOf,
  textArg,
} from './call';
import {
  fromParam,
  idListRule,
  idParam,
  limitParam,
  ORG_ID,
  type ParamRule,
  sortByParam,
  type ValueRule,
} from './params';

/** `type`: custom or default badges only. */
const TYPE: ParamRule = { name: 'type', in: 'query', schema: { type: ['string'], enum: ['custom', 'default'] } };

/** Badge.json's award-time filters (accepted; the sandbox keeps no award times, so they change nothing). */
function awardTimeParam(name: string): ParamRule {
  const pattern = String.raw`(((19|20)\d\d)[-/.]{1}(0?[1-9]|1[012])[-/.]{1}(0?[1-9]|[12][0-9]|3[01])(T)([01]?[0-9]|2[0-3]):[0-5]?[0-9]:[0-5]?[0-9]([/.][\d]{0,3})?(Z))|null`;
  return { name, in: 'query', schema: { type: ['string'], maxLength: 100, pattern } };
}

/** associate/dissociate: `{"badgeIds":[...]}`, at least one numeric ID. */
const BADGE_IDS: ValueRule = {
  type: ['object'],
  additionalProperties: false,
  properties: { badgeIds: { ...idListRule(false), minItems: 1 } },
  required: ['badgeIds'],
};

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

/** Gives or takes each badge, one result per badge (the Help Center DELETE route shares it). */
export function changeBadges(call: DeskCall, user: User, ids: string[], op: 'add' | 'remove'): Reply {
  const { state } = call;
  const reply = massAction(ids, (id) => {
    if (state.config.forbiddenBadgeIds.includes(id))
      return itemError(state, 'FORBIDDEN', 403, 'You do not have permission.');
    if (!state.data.badges.some((b) => b.id === id && b.orgId === user.orgId))
      return itemError(state, 'INVALID_DATA', 422, 'The badge does not exist.');
    const held = user.badgeIds.includes(id);
    if (op === 'remove' && !held) return itemError(state, 'INVALID_DATA', 422, 'The user does not hold this badge.');
    if (op === 'add' && !held) user.badgeIds.push(id);
    if (op === 'remove') user.badgeIds = user.badgeIds.filter((b) => b !== id);
    user.modifiedTime = new Date(state.now()).toISOString();
    return null;
  });
  if (op === 'remove' && state.config.removalTakesAll) user.badgeIds = [];
  return reply;
}

function listUserBadges(call: DeskCall): Reply {
  const user = findUser(call);
  if (!user) return noSuch(call, 'userId');
  const type = textArg(call, 'type');
  let badges = user.badgeIds
    .map((id) => call.state.data.badges.find((b) => b.id === id))
    .filter((b): b is Badge => b !== undefined)
    .filter((b) => type === undefined || b.isCustom === (type === 'custom'));
  if (textArg(call, 'sortBy') === '-createdTime') badges = badges.reverse();
  const data = pageOf(call, badges).map((b) => badgeWire(call.state, b));
  if (data.length === 0) return empty();
  // Badge.json: `{data:[...]}` in the schema, a bare array in the example.
  return json(200, examples(call.state) ? data : { data });
}

/** `GET /badges` (Zoho's getBadges): every badge of the organization. */
function listOrgBadges(call: DeskCall): Reply {
  const type = textArg(call, 'type');
  const badges = call.state.data.badges.filter(
    (b) => b.orgId === call.org?.id && (type === undefined || b.isCustom === (type === 'custom')),
  );
  const data = pageOf(call, badges).map((b) => badgeWire(call.state, b, true));
  if (data.length === 0) return empty();
  // Badge.json getBadges: a bare array in both the schema and the example.
  return json(200, data);
}

function changeUserBadges(call: DeskCall, op: 'add' | 'remove'): Reply {
  const user = findUser(call);
  if (!user) return noSuch(call, 'userId');
  const { badgeIds } = call.body as { badgeIds: (string | number)[] };
  return changeBadges(call, user, badgeIds.map(String), op);
}

export const badgeEndpoints: Endpoint[] = [
  {
    operationId: 'getUserBadges',
    list: true,
    method: 'GET',
    path: '/api/v1/users/{userId}/badges',
    scopes: READ_USER_BADGES,
    needsOrg: true,
    params: [
      TYPE,
      limitParam(50, true),
      fromParam(true),
      sortByParam('createdTime', { enum: ['createdTime'] }),
      awardTimeParam('startTime'),
      awardTimeParam('endTime'),
      idParam('userId', 'path'),
      ORG_ID,
    ],
    handle: listUserBadges,
  },
  {
    operationId: 'getBadges',
    list: true,
    method: 'GET',
    path: '/api/v1/badges',
    scopes: ['Desk.settings.READ'],
    needsOrg: true,
    params: [limitParam(10, true), fromParam(true), TYPE, ORG_ID],
    handle: listOrgBadges,
  },
  {
    operationId: 'associateBadgesToUsers',
    method: 'POST',
    path: '/api/v1/users/{userId}/badges/associate',
    scopes: WRITE_USER_BADGES,
    needsOrg: true,
    params: [idParam('userId', 'path'), ORG_ID],
    body: BADGE_IDS,
    handle: (call) => changeUserBadges(call, 'add'),
  },
  {
    operationId: 'dissociateBadgesFromUsers',
    method: 'POST',
    path: '/api/v1/users/{userId}/badges/dissociate',
    scopes: WRITE_USER_BADGES,
    needsOrg: true,
    params: [idParam('userId', 'path'), ORG_ID],
    body: BADGE_IDS,
    availability: (s) => s.config.routes.dissociate,
    handle: (call) => changeUserBadges(call, 'remove'),
  },
];
