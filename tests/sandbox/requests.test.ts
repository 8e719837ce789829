/**
 * Requests as Zoho checks them: the sandbox's rule table against Zoho's newest OpenAPI files, and the 422s it
 * answers to a request that breaks a rule.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_USER_ID, ZYLKER_BADGES, ZYLKER_ORG_ID } from '../../sandbox/data';
import { DESK_ENDPOINTS } from '../../sandbox/desk';
import type { ParamRule } from '../../sandbox/desk/params';
import { call, deskPerFile } from './helpers';
import { loadDeskSpec } from './oas';

const spec = loadDeskSpec();
const d = deskPerFile();

const post = (path: string, json: unknown) => d.call('POST', path, { json });

/** The rule keys the sandbox copies from Zoho's files, types as a sorted list (Zoho sometimes gives one bare). */
function shape(schema: unknown): unknown {
  if (schema === null || typeof schema !== 'object') return schema;
  const s = schema as Record<string, unknown>;
  const copied = ['minimum', 'maximum', 'enum', 'default', 'pattern', 'maxLength', 'minItems', 'maxItems'];
  const out: Record<string, unknown> = Object.fromEntries(
    copied.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]),
  );
  if (s.type !== undefined) out.type = [s.type].flat().sort();
  if (s.items !== undefined) out.items = shape(s.items);
  if (s.properties !== undefined)
    out.properties = Object.fromEntries(Object.entries(s.properties as object).map(([k, v]) => [k, shape(v)]));
  if (s.required !== undefined) out.required = [...(s.required as string[])].sort();
  if (s.additionalProperties === false) out.additionalProperties = false;
  return out;
}

const byPlace = (params: readonly { name: string; in: string; required?: boolean; schema: unknown }[]) =>
  params
    .filter((p) => p.in === 'query' || p.in === 'path')
    .map((p) => ({ name: p.name, in: p.in, required: p.required === true, schema: shape(p.schema) }))
    .sort((a, b) => `${a.in} ${a.name}`.localeCompare(`${b.in} ${b.name}`));

describe("the sandbox's rule table is what Zoho's newest files declare (and its scopes theirs)", () => {
  const published = DESK_ENDPOINTS.filter((e) => e.published !== false);

  it.each(published.map((e) => [e.operationId, e] as const))('%s', (operationId, endpoint) => {
    const op = spec.operation(operationId);
    expect(`${endpoint.method} ${endpoint.path}`).toBe(`${op.method} ${op.path}`);
    // The spec's scopes; the sandbox asks for any one of them (Zoho's guide reads such lists as any-of).
    expect([...endpoint.scopes].sort()).toEqual([...op.scopes].sort());
    expect(byPlace(endpoint.params)).toEqual(byPlace(op.parameters));
    expect(shape(endpoint.body)).toEqual(shape(op.body));
  });

  it('serves each operation once, and names the route no file has as unpublished', () => {
    const ids = DESK_ENDPOINTS.map((e) => e.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const unpublished = DESK_ENDPOINTS.filter((e) => e.published === false);
    expect(unpublished.map((e) => e.path)).toEqual(['/api/v1/helpcenter/{helpCenterId}/users/{userId}/badges']);
    for (const e of unpublished) expect(() => spec.operation(e.operationId)).toThrow(/no operation/);
  });

  it('the comparison sees a changed bound, default, type or name', () => {
    const users = DESK_ENDPOINTS.find((e) => e.operationId === 'getUsers')!;
    const expected = byPlace(spec.operation('getUsers').parameters);
    const changed = (f: (p: ParamRule) => ParamRule) => byPlace(users.params.map(f));
    const limit = (f: (p: ParamRule) => ParamRule) => (p: ParamRule) => (p.name === 'limit' ? f(p) : p);
    expect(changed(limit((p) => ({ ...p, schema: { ...p.schema, maximum: 100 } })))).not.toEqual(expected);
    expect(changed(limit((p) => ({ ...p, schema: { ...p.schema, default: 10 } })))).not.toEqual(expected);
    expect(changed(limit((p) => ({ ...p, schema: { ...p.schema, type: ['string'] } })))).not.toEqual(expected);
    expect(changed(limit((p) => ({ ...p, name: 'max' })))).not.toEqual(expected);
    expect(changed((p) => p)).toEqual(expected);
  });
});

describe('a request that breaks a rule gets Zoho’s 422, naming the field', () => {
  const refused = (field: string, message: string) => ({
    errorCode: 'UNPROCESSABLE_ENTITY',
    message,
    errors: [{ fieldName: `/${field}`, errorType: 'invalid', errorMessage: message }],
  });

  it('a limit out of range', async () => {
    const res = await d.get(`/users/${DEMO_USER_ID}/badges?limit=51`);
    expect(res.status).toBe(422);
    expect(res.json()).toEqual(refused('limit', "The value passed for field 'limit' exceeds the range of '1-50'."));
    expect((await d.get('/badges?limit=0')).json().message).toBe(
      "The value passed for field 'limit' exceeds the range of '1-50'.",
    );
  });

  it.each([
    ['/users?from=0', 'from', 'must be at least 1'],
    ['/users?from=x', 'from', 'must be an integer'],
    ['/users?limit=2.5', 'limit', 'must be an integer'],
    ['/users?status=GONE', 'status', 'must be one of ACTIVE, DISABLED, DELETED, ALL'],
    ['/users?sortBy=name', 'sortBy', 'is not in the expected format'],
    ['/users?include=everything', 'include', 'must be one of count'],
    ['/users?helpCenterId=abc', 'helpCenterId', 'is not in the expected format'],
    ['/users?lastActivityStartTime=yesterday', 'lastActivityStartTime', 'is not in the expected format'],
    [`/users/${DEMO_USER_ID}/badges?type=gold`, 'type', 'must be one of custom, default'],
    [`/users/${DEMO_USER_ID}/badges?sortBy=name`, 'sortBy', 'must be one of createdTime'],
    [`/users/${DEMO_USER_ID}/labels?isPrimary=yes`, 'isPrimary', 'must be true or false'],
    ['/users/carol', 'userId', 'is not in the expected format'],
    ['/helpCenters?include=everything', 'include', 'must be one of translateSettings'],
  ])('%s: %s %s', async (path, field, detail) => {
    const res = await d.get(path);
    expect(res.status).toBe(422);
    expect(res.json()).toEqual(refused(field, `The value passed for field '${field}' ${detail}.`));
  });

  it('a query parameter the operation does not declare', async () => {
    for (const path of [`/users/${DEMO_USER_ID}/badges?helpCenterId=1`, '/organizations?orgId=1', '/users?count=1']) {
      const res = await d.get(path, path.startsWith('/organizations') ? { orgId: null } : {});
      const name = new URL(path, 'https://x').searchParams.keys().next().value;
      expect(res.status, path).toBe(422);
      expect(res.json(), path).toEqual(refused(name!, `An extra parameter '${name}' is found`));
    }
  });

  it('a body whose badgeIds are missing, empty, not a list, not numeric, or beside another field', async () => {
    const path = `/users/${DEMO_USER_ID}/badges/dissociate`;
    const cases: [unknown, string, string, 'missing' | 'invalid'][] = [
      [{}, 'badgeIds', "No value was passed for field 'badgeIds'.", 'missing'],
      [{ badgeIds: [] }, 'badgeIds', "The value passed for field 'badgeIds' must list at least 1 value.", 'invalid'],
      [{ badgeIds: 'x' }, 'badgeIds', "The value passed for field 'badgeIds' must be a list.", 'invalid'],
      [
        { badgeIds: ['Newcomer'] },
        'badgeIds',
        "The value passed for field 'badgeIds' is not in the expected format.",
        'invalid',
      ],
      [
        { badgeIds: [ZYLKER_BADGES.newcomer], userId: DEMO_USER_ID },
        'userId',
        "An extra parameter 'userId' is found",
        'invalid',
      ],
    ];
    for (const [json, field, message, errorType] of cases) {
      const res = await post(path, json);
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(res.json()).toEqual({
        errorCode: 'UNPROCESSABLE_ENTITY',
        message,
        errors: [{ fieldName: `/${field}`, errorType, errorMessage: message }],
      });
    }
    // Numbers are IDs too.
    expect((await post(path, { badgeIds: [Number(ZYLKER_BADGES.bugHunter.slice(0, 15))] })).status).toBe(200);
    expect(d.t.sandbox.state.data.users.find((u) => u.id === DEMO_USER_ID)!.badgeIds).toHaveLength(4);
  });

  it('a label change takes its ids in a JSON body, as the spec says (the query form is refused)', async () => {
    const old = await d.call('POST', `/users/${DEMO_USER_ID}/labels/remove?labelIds=1`);
    expect(old.json().message).toBe("An extra parameter 'labelIds' is found");
    const none = await post(`/users/${DEMO_USER_ID}/labels/remove`, { labelIds: [] });
    expect(none.json().message).toBe("No value was passed for field 'labelIds'.");
  });

  it('every declared parameter, within its rules, is taken', async () => {
    const all =
      '/users?from=2&limit=3&searchBy=example&sortBy=-email&status=ALL&helpCenterId=7000000012001&include=count' +
      '&lastActivityStartTime=2026-02-01T00:00:00.000Z&lastActivityEndTime=2026-02-28T23:59:59Z';
    const res = await d.get(all);
    expect(res.status).toBe(200);
    expect(res.json().data).toHaveLength(3);
    const badges = await d.get(
      `/users/${DEMO_USER_ID}/badges?type=default&limit=2&from=1&sortBy=-createdTime&startTime=2025-01-01T00:00:00Z&endTime=2027-01-01T00:00:00Z`,
    );
    expect(badges.json().data.map((b: { id: string }) => b.id)).toEqual([
      ZYLKER_BADGES.topContributor,
      ZYLKER_BADGES.risingStar,
    ]);
  });
});

describe('orgId', () => {
  it('is taken from the orgId query parameter that Common.json declares, when no header is sent', async () => {
    const res = await d.get(`/users/${DEMO_USER_ID}?orgId=${ZYLKER_ORG_ID}`, { orgId: null });
    expect(res.status).toBe(200);
    expect(res.json().id).toBe(DEMO_USER_ID);
    const [logged] = await d.t.control.requests({ path: `/users/${DEMO_USER_ID}$` });
    expect(logged?.orgId).toBe(ZYLKER_ORG_ID);
    // The header still works, and wins.
    expect((await d.get(`/users/${DEMO_USER_ID}?orgId=1`)).status).toBe(200);
  });
});

describe("the spec loader's request check is the sandbox's", () => {
  it('flags what the sandbox refuses, and passes what it takes', async () => {
    const sent = { method: 'GET', path: `/api/v1/users/${DEMO_USER_ID}/badges` };
    expect(spec.checkRequest('getUserBadges', { ...sent, query: { limit: '50' } })).toEqual([]);
    expect(spec.checkRequest('getUserBadges', { ...sent, query: { limit: '100' } })).toEqual([
      "The value passed for field 'limit' exceeds the range of '1-50'.",
    ]);
    const res = await call(d.t.sandbox, {
      host: 'desk.zoho.com',
      path: `${sent.path}?limit=100`,
      headers: { Authorization: `Zoho-oauthtoken ${d.token}`, orgId: ZYLKER_ORG_ID },
    });
    expect(res.json().message).toBe("The value passed for field 'limit' exceeds the range of '1-50'.");
  });
});
