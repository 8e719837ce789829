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
  NOT_FOUND,
  orgHelpCenter,
  page,
  range,
  unprocessable,
} from './call';
import { primaryLabel } from './labels';

/** The user fields spelled differently in Zoho's schema and its examples (whose `type` is a one-item list). */
function userCommon(state: SandboxState, user: User) {
  return examples(state)
    ? { photoURL: photoUrl(user), type: [user.type] }
    : { photoUrl: photoUrl(user), userType: user.type };
}

/** As `GET /users` lists it (User.json userDetailJson): no contactId in list items. */
function userListItem(state: SandboxState, user: User) {
  return {
    lastAccessedTime: user.lastAccessedTime,
    ...userCommon(state, user),
    emailAddress: user.emailAddress,
    name: user.name,
    id: user.id,
    label: primaryLabel(state, user),
    status: user.status,
  };
}

/** As `GET /users/{id}` returns it (User.json userDetailViewJson): email[] and contactId, no emailAddress. */
function userDetail(state: SandboxState, user: User) {
  return {
    lastAccessedTime: user.lastAccessedTime,
    ...userCommon(state, user),
    contactId: user.contactId,
    name: user.name,
    id: user.id,
    label: primaryLabel(state, user),
    email: [{ emailAddress: user.emailAddress, isVerified: bool(state, false), isPrimary: bool(state, true) }],
    status: user.status,
  };
}

function listUsers(call: DeskCall): Reply {
  const { query, state } = call;
  const r = range(query, 50);
  if ('status' in r) return r;
  const include = query.get('include');
  if (include !== null && include !== 'count') return unprocessable('include', "Only 'count' is allowed for include.");
  const search = query.get('searchBy');
  if (search !== null && search.trim().length < 2)
    return unprocessable('searchBy', "The value passed for field 'searchBy' must have at least 2 characters.");
  const helpCenterId = query.get('helpCenterId');
  if (helpCenterId !== null && !orgHelpCenter(call, helpCenterId)) return invalidData('helpCenterId is invalid');
  const status = query.get('status')?.toUpperCase() ?? null;
  if (status !== null && status !== 'ACTIVE' && status !== 'DISABLED')
    return unprocessable('status', "status must be 'ACTIVE' or 'DISABLED'.");
  const sortBy = query.get('sortBy');
  if (sortBy !== null && !/^-?(email|modifiedTime)$/.test(sortBy))
    return unprocessable('sortBy', "sortBy must be 'email' or 'modifiedTime', optionally prefixed with '-'.");

  const needle = search?.trim().toLowerCase();
  let users = state.data.users.filter(
    (u) =>
      u.orgId === call.org?.id &&
      (helpCenterId === null || u.helpCenterIds.includes(helpCenterId)) &&
      (status === null || u.status === status) &&
      (!needle || u.name.toLowerCase().includes(needle) || u.emailAddress.toLowerCase().includes(needle)),
  );
  if (sortBy) {
    const key = sortBy.replace(/^-/, '') === 'email' ? 'emailAddress' : 'modifiedTime';
    const sign = sortBy.startsWith('-') ? -1 : 1;
    users = [...users].sort((a, b) => sign * a[key].localeCompare(b[key]));
  }
  const data = page(users, r).map((u) => userListItem(state, u));
  if (data.length === 0) return empty();
  return json(200, include === 'count' ? { data, count: String(users.length) } : { data });
}

function getUser(call: DeskCall): Reply {
  const user = findUser(call);
  if (!user) return NOT_FOUND();
  const helpCenterId = call.query.get('helpCenterId');
  if (helpCenterId !== null) {
    if (!orgHelpCenter(call, helpCenterId)) return invalidData('helpCenterId is invalid');
    if (!user.helpCenterIds.includes(helpCenterId))
      return invalidData('The user is not an end user of this help center.');
  }
  return json(200, userDetail(call.state, user));
}

export const userEndpoints: Endpoint[] = [
  {
    operationId: 'getUsers',
    method: 'GET',
    path: '/api/v1/users',
    scopes: ['Desk.search.READ', 'Desk.contacts.READ', 'Desk.settings.READ', 'Desk.basic.READ'],
    needsOrg: true,
    handle: listUsers,
  },
  {
    operationId: 'getUserDetails',
    method: 'GET',
    path: '/api/v1/users/{userId}',
    scopes: ['Desk.contacts.READ', 'Desk.settings.READ', 'Desk.basic.READ'],
    needsOrg: true,
    handle: getUser,
  },
];
