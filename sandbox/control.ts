/**
 * The control API (`/__sandbox/...` on every host, JSON): reset, state, config, data, faults, the
 * request log, the clock, a Self Client's code, and the Desk web pages' data. It exists only in the sandbox.
 */

import { generateSelfClientCode, parseScopes } from './accounts';
import {
  type Badge,
  type Contact,
  type Dataset,
  type HelpCenter,
  type Label,
  type Org,
  type User,
  ZYLKER_ORG_ID,
} from './data';
import { dcByLocation } from './datacenters';
import { handleWebData } from './desk-web';
import { json, type Reply, type RequestContext } from './http';
import { validateFault } from './limits';
import {
  CLIENT_TYPES,
  type LogEntry,
  REPLY_SHAPES,
  type SandboxConfig,
  type SandboxState,
  type Seed,
  WEB_SKINS,
  WRONG_KIND_STATUSES,
} from './state';

const bad = (message: string): Reply => json(400, { error: message });

function parseJson(ctx: RequestContext): { ok: true; value: unknown } | { ok: false } {
  if (ctx.body.length === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(ctx.body.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isCount = (v: unknown, min: number) => typeof v === 'number' && Number.isFinite(v) && v >= min;

/** Checks a partial config; returns an error message or null. Unknown keys are refused, so typos show. */
export function configProblem(input: unknown): string | null {
  if (!isObject(input)) return 'The config must be a JSON object.';
  const checks: Record<string, (v: unknown) => boolean> = {
    routes: (v) =>
      isObject(v) &&
      Object.entries(v).every(([k, x]) =>
        k === 'helpCenterDelete' || k === 'contactHelpCenters'
          ? x === true || x === false || x === '405'
          : (k === 'dissociate' || k === 'helpCenters') && typeof x === 'boolean',
      ),
    accountLocation: (v) => typeof v === 'string' && dcByLocation(v) !== undefined,
    consent: (v) => v === 'page' || v === 'auto-accept',
    accessTokenLifetimeSeconds: (v) => isCount(v, 1),
    concurrencyLimit: (v) => Number.isInteger(v) && isCount(v, 1),
    dailyCredits: (v) => Number.isInteger(v) && isCount(v, 0),
    latencyMs: (v) => isCount(v, 0),
    throttleStatus: (v) => v === 200 || v === 400,
    clients: (v) =>
      Array.isArray(v) &&
      v.every(
        (c) =>
          isObject(c) &&
          typeof c.clientId === 'string' &&
          (CLIENT_TYPES as readonly unknown[]).includes(c.type) &&
          isStringArray(c.redirectUris) &&
          (c.locations === undefined ||
            (isStringArray(c.locations) && c.locations.every((l) => dcByLocation(l) !== undefined))) &&
          (c.clientSecret === undefined || typeof c.clientSecret === 'string') &&
          (c.name === undefined || typeof c.name === 'string'),
      ),
    grantedScopes: (v) => v === null || isStringArray(v),
    orgs: (v) => Number.isInteger(v) && isCount(v, 0),
    replyShapes: (v) => (REPLY_SHAPES as readonly unknown[]).includes(v),
    forbiddenBadgeIds: isStringArray,
    itemHttpCodeAsString: (v) => typeof v === 'boolean',
    removalTakesAll: (v) => typeof v === 'boolean',
    wrongKindStatus: (v) => (WRONG_KIND_STATUSES as readonly unknown[]).includes(v),
    webSkin: (v) => (WEB_SKINS as readonly unknown[]).includes(v),
  };
  for (const [key, value] of Object.entries(input)) {
    const check = checks[key];
    if (!check) return `Unknown config key: ${key}`;
    if (!check(value)) return `Invalid value for config key ${key}: ${JSON.stringify(value)}`;
  }
  return null;
}

// ---------- data ----------

const COLLECTIONS = ['orgs', 'helpCenters', 'badges', 'labels', 'users', 'contacts'] as const;
type Collection = (typeof COLLECTIONS)[number];

function datasetProblem(input: unknown): string | null {
  if (!isObject(input)) return 'The dataset must be a JSON object.';
  for (const name of COLLECTIONS) {
    const list = input[name];
    if (!Array.isArray(list)) return `dataset.${name} must be an array.`;
    if (!list.every((item) => isObject(item) && typeof item.id === 'string' && /^\d+$/.test(item.id)))
      return `Every item of dataset.${name} needs a numeric string id.`;
  }
  for (const user of input.users as Record<string, unknown>[]) {
    for (const key of ['helpCenterIds', 'badgeIds', 'labelIds'])
      if (!isStringArray(user[key])) return `User ${user.id}: ${key} must be an array of ids.`;
    if (typeof user.name !== 'string' || typeof user.emailAddress !== 'string')
      return `User ${user.id}: name and emailAddress are required.`;
  }
  return null;
}

let generated = 900000000000n;
const newId = () => String(generated++);

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}

/** Fills the fields a test did not care to give, so `POST /__sandbox/data/users {name, emailAddress}` works. */
function completeItem(
  state: SandboxState,
  collection: Collection,
  raw: Record<string, unknown>,
): Org | HelpCenter | Badge | Label | User | Contact {
  const id = str(raw.id, newId());
  const orgId = str(raw.orgId, ZYLKER_ORG_ID);
  const now = new Date(state.now()).toISOString();
  switch (collection) {
    case 'badges':
      return {
        id,
        orgId,
        name: str(raw.name, `Badge ${id}`),
        description: str(raw.description, ''),
        isCustom: typeof raw.isCustom === 'boolean' ? raw.isCustom : true,
        levelName: typeof raw.levelName === 'string' ? raw.levelName : null,
        iconId: str(raw.iconId, '1'),
      };
    case 'labels':
      return {
        id,
        orgId,
        helpCenterId: str(raw.helpCenterId, state.data.helpCenters.find((h) => h.orgId === orgId)?.id ?? ''),
        name: str(raw.name, `Label ${id}`),
        bgColor: str(raw.bgColor, '#888888'),
        textColor: str(raw.textColor, '#FFFFFF'),
        shape: raw.shape === 'ROUNDED' ? 'ROUNDED' : 'RECTANGLE',
      };
    case 'contacts':
      return {
        id,
        orgId,
        email: str(raw.email, `contact${id}@example.com`),
        firstName: str(raw.firstName, ''),
        lastName: str(raw.lastName, `Contact ${id}`),
      };
    case 'users': {
      const name = str(raw.name, `User ${id}`);
      const emailAddress = str(raw.emailAddress, `user${id}@example.com`);
      let contactId = typeof raw.contactId === 'string' ? raw.contactId : undefined;
      if (!contactId) {
        // Every Help Center user has a contact; make one that matches.
        const [firstName = '', ...rest] = name.split(' ');
        contactId = newId();
        state.data.contacts.push({ id: contactId, orgId, email: emailAddress, firstName, lastName: rest.join(' ') });
      }
      return {
        id,
        orgId,
        portalUserId: str(raw.portalUserId, newId()),
        name,
        emailAddress,
        contactId,
        status: raw.status === 'DISABLED' || raw.status === 'DELETED' ? raw.status : 'ACTIVE',
        type: 'ENDUSER',
        helpCenterIds: isStringArray(raw.helpCenterIds)
          ? raw.helpCenterIds
          : [state.data.helpCenters.find((h) => h.orgId === orgId)?.id ?? ''].filter(Boolean),
        badgeIds: isStringArray(raw.badgeIds) ? raw.badgeIds : [],
        labelIds: isStringArray(raw.labelIds) ? raw.labelIds : [],
        createdTime: str(raw.createdTime, now),
        modifiedTime: str(raw.modifiedTime, now),
        lastAccessedTime: str(raw.lastAccessedTime, now),
      };
    }
    case 'helpCenters':
      return {
        id,
        orgId,
        name: str(raw.name, `Help Center ${id}`),
        portalName: str(raw.portalName, `hc${id}`),
        portalId: str(raw.portalId, id.padStart(32, '0')),
        departmentIds: isStringArray(raw.departmentIds) ? raw.departmentIds : [],
      };
    case 'orgs':
      return {
        id,
        companyName: str(raw.companyName, `Org ${id}`),
        portalName: str(raw.portalName, `org${id}`),
        edition:
          (['FREE', 'EXPRESS', 'STANDARD', 'PROFESSIONAL', 'ENTERPRISE'] as const).find((e) => e === raw.edition) ??
          'PROFESSIONAL',
        departments: Array.isArray(raw.departments)
          ? (raw.departments as Org['departments'])
          : [{ id: newId(), name: 'Support', slug: 'support' }],
      };
  }
}

function upsert(state: SandboxState, collection: Collection, raw: unknown): Reply {
  if (!isObject(raw)) return bad('The item must be a JSON object.');
  if (raw.id !== undefined && !(typeof raw.id === 'string' && /^\d+$/.test(raw.id)))
    return bad('id must be a numeric string.');
  const item = completeItem(state, collection, raw);
  const list = state.data[collection] as { id: string }[];
  const at = list.findIndex((x) => x.id === item.id);
  if (at >= 0) list[at] = item;
  else list.push(item);
  // A new badge can be handed out at once: `holderIds` are users who receive it.
  if (collection === 'badges' && isStringArray(raw.holderIds)) {
    for (const user of state.data.users)
      if (raw.holderIds.includes(user.id) && !user.badgeIds.includes(item.id)) user.badgeIds.push(item.id);
  }
  return json(200, item);
}

// ---------- dispatch ----------

export function handleControl(ctx: RequestContext): Reply {
  const { state, method } = ctx;
  const sub = ctx.url.pathname.slice('/__sandbox'.length).replace(/\/$/, '') || '/';
  if (sub.startsWith('/web/') && method === 'GET') return handleWebData(state, sub.slice('/web'.length));

  const body = parseJson(ctx);
  if (!body.ok) return bad('The body is not valid JSON.');
  const input = body.value;
  const route = `${method} ${sub}`;

  switch (route) {
    case 'GET /health':
      return json(200, { ok: true });
    case 'POST /reset': {
      const seed = isObject(input) ? input.seed : undefined;
      if (seed !== undefined && seed !== 'demo' && seed !== 'empty') return bad("seed must be 'demo' or 'empty'.");
      state.reset((seed as Seed | undefined) ?? 'demo');
      return json(200, { ok: true });
    }
    case 'GET /state':
      return json(200, state.snapshot());
    case 'GET /config':
      return json(200, state.config);
    case 'POST /config': {
      const problem = configProblem(input);
      if (problem) return bad(problem);
      state.configure(input as Partial<SandboxConfig>);
      return json(200, state.config);
    }
    case 'GET /data':
      return json(200, state.data);
    case 'PUT /data': {
      const problem = datasetProblem(input);
      if (problem) return bad(problem);
      state.data = structuredClone(input as Dataset);
      return json(200, { ok: true });
    }
    case 'GET /faults':
      return json(200, state.faults);
    case 'POST /faults': {
      const fault = validateFault(input);
      if (typeof fault === 'string') return bad(fault);
      return json(200, state.addFault(fault));
    }
    case 'DELETE /faults':
      state.faults = [];
      return json(200, { ok: true });
    case 'GET /requests': {
      const entries = filteredLog(state, ctx.url.searchParams);
      return typeof entries === 'string' ? bad(entries) : json(200, entries);
    }
    case 'DELETE /requests':
      state.log = [];
      return json(200, { ok: true });
    case 'POST /clock': {
      const seconds = isObject(input) ? input.advanceSeconds : undefined;
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0)
        return bad('advanceSeconds must be a non-negative number.');
      state.clockOffsetMs += seconds * 1000;
      return json(200, { now: new Date(state.now()).toISOString() });
    }
    case 'POST /session/sign-out': {
      // The admin signs out of Zoho: session-wide grants end; tokens already issued live until they expire.
      state.zohoSession = { signedIn: false, grants: new Map() };
      return json(200, { signedIn: false });
    }
    case 'POST /self-client/code':
      return selfClientCode(state, input);
    case 'POST /tokens/expire': {
      const now = state.now();
      let expired = 0;
      for (const token of state.accessTokens.values())
        if (token.expiresAt > now) {
          token.expiresAt = now;
          expired++;
        }
      return json(200, { expired });
    }
  }
  const m = /^POST \/data\/(orgs|helpCenters|badges|labels|users|contacts)$/.exec(route);
  if (m) return upsert(state, m[1] as Collection, input);
  return json(404, { error: `No control endpoint ${route}` });
}

/**
 * The console's Generate Code, for tests: `{scopes, minutes?: 3, location?: 'us', clientId?: the first Self
 * Client}` gives the code, with when it expires.
 */
function selfClientCode(state: SandboxState, input: unknown): Reply {
  if (!isObject(input)) return bad('Give {scopes, minutes?, location?, clientId?}.');
  const { scopes, minutes = 3, location = 'us' } = input;
  const clientId = input.clientId ?? state.config.clients.find((c) => c.type === 'self')?.clientId;
  if (typeof clientId !== 'string') return bad('There is no Self Client: give clientId, or configure one.');
  if (!(typeof scopes === 'string' || isStringArray(scopes))) return bad('scopes: a string or a list of scopes.');
  if (typeof minutes !== 'number' || typeof location !== 'string') return bad('minutes: a number; location: a string.');
  const made = generateSelfClientCode(state, {
    clientId,
    scopes: typeof scopes === 'string' ? parseScopes(scopes) : scopes,
    minutes,
    location,
  });
  if (typeof made === 'string') return bad(made);
  return json(200, {
    code: made.code,
    clientId: made.clientId,
    location: made.location,
    scopes: made.scopes,
    expiresAt: new Date(made.issuedAt + made.lifetimeMs).toISOString(),
  });
}

/** The request log, filtered; a string is the reason the filter is unusable. */
function filteredLog(state: SandboxState, query: URLSearchParams): LogEntry[] | string {
  const host = query.get('host')?.toLowerCase();
  const method = query.get('method')?.toUpperCase();
  const face = query.get('face');
  const since = Number(query.get('since') ?? 0);
  const pathSource = query.get('path');
  let path: RegExp | null = null;
  if (pathSource) {
    try {
      path = new RegExp(pathSource);
    } catch {
      return `path is not a valid RegExp: ${pathSource}`;
    }
  }
  return state.log.filter(
    (e) =>
      (!host || e.host === host) &&
      (!method || e.method === method) &&
      (!face || e.face === face) &&
      (!path || path.test(e.path)) &&
      e.seq > since,
  );
}
