/** `GET /users` and `GET /users/{userId}`: Help Center end users (User.json). */
import { photoUrl, type User } from '../data';
import { empty, json, type Reply } from '../http';
import type { SandboxState } from '../state';
import {
  bool,
  type DeskCall,
  type Endpoint,
  examples,
  findUser,
  invalidData,
  noSuch,
  orgHelpCenter,
  pageOf,
  textArg,
} from './call';
import { primaryLabel } from './labels';
import {
  fromParam,
  idParam,
  limitParam,
  ORG_ID,
  type ParamRule,
  searchByParam,
  sortByParam,
  unprocessable,
} from './params';

/** User.json's last-activity filters: a GMT time with `Z`. */
function activityTimeParam(name: string): ParamRule {
  const pattern = String.raw`^(202[0-9]|20[3-9][0-9])-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])(\.[0-9]{3})?Z$`;
  return { name, in: 'query', schema: { type: ['string', 'null'], maxLength: 100, pattern } };
}

/**
 * What both user replies carry. The photo and type fields are spelled differently in Zoho's schema and its
 * examples (whose `type` is a one-item list).
 */
function userFields(state: SandboxState, user: User) {
  return {
    lastAccessedTime: user.lastAccessedTime,
    ...(examples(state)
      ? { photoURL: photoUrl(user), type: [user.type] }
      : { photoUrl: photoUrl(user), userType: user.type }),
    name: user.name,
    id: user.id,
    label: primaryLabel(state, user),
    status: user.status,
  };
}

/** As `GET /users` lists it (User.json userDetailJson): no contactId in list items. */
function userListItem(state: SandboxState, user: User) {
  return { ...userFields(state, user), emailAddress: user.emailAddress };
}

/** As `GET /users/{id}` returns it (User.json userDetailViewJson): email[] and contactId, no emailAddress. */
function userDetail(state: SandboxState, user: User) {
  return {
    ...userFields(state, user),
    contactId: user.contactId,
    email: [{ emailAddress: user.emailAddress, isVerified: bool(state, false), isPrimary: bool(state, true) }],
  };
}

function listUsers(call: DeskCall): Reply {
  const { args, state } = call;
  const search = textArg(call, 'searchBy');
  // User.json: "The keyword must contain at least two characters".
  if (search !== undefined && search.trim().length < 2)
    return unprocessable({ field: 'searchBy', kind: 'invalid', detail: 'must have at least 2 characters' });
  const helpCenterId = textArg(call, 'helpCenterId');
  if (helpCenterId !== undefined && !orgHelpCenter(call, helpCenterId))
    return invalidData('helpCenterId', 'helpCenterId is invalid');
  const status = textArg(call, 'status');
  const sortBy = textArg(call, 'sortBy');
  const [after, before] = [textArg(call, 'lastActivityStartTime'), textArg(call, 'lastActivityEndTime')];

  const needle = search?.trim().toLowerCase();
  let users = state.data.users.filter(
    (u) =>
      u.orgId === call.org?.id &&
      (helpCenterId === undefined || u.helpCenterIds.includes(helpCenterId)) &&
      // Without a status, every user but the deleted ones (the spec gives no default; unconfirmed).
      (status === 'ALL' || u.status === (status ?? u.status)) &&
      (status !== undefined || u.status !== 'DELETED') &&
      (after === undefined || u.lastAccessedTime >= after) &&
      (before === undefined || u.lastAccessedTime <= before) &&
      (!needle || u.name.toLowerCase().includes(needle) || u.emailAddress.toLowerCase().includes(needle)),
  );
  if (sortBy) {
    const key = sortBy.replace(/^-/, '') === 'email' ? 'emailAddress' : 'modifiedTime';
    const sign = sortBy.startsWith('-') ? -1 : 1;
    users = [...users].sort((a, b) => sign * a[key].localeCompare(b[key]));
  }
  const data = pageOf(call, users).map((u) => userListItem(state, u));
  if (data.length === 0) return empty();
  const withCount = Array.isArray(args.include) && args.include.includes('count');
  return json(200, withCount ? { data, count: String(users.length) } : { data });
}

function getUser(call: DeskCall): Reply {
  const user = findUser(call);
  if (!user) return noSuch(call, 'userId');
  const helpCenterId = textArg(call, 'helpCenterId');
  if (helpCenterId !== undefined) {
    if (!orgHelpCenter(call, helpCenterId)) return invalidData('helpCenterId', 'helpCenterId is invalid');
    if (!user.helpCenterIds.includes(helpCenterId))
      return invalidData('helpCenterId', 'The user is not an end user of this help center.');
  }
  return json(200, userDetail(call.state, user));
}

export const userEndpoints: Endpoint[] = [
  {
    operationId: 'getUsers',
    list: true,
    method: 'GET',
    path: '/api/v1/users',
    scopes: ['Desk.search.READ', 'Desk.contacts.READ', 'Desk.settings.READ', 'Desk.basic.READ'],
    needsOrg: true,
    params: [
      fromParam(),
      limitParam(50),
      searchByParam(),
      sortByParam('email|modifiedTime'),
      { name: 'status', in: 'query', schema: { type: ['string'], enum: ['ACTIVE', 'DISABLED', 'DELETED', 'ALL'] } },
      idParam('helpCenterId', 'query'),
      ORG_ID,
      {
        name: 'include',
        in: 'query',
        schema: { type: ['null', 'array'], items: { type: ['string', 'null'], enum: ['count'], maxLength: 100 } },
      },
      activityTimeParam('lastActivityStartTime'),
      activityTimeParam('lastActivityEndTime'),
    ],
    handle: listUsers,
  },
  {
    operationId: 'getUserDetails',
    method: 'GET',
    path: '/api/v1/users/{userId}',
    scopes: ['Desk.contacts.READ', 'Desk.settings.READ', 'Desk.basic.READ'],
    needsOrg: true,
    params: [
      // Accepted; the reply stays as it is (userDetailViewJson has no place for a contact).
      {
        name: 'include',
        in: 'query',
        schema: { type: ['string'], enum: ['contact'], maxItems: 1, pattern: '(contact)' },
      },
      idParam('helpCenterId', 'query'),
      idParam('userId', 'path', true),
      ORG_ID,
    ],
    handle: getUser,
  },
];
