/**
 * The Zoho Desk API face (host desk.<dc>, paths under /api/v1), following docs/zoho.md §2-5.
 * Order of checks for every call: token (401) → per-org concurrency (429) → latency → daily credits (429)
 * → route (404/405) → orgId header (400/403) → scope (403) → the endpoint itself.
 */
import { type Badge, iconUrl, type Label, type Org, photoUrl, type User } from './data';
import { dcByDeskHost } from './datacenters';
import { empty, isJsonContentType, json, type Reply, type RequestContext, sleep, zohoError } from './http';
import { acquireSlot, chargeCredits, creditWeight, secondsUntilUtcMidnight } from './limits';
import type { AccessTokenRecord, SandboxState } from './state';

interface DeskCall {
  ctx: RequestContext;
  state: SandboxState;
  token: AccessTokenRecord;
  /** Null only for /organizations. */
  org: Org | null;
  params: string[];
  query: URLSearchParams;
}

interface Endpoint {
  /** The token needs at least one of these (any-of; `X.y.ALL` covers `X.y.READ` etc.). */
  scopes: string[];
  needsOrg: boolean;
  handle: (call: DeskCall) => Reply;
}

interface Route {
  pattern: RegExp;
  endpoints: Partial<Record<string, Endpoint>>;
  /** Config switch: false → the route does not exist (404); '405' → its verbs answer 405. */
  availability?: (state: SandboxState) => boolean | '405';
}

const READ_USERS = ['Desk.search.READ', 'Desk.contacts.READ', 'Desk.settings.READ', 'Desk.basic.READ'];
const READ_USER = ['Desk.contacts.READ', 'Desk.settings.READ', 'Desk.basic.READ'];
const READ_BADGES = ['Desk.contacts.READ', 'Desk.settings.READ'];
const WRITE_USER = ['Desk.contacts.UPDATE', 'Desk.settings.UPDATE'];

// ---------- wire shapes ----------

function labelWire(label: Label) {
  return {
    preferences: { shape: label.shape, bgColor: label.bgColor, textColor: label.textColor },
    name: label.name,
    id: label.id,
    logoUrl: null,
  };
}

function primaryLabel(state: SandboxState, user: User) {
  const label = state.data.labels.find((l) => l.id === user.labelIds[0]);
  return label ? labelWire(label) : null;
}

const examples = (state: SandboxState) => state.config.replyShapes === 'examples';

/** A boolean as Zoho's schema has it, or as the string its examples show. */
function bool(state: SandboxState, value: boolean): boolean | string {
  return examples(state) ? String(value) : value;
}

/** The user fields whose names differ between Zoho's schema and its examples. */
function userCommon(state: SandboxState, user: User) {
  return examples(state)
    ? { photoURL: photoUrl(user), type: user.type }
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

function contactWebUrl(state: SandboxState, orgId: string, contactId: string): string {
  const org = state.data.orgs.find((o) => o.id === orgId);
  return `https://desk.zoho.com/support/${org?.portalName ?? 'portal'}/ShowHomePage.do#Contacts/dv/${contactId}`;
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

// ---------- request helpers ----------

function unprocessable(field: string, message: string): Reply {
  return zohoError(422, 'UNPROCESSABLE_ENTITY', message, {
    errors: [{ fieldName: `/${field}`, errorType: 'invalid', errorMessage: message }],
  });
}

function invalidData(message: string): Reply {
  return zohoError(422, 'INVALID_DATA', message);
}

const NOT_FOUND = (): Reply =>
  zohoError(404, 'URL_NOT_FOUND', 'The URL you have requested is either invalid or does not exist.');

function range(query: URLSearchParams, maxLimit: number): { from: number; limit: number } | Reply {
  const fromRaw = query.get('from');
  const limitRaw = query.get('limit');
  const from = fromRaw === null ? 1 : Number(fromRaw);
  const limit = limitRaw === null ? 50 : Number(limitRaw);
  if (!Number.isInteger(from) || from < 1)
    return unprocessable('from', "The value passed for field 'from' must be 1 or more.");
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit)
    return unprocessable('limit', `The value passed for field 'limit' exceeds the range of '1-${maxLimit}'.`);
  return { from, limit };
}

function page<T>(items: T[], r: { from: number; limit: number }): T[] {
  return items.slice(r.from - 1, r.from - 1 + r.limit);
}

function findUser(call: DeskCall): User | undefined {
  return call.state.data.users.find((u) => u.id === call.params[0] && u.orgId === call.org?.id);
}

function orgHelpCenter(call: DeskCall, id: string | null) {
  return call.state.data.helpCenters.find((h) => h.id === id && h.orgId === call.org?.id);
}

/** Ids from a query parameter that may be repeated and/or comma-separated. */
function idList(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
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

type ItemError = { errorCode: string; httpCode: number | string; errorMessage: string; error: string | null };

/** A per-item error as Zoho's MassActionError has it; `httpCode` a number or, by the switch, a string. */
function itemError(state: SandboxState, errorCode: string, httpCode: number, errorMessage: string): ItemError {
  return {
    errorCode,
    httpCode: state.config.itemHttpCodeAsString ? String(httpCode) : httpCode,
    errorMessage,
    error: null,
  };
}
interface ItemResult {
  success: boolean;
  id: string;
  errors: ItemError | null;
}

/** One result per requested id, HTTP 200 even when items fail (docs/zoho.md §5.6). */
function changeBadges(call: DeskCall, user: User, ids: string[], op: 'add' | 'remove'): Reply {
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

// ---------- endpoints ----------

function listOrganizations(call: DeskCall): Reply {
  const { state } = call;
  // Organization.json getOrganizationResponse: every field required, most of them nullable.
  const data = state.visibleOrgs().map((org, index) => ({
    id: org.id,
    companyName: org.companyName,
    portalName: org.portalName,
    portalURL: `https://desk.zoho.com/support/${org.portalName}`,
    isDefault: bool(state, index === 0),
    isAdminInOrg: true,
    edition: org.edition,
    alias: null,
    description: null,
    employeeCount: null,
    website: null,
    phoneNumber: null,
    mobile: null,
    fax: null,
    primaryContact: null,
    street: null,
    city: null,
    state: null,
    country: null,
    zip: null,
    currencyCode: 'USD',
    currencyLocale: 'US',
    currencySymbol: '$',
    faviconURL: null,
    logoURL: null,
    isPayloadEncryptionEnabled: bool(state, false),
    isSandboxPortal: bool(state, false),
  }));
  return json(200, { data });
}

/** Helpcenter.json helpcenterDefaultResponse: Zoho's fields, no portal name. */
function helpCenterItem(h: SandboxState['data']['helpCenters'][number], isDefault: boolean) {
  return {
    id: h.id,
    name: h.name,
    isDefault,
    departmentIds: h.departmentIds,
    url: `https://desk.zoho.com/portal/${h.portalName}/`,
    logoUrl: null,
    status: 'ACTIVE',
    primaryLocale: 'en',
    locales: ['en'],
    helpCenterLocales: [{ name: h.name, locale: 'en', type: 'DEFAULT', status: 'ACCESIBLE_IN_HELPCENTER' }],
    isMultilingualEnabled: false,
    isEncodedPermalinkAllowed: false,
  };
}

function orgHelpCenters(call: DeskCall) {
  return call.state.data.helpCenters.filter((h) => h.orgId === call.org?.id);
}

function listHelpCenters(call: DeskCall): Reply {
  const data = orgHelpCenters(call).map((h, index) => helpCenterItem(h, index === 0));
  return data.length ? json(200, { data }) : empty();
}

/** Helpcenter.json helpcenterDetailResponse: the list item and the help center's settings. */
function getHelpCenter(call: DeskCall): Reply {
  const helpCenter = orgHelpCenter(call, call.params[0] ?? null);
  if (!helpCenter) return NOT_FOUND();
  return json(200, {
    ...helpCenterItem(helpCenter, orgHelpCenters(call)[0]?.id === helpCenter.id),
    translateMode: 'MANUAL',
    siteMapUpdatedTime: null,
    domains: [],
    favIconUrl: null,
    logoLinkBackUrl: null,
    autoTranslateSettings: [],
    activeThemeId: null,
  });
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

function associate(call: DeskCall): Reply {
  const user = findUser(call);
  if (!user) return NOT_FOUND();
  const ids = badgeIdsFromBody(call);
  return Array.isArray(ids) ? changeBadges(call, user, ids, 'add') : ids;
}

function dissociate(call: DeskCall): Reply {
  const user = findUser(call);
  if (!user) return NOT_FOUND();
  const ids = badgeIdsFromBody(call);
  return Array.isArray(ids) ? changeBadges(call, user, ids, 'remove') : ids;
}

function deleteHelpCenterBadges(call: DeskCall): Reply {
  const helpCenter = orgHelpCenter(call, call.params[0] ?? null);
  if (!helpCenter) return invalidData('helpCenterId is invalid');
  const user = call.state.data.users.find((u) => u.id === call.params[1] && u.orgId === call.org?.id);
  if (!user) return NOT_FOUND();
  if (!user.helpCenterIds.includes(helpCenter.id))
    return invalidData('The user is not an end user of this help center.');
  const ids = idList(call.query, 'badgeIds');
  // Never "remove all": without ids there is nothing to do.
  if (ids.length === 0)
    return zohoError(422, 'UNPROCESSABLE_ENTITY', 'badgeIds is required.', {
      errors: [{ fieldName: '/badgeIds', errorType: 'missing', errorMessage: 'badgeIds is required' }],
    });
  return changeBadges(call, user, ids, 'remove');
}

function getContact(call: DeskCall): Reply {
  const contact = call.state.data.contacts.find((c) => c.id === call.params[0] && c.orgId === call.org?.id);
  if (!contact) return NOT_FOUND();
  // Contact.json getContact: every field required, most of them nullable; no account, no owner here.
  const { state } = call;
  return json(200, {
    id: contact.id,
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    secondaryEmail: null,
    phone: null,
    mobile: null,
    type: null,
    title: null,
    description: null,
    street: null,
    city: null,
    state: null,
    country: null,
    zip: null,
    facebook: null,
    twitter: null,
    accountId: null,
    ownerId: null,
    accountCount: '0',
    cf: {},
    customFields: {},
    customerHappiness: { badPercentage: '0', okPercentage: '0', goodPercentage: '0' },
    isAnonymous: false,
    isDeleted: false,
    isEndUser: bool(state, true),
    isFollowing: bool(state, false),
    isSpam: false,
    isTrashed: false,
    layoutId: null,
    layoutDetails: null,
    photoURL: null,
    zohoCRMContact: null,
    webUrl: contactWebUrl(state, contact.orgId, contact.id),
    createdTime: '2025-03-01T09:15:00.000Z',
    modifiedTime: '2025-03-01T09:15:00.000Z',
  });
}

function listUserLabels(call: DeskCall): Reply {
  const user = findUser(call);
  if (!user) return NOT_FOUND();
  const r = range(call.query, 50);
  if ('status' in r) return r;
  const helpCenterId = call.query.get('helpCenterId');
  const onlyPrimary = call.query.get('isPrimary') === 'true';
  const labels = user.labelIds
    .map((id, index) => ({ label: call.state.data.labels.find((l) => l.id === id), primary: index === 0 }))
    .filter((x): x is { label: Label; primary: boolean } => x.label !== undefined)
    .filter((x) => (helpCenterId === null || x.label.helpCenterId === helpCenterId) && (!onlyPrimary || x.primary));
  const data = page(labels, r).map(({ label, primary }) => ({
    ...labelWire(label),
    helpCenterId: label.helpCenterId,
    isPrimary: bool(call.state, primary),
    assignedTime: user.modifiedTime,
  }));
  return data.length ? json(200, { data }) : empty();
}

function changeLabels(call: DeskCall, param: 'labels' | 'labelIds', op: 'add' | 'remove'): Reply {
  const user = findUser(call);
  if (!user) return NOT_FOUND();
  const ids = idList(call.query, param);
  if (ids.length === 0)
    return zohoError(422, 'UNPROCESSABLE_ENTITY', `${param} is required.`, {
      errors: [{ fieldName: `/${param}`, errorType: 'missing', errorMessage: `${param} is required` }],
    });
  const results: ItemResult[] = ids.map((id) => {
    const label = call.state.data.labels.find((l) => l.id === id && l.orgId === user.orgId);
    if (!label)
      return { success: false, id, errors: itemError(call.state, 'INVALID_DATA', 422, 'The label does not exist.') };
    const held = user.labelIds.includes(id);
    if (op === 'add') {
      if (!held) user.labelIds.push(id);
    } else {
      if (!held)
        return {
          success: false,
          id,
          errors: itemError(call.state, 'INVALID_DATA', 422, 'The user does not have this label.'),
        };
      user.labelIds = user.labelIds.filter((l) => l !== id);
    }
    return { success: true, id, errors: null };
  });
  return json(200, { results });
}

function listLabelUsers(call: DeskCall): Reply {
  const label = call.state.data.labels.find((l) => l.id === call.params[0] && l.orgId === call.org?.id);
  if (!label) return NOT_FOUND();
  const r = range(call.query, 100);
  if ('status' in r) return r;
  const users = call.state.data.users.filter((u) => u.labelIds.includes(label.id));
  // Label.json userLabelData: who holds the label, who gave it and when.
  const data = page(users, r).map((u) => ({
    photoUrl: photoUrl(u),
    emailAddress: u.emailAddress,
    name: u.name,
    userType: u.type,
    assignee: { photoUrl: null, name: 'Zylker Admin', id: '6000000015895' },
    id: u.id,
    assignedTime: u.modifiedTime,
    status: u.status,
  }));
  return data.length ? json(200, { data }) : empty();
}

const ROUTES: Route[] = [
  {
    pattern: /^\/organizations$/,
    endpoints: {
      GET: { scopes: ['Desk.basic.READ', 'Desk.organization.READ'], needsOrg: false, handle: listOrganizations },
    },
  },
  {
    pattern: /^\/helpCenters$/,
    availability: (s) => s.config.routes.helpCenters,
    endpoints: { GET: { scopes: ['Desk.settings.READ', 'Desk.basic.READ'], needsOrg: true, handle: listHelpCenters } },
  },
  {
    pattern: /^\/helpCenters\/(\d+)$/,
    endpoints: { GET: { scopes: ['Desk.settings.READ', 'Desk.basic.READ'], needsOrg: true, handle: getHelpCenter } },
  },
  { pattern: /^\/users$/, endpoints: { GET: { scopes: READ_USERS, needsOrg: true, handle: listUsers } } },
  { pattern: /^\/users\/(\d+)$/, endpoints: { GET: { scopes: READ_USER, needsOrg: true, handle: getUser } } },
  {
    pattern: /^\/users\/(\d+)\/badges$/,
    endpoints: { GET: { scopes: READ_BADGES, needsOrg: true, handle: listUserBadges } },
  },
  {
    pattern: /^\/badges$/,
    endpoints: { GET: { scopes: ['Desk.settings.READ'], needsOrg: true, handle: listOrgBadges } },
  },
  {
    pattern: /^\/users\/(\d+)\/badges\/associate$/,
    endpoints: { POST: { scopes: WRITE_USER, needsOrg: true, handle: associate } },
  },
  {
    pattern: /^\/users\/(\d+)\/badges\/dissociate$/,
    availability: (s) => s.config.routes.dissociate,
    endpoints: { POST: { scopes: WRITE_USER, needsOrg: true, handle: dissociate } },
  },
  {
    pattern: /^\/helpcenter\/(\d+)\/users\/(\d+)\/badges$/,
    availability: (s) => s.config.routes.helpCenterDelete,
    endpoints: {
      DELETE: {
        scopes: ['Desk.settings.UPDATE', 'Desk.settings.DELETE', 'Desk.contacts.UPDATE'],
        needsOrg: true,
        handle: deleteHelpCenterBadges,
      },
    },
  },
  {
    pattern: /^\/contacts\/(\d+)$/,
    endpoints: { GET: { scopes: ['Desk.contacts.READ'], needsOrg: true, handle: getContact } },
  },
  {
    pattern: /^\/users\/(\d+)\/labels$/,
    endpoints: { GET: { scopes: READ_BADGES, needsOrg: true, handle: listUserLabels } },
  },
  {
    pattern: /^\/users\/(\d+)\/labels\/assign$/,
    endpoints: { POST: { scopes: WRITE_USER, needsOrg: true, handle: (c) => changeLabels(c, 'labels', 'add') } },
  },
  {
    pattern: /^\/users\/(\d+)\/labels\/remove$/,
    endpoints: { POST: { scopes: WRITE_USER, needsOrg: true, handle: (c) => changeLabels(c, 'labelIds', 'remove') } },
  },
  {
    pattern: /^\/labels\/(\d+)\/users$/,
    endpoints: {
      GET: {
        scopes: ['Desk.search.READ', 'Desk.contacts.READ', 'Desk.settings.READ'],
        needsOrg: true,
        handle: listLabelUsers,
      },
    },
  },
];

/** `Desk.settings.ALL` covers `Desk.settings.READ`; comparison ignores case. */
export function scopeCovers(granted: string, wanted: string): boolean {
  const g = granted.toLowerCase();
  const w = wanted.toLowerCase();
  if (g === w) return true;
  const [gService, gGroup, gOp] = g.split('.');
  const [wService, wGroup] = w.split('.');
  return gOp === 'all' && gService === wService && gGroup === wGroup;
}

function authenticate(ctx: RequestContext): AccessTokenRecord | Reply {
  const header = ctx.req.headers.authorization;
  const match = header ? /^Zoho-oauthtoken\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) return zohoError(401, 'UNAUTHORIZED', 'You are not authenticated to perform this operation.');
  const token = ctx.state.accessTokens.get(match[1]!);
  const dc = dcByDeskHost(ctx.host);
  if (!token || token.revoked || token.expiresAt <= ctx.state.now() || token.location !== dc?.location)
    return zohoError(401, 'INVALID_OAUTH', 'The OAuth Token you provided is invalid.');
  return token;
}

function dispatch(ctx: RequestContext, token: AccessTokenRecord): Reply {
  const { state } = ctx;
  const sub = ctx.url.pathname.startsWith('/api/v1/')
    ? ctx.url.pathname.slice('/api/v1'.length).replace(/\/$/, '')
    : null;
  if (sub === null) return NOT_FOUND();
  let params: string[] | null = null;
  const route = ROUTES.find((r) => {
    const m = r.pattern.exec(sub);
    if (m) params = m.slice(1);
    return m !== null;
  });
  const availability = route?.availability?.(state) ?? true;
  if (!route || availability === false) return NOT_FOUND();
  const endpoint = route.endpoints[ctx.method];
  if (!endpoint || availability === '405')
    return zohoError(405, 'METHOD_NOT_ALLOWED', 'The HTTP method is not allowed for the requested URL.');

  let org: Org | null = null;
  if (endpoint.needsOrg) {
    const orgId = ctx.req.headers.orgid;
    if (typeof orgId !== 'string' || orgId.trim() === '')
      return zohoError(400, 'INVALID_DATA', 'orgId header is missing');
    org = state.visibleOrgs().find((o) => o.id === orgId.trim()) ?? null;
    if (!org) return zohoError(403, 'OAUTH_ORG_MISMATCH', 'The OAuthToken is not valid for specified organization');
  }
  if (!endpoint.scopes.some((wanted) => token.scopes.some((granted) => scopeCovers(granted, wanted))))
    return zohoError(403, 'SCOPE_MISMATCH', 'The OAuth token does not have the scope needed for this operation.');
  return endpoint.handle({ ctx, state, token, org, params: params ?? [], query: ctx.url.searchParams });
}

export async function handleDeskApi(ctx: RequestContext): Promise<Reply> {
  const { state } = ctx;
  const orgHeader = ctx.req.headers.orgid;
  if (typeof orgHeader === 'string') ctx.logExtra.orgId = orgHeader;
  const token = authenticate(ctx);
  // 401s carry no rate-limit headers (docs/zoho.md §4).
  if ('status' in token) return token;

  const release = acquireSlot(state, typeof orgHeader === 'string' ? orgHeader : '(none)');
  if (!release) {
    state.stats.rateLimited++;
    return withHeaders(
      zohoError(429, 'THRESHOLD_EXCEEDED', 'Too many requests are being made simultaneously. Try again shortly.'),
      {
        'Retry-After': '1',
        'X-Rate-Limit-Remaining-v3': String(state.creditsRemaining()),
        'X-Rate-Limit-Request-Weight-v3': '0',
      },
    );
  }
  try {
    await sleep(state.config.latencyMs);
    const weight = creditWeight(ctx.method);
    const credits = chargeCredits(state, weight);
    if (!credits.ok) {
      state.stats.rateLimited++;
      return withHeaders(
        zohoError(429, 'THRESHOLD_EXCEEDED', 'The daily API credit limit of this organization has been reached.'),
        {
          'Retry-After': String(secondsUntilUtcMidnight(state.now())),
          'X-Rate-Limit-Remaining-v3': String(credits.remaining),
          'X-Rate-Limit-Request-Weight-v3': '0',
        },
      );
    }
    return withHeaders(dispatch(ctx, token), {
      'X-Rate-Limit-Remaining-v3': String(credits.remaining),
      'X-Rate-Limit-Request-Weight-v3': String(weight),
    });
  } finally {
    release();
  }
}

function withHeaders(reply: Reply, headers: Record<string, string>): Reply {
  return { ...reply, headers: { ...reply.headers, ...headers } };
}
