/**
 * The sandbox against Zoho's own OpenAPI files: every Desk endpoint it serves answers with a body the
 * spec's schema for that operation and status accepts. Where the spec's schema and its own example
 * disagree, the sandbox serves either (`replyShapes`), and the example form is checked against the
 * example.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  BOTH_HELP_CENTERS_USER_ID,
  COMMUNITY_HC_ID,
  DEMO_USER_ID,
  PARTNERS_HC_ID,
  ZYLKER_BADGES,
  ZYLKER_LABELS,
} from '../../sandbox/data';
import { REPLY_SHAPES } from '../../sandbox/state';
import { connectedSandboxPerFile, desk, type HttpResult, type TestSandbox } from './helpers';
import { loadDeskSpec } from './oas';

const spec = loadDeskSpec();
let t: TestSandbox;
let token: string;
connectedSandboxPerFile((sandbox, accessToken) => {
  t = sandbox;
  token = accessToken;
});

const call = (method: string, path: string, o: { orgId?: string | null; json?: unknown } = {}) =>
  desk(t.sandbox, token, method, path, o);

const conforms = (operationId: string, res: HttpResult) => {
  expect(
    spec.check(operationId, res.status, res.text ? res.json() : undefined),
    `${operationId} ${res.status}`,
  ).toEqual([]);
};

/** errors.json's shared error reply (its schema no longer has a name of its own). */
const ERROR_BODY = 'errors.json#/components/responses/commonErrorResponse/content/application~1json/schema';

const heldBadge = () => t.sandbox.state.data.users.find((u) => u.id === DEMO_USER_ID)!.badgeIds[0]!;

/** Every read the extension makes, as [operationId, method, path, orgId header]. */
const READS: [string, string, () => string, 'none' | 'org'][] = [
  ['getOrganizations', 'GET', () => '/organizations', 'none'],
  ['getAllHelpCenters', 'GET', () => '/helpCenters', 'org'],
  ['getAllHelpCenters', 'GET', () => '/helpCenters?include=translateSettings', 'org'],
  ['getHelpCenter', 'GET', () => `/helpCenters/${COMMUNITY_HC_ID}`, 'org'],
  ['getUsers', 'GET', () => `/users?helpCenterId=${COMMUNITY_HC_ID}&limit=10`, 'org'],
  ['getUsers', 'GET', () => '/users?searchBy=carol&include=count', 'org'],
  ['getUsers', 'GET', () => '/users?status=ALL&limit=50', 'org'],
  ['getUserDetails', 'GET', () => `/users/${DEMO_USER_ID}`, 'org'],
  ['getUserBadges', 'GET', () => `/users/${DEMO_USER_ID}/badges?from=1&limit=50`, 'org'],
  ['getBadges', 'GET', () => '/badges?limit=50', 'org'],
  ['getUserLabels', 'GET', () => `/users/${DEMO_USER_ID}/labels`, 'org'],
  [
    'getContactActivationStatusAcrossHelpCenters',
    'GET',
    () =>
      `/contacts/${t.sandbox.state.data.users.find((u) => u.id === BOTH_HELP_CENTERS_USER_ID)!.contactId}/helpCenters`,
    'org',
  ],
  ['getUsersByLabel', 'GET', () => `/labels/${ZYLKER_LABELS.lock}/users`, 'org'],
];

describe("with the shapes of Zoho's schema (the default)", () => {
  it.each(READS)('%s %s answers as the schema says', async (operationId, method, path, org) => {
    const res = await call(method, path(), org === 'none' ? { orgId: null } : {});
    expect(res.status).toBe(200);
    conforms(operationId, res);
  });

  it('a contact answers as getContact says', async () => {
    const user = t.sandbox.state.data.users.find((u) => u.id === DEMO_USER_ID)!;
    const res = await call('GET', `/contacts/${user.contactId}`);
    expect(res.status).toBe(200);
    conforms('getContact', res);
  });

  it.each([false, true])(
    'dissociate and associate answer as MassActionResponse says, per-item errors included (httpCode as string: %s)',
    async (asString) => {
      t.sandbox.state.configure({ itemHttpCodeAsString: asString, forbiddenBadgeIds: [ZYLKER_BADGES.topContributor] });
      const held = heldBadge();
      const out = await call('POST', `/users/${DEMO_USER_ID}/badges/dissociate`, {
        json: { badgeIds: [held, ZYLKER_BADGES.topContributor, '99999999'] },
      });
      expect(out.status).toBe(200);
      const results = out.json().results;
      expect(results.map((r: { success: boolean }) => r.success)).toEqual([true, false, false]);
      expect(typeof results[1].errors.httpCode).toBe(asString ? 'string' : 'number');
      expect(results[1].errors).toMatchObject({ errorCode: 'FORBIDDEN', errorMessage: expect.any(String) });
      expect(results[1].errors).toHaveProperty('error');
      conforms('dissociateBadgesFromUsers', out);
      const back = await call('POST', `/users/${DEMO_USER_ID}/badges/associate`, { json: { badgeIds: [held] } });
      conforms('associateBadgesToUsers', back);
    },
  );

  it('label changes answer as the spec says', async () => {
    const label = ZYLKER_LABELS.vip;
    const assigned = await call('POST', `/users/${DEMO_USER_ID}/labels/assign`, {
      json: { labels: [{ id: label, isPrimary: false }] },
    });
    expect(assigned.status).toBe(200);
    conforms('assignLabelsToUser', assigned);
    const removed = await call('POST', `/users/${DEMO_USER_ID}/labels/remove`, { json: { labelIds: [label] } });
    expect(removed.status).toBe(200);
    conforms('removeLabelsFromUser', removed);
  });

  it('a help center that does not exist answers 404 as getHelpCenter says', async () => {
    const res = await call('GET', '/helpCenters/123');
    expect(res.status).toBe(404);
    conforms('getHelpCenter', res);
  });

  it.each([
    ['getUsers', '/users?limit=51'],
    ['getUsers', '/users?helpCenterId=7000000099999'],
    ['getUserDetails', `/users/${DEMO_USER_ID}?helpCenterId=${PARTNERS_HC_ID}`],
    ['getBadges', '/badges?from=0'],
    ['getUserLabels', `/users/${DEMO_USER_ID}/labels?extra=1`],
  ])('a request %s refuses answers 422 as the spec says: %s', async (operationId, path) => {
    const res = await call('GET', path);
    expect(res.status).toBe(422);
    conforms(operationId, res);
  });

  it.each([403, 422] as const)('an ID of the wrong kind answers %i as the spec says', async (status) => {
    t.sandbox.state.configure({ wrongKindStatus: status });
    const user = await call('GET', `/users/${COMMUNITY_HC_ID}`);
    expect(user.status).toBe(status);
    conforms('getUserDetails', user);
    if (status === 403) conforms('getHelpCenter', await call('GET', `/helpCenters/${DEMO_USER_ID}`));
  });

  it('an empty badge list answers 422 as dissociate says', async () => {
    const res = await call('POST', `/users/${DEMO_USER_ID}/badges/dissociate`, { json: { badgeIds: [] } });
    expect(res.status).toBe(422);
    conforms('dissociateBadgesFromUsers', res);
  });

  it('errors carry one of the spec’s error codes, the rate limit THRESHOLD_EXCEEDED', async () => {
    const bodies: unknown[] = [];
    bodies.push((await desk(t.sandbox, null, 'GET', '/organizations')).json());
    bodies.push((await call('GET', '/nothing/here')).json());
    bodies.push((await call('DELETE', `/users/${DEMO_USER_ID}/badges`)).json());
    t.sandbox.state.configure({ dailyCredits: 0 });
    const limited = await call('GET', `/users/${DEMO_USER_ID}`);
    expect(limited.status).toBe(429);
    expect(limited.json().errorCode).toBe('THRESHOLD_EXCEEDED');
    bodies.push(limited.json());
    for (const body of bodies) expect(spec.checkSchema(ERROR_BODY, body)).toEqual([]);
  });

  it('too many calls at once is TOO_MANY_REQUESTS, a code only Common.json lists', async () => {
    t.sandbox.state.configure({ concurrencyLimit: 1, latencyMs: 100 });
    const [first, second] = await Promise.all([call('GET', `/users/${DEMO_USER_ID}`), call('GET', '/users')]);
    const limited = [first, second].find((r) => r.status === 429)!;
    expect(limited.json().errorCode).toBe('TOO_MANY_REQUESTS');
    expect(spec.checkSchema('Common.json#/components/schemas/errorJson', limited.json())).toEqual([]);
    expect(spec.checkSchema(ERROR_BODY, limited.json())).not.toEqual([]);
  });
});

/** The reply with the example's spellings turned into the schema's, to check nothing else differs. */
function asSchema(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(asSchema);
  if (body === 'true' || body === 'false') return body === 'true';
  if (body === null || typeof body !== 'object') return body;
  const renamed: Record<string, string> = { photoURL: 'photoUrl', type: 'userType' };
  // The examples give a user's type as a one-item list (`["ENDUSER"]`), the schema as a string.
  const unwrapped = (key: string, value: unknown) => (key === 'type' && Array.isArray(value) ? value[0] : value);
  return Object.fromEntries(
    Object.entries(body)
      .filter(([key]) => key !== 'levelName')
      .map(([key, value]) => [renamed[key] ?? key, asSchema(unwrapped(key, value))]),
  );
}

/** Every key of `value` appears in `example` with the same JSON type (null matches anything), deeply. */
function keysWithin(value: unknown, example: unknown, at = ''): string[] {
  if (value === null || example === null || example === undefined) return [];
  if (Array.isArray(value))
    return Array.isArray(example) ? keysWithin(value[0], example[0], `${at}/0`) : [`${at}: array, example not`];
  if (typeof value === 'object') {
    if (typeof example !== 'object' || Array.isArray(example)) return [`${at}: object, example not`];
    return Object.entries(value).flatMap(([key, v]) =>
      key in example
        ? keysWithin(v, (example as Record<string, unknown>)[key], `${at}/${key}`)
        : [`${at}/${key} not in the example`],
    );
  }
  return typeof value === typeof example ? [] : [`${at}: ${typeof value}, example ${typeof example}`];
}

describe("with the shapes of Zoho's examples", () => {
  beforeEach(() => t.sandbox.state.configure({ replyShapes: 'examples' }));

  it('the switch has exactly the two values', () => {
    expect(REPLY_SHAPES).toEqual(['schema', 'examples']);
  });

  it.each(
    READS.filter(([op]) =>
      ['getUserBadges', 'getBadges', 'getUsers', 'getUserDetails', 'getOrganizations'].includes(op),
    ),
  )(
    '%s %s is spelled as the example, and differs from the schema only there',
    async (operationId, method, path, org) => {
      const res = await call(method, path(), org === 'none' ? { orgId: null } : {});
      expect(res.status).toBe(200);
      expect(keysWithin(res.json(), spec.example(operationId, 200))).toEqual([]);
      const body = asSchema(res.json());
      const wrapped = operationId === 'getUserBadges' ? { data: body } : body;
      expect(spec.check(operationId, 200, wrapped)).toEqual([]);
    },
  );

  it('the user badge list is a bare array, as the example shows; the schema wants {data}', async () => {
    const res = await call('GET', `/users/${DEMO_USER_ID}/badges`);
    expect(Array.isArray(res.json())).toBe(true);
    expect(Array.isArray(spec.example('getUserBadges', 200))).toBe(true);
    expect(spec.check('getUserBadges', 200, res.json())).not.toEqual([]);
  });
});

describe("the loader reads Zoho's files as Zoho means them", () => {
  it("accepts Zoho's own examples where schema and example agree", () => {
    for (const op of ['getUserLabels', 'dissociateBadgesFromUsers', 'associateBadgesToUsers', 'assignLabelsToUser'])
      expect(spec.check(op, 200, spec.example(op, 200)), op).toEqual([]);
  });

  it('still refuses a field the schema does not list, and a missing required one', () => {
    const user = asSchema(spec.example('getUserDetails', 200)) as Record<string, unknown>;
    expect(spec.check('getUserDetails', 200, { ...user, contactIdd: '1' }).join()).toContain('unevaluated');
    const { status: _status, ...withoutStatus } = user;
    expect(spec.check('getUserDetails', 200, withoutStatus).join()).toContain("required property 'status'");
  });
});

describe('compositions with a closed branch and Unicode patterns, as in the newest files', () => {
  it('a help center list item and a contact take the fields of every branch, and no others', async () => {
    const centers = (await call('GET', '/helpCenters')).json();
    expect(spec.check('getAllHelpCenters', 200, centers)).toEqual([]);
    const extra = { data: [{ ...centers.data[0], portalName: 'zylkercommunity' }] };
    expect(spec.check('getAllHelpCenters', 200, extra).join()).toContain('unevaluated');
    const contact = (await call('GET', `/contacts/${t.sandbox.state.data.users[0]!.contactId}`)).json();
    expect(spec.check('getContact', 200, contact)).toEqual([]);
    expect(spec.check('getContact', 200, { ...contact, emailAddress: contact.email }).join()).toContain('unevaluated');
  });

  it("reads a contact's email pattern with its Unicode classes (\\p{L})", async () => {
    const contact = (await call('GET', `/contacts/${t.sandbox.state.data.users[0]!.contactId}`)).json();
    expect(spec.check('getContact', 200, { ...contact, email: 'zoë.ñúñez@example.com' })).toEqual([]);
    expect(spec.check('getContact', 200, { ...contact, email: 'not an address' }).join()).toContain('pattern');
  });
});
