import { describe, expect, it } from 'vitest';
import {
  BOTH_HELP_CENTERS_USER_ID,
  COMMUNITY_HC_ID,
  DEMO_USER_ID,
  NO_BADGES_USER_ID,
  PARTNERS_HC_ID,
  ZYLKER_BADGES,
  ZYLKER_LABELS,
  ZYLKER_LABS_ORG_ID,
} from '../../sandbox/data';
import { connect, connectedSandboxPerFile, desk, type TestSandbox } from './helpers';

let t: TestSandbox;
let token: string;
connectedSandboxPerFile((sandbox, accessToken) => {
  t = sandbox;
  token = accessToken;
});

const get = (path: string, o = {}) => desk(t.sandbox, token, 'GET', path, o);
const user = (id: string) => t.sandbox.state.data.users.find((u) => u.id === id)!;

describe('authentication, orgId and scopes', () => {
  it('answers 401 UNAUTHORIZED without a token and INVALID_OAUTH for an unknown one, without rate headers', async () => {
    const none = await desk(t.sandbox, null, 'GET', '/organizations');
    expect(none.status).toBe(401);
    expect(none.json()).toEqual({
      errorCode: 'UNAUTHORIZED',
      message: 'You are not authenticated to perform this operation.',
    });
    expect(none.headers['x-rate-limit-remaining-v3']).toBeUndefined();
    const fake = await desk(t.sandbox, '1000.fake.fake', 'GET', '/organizations');
    expect(fake.status).toBe(401);
    expect(fake.json()).toEqual({ errorCode: 'INVALID_OAUTH', message: 'The OAuth Token you provided is invalid.' });
  });

  it('answers INVALID_OAUTH once the access token has expired', async () => {
    expect((await get(`/users/${DEMO_USER_ID}`)).status).toBe(200);
    t.clock.advance(3600_000);
    const res = await get(`/users/${DEMO_USER_ID}`);
    expect(res.status).toBe(401);
    expect(res.json().errorCode).toBe('INVALID_OAUTH');
  });

  it('lists organizations without an orgId header; isDefault a boolean, or a string as in the example', async () => {
    const res = await get('/organizations', { orgId: null });
    expect(res.status).toBe(200);
    expect(res.json().data).toEqual([
      expect.objectContaining({
        id: '60001234567',
        companyName: 'Zylker',
        portalName: 'zylker',
        isDefault: true,
        edition: 'PROFESSIONAL',
      }),
    ]);
    t.sandbox.state.configure({ replyShapes: 'examples' });
    expect((await get('/organizations', { orgId: null })).json().data[0].isDefault).toBe('true');
    t.sandbox.state.configure({ replyShapes: 'schema' });
    t.sandbox.state.configure({ orgs: 2 });
    const two = (await get('/organizations', { orgId: null })).json().data;
    expect(two.map((o: { id: string }) => o.id)).toEqual(['60001234567', ZYLKER_LABS_ORG_ID]);
    expect(two[1].isDefault).toBe(false);
  });

  it('requires the orgId header everywhere else, and refuses an org the account is not in', async () => {
    const missing = await get('/helpCenters', { orgId: null });
    expect(missing.status).toBe(400);
    expect(missing.json()).toEqual({ errorCode: 'INVALID_DATA', message: 'orgId header is missing' });
    const labs = await get('/helpCenters', { orgId: ZYLKER_LABS_ORG_ID });
    expect(labs.status).toBe(403);
    expect(labs.json().errorCode).toBe('OAUTH_ORG_MISMATCH');
    t.sandbox.state.configure({ orgs: 2 });
    const labsNow = await get('/helpCenters', { orgId: ZYLKER_LABS_ORG_ID });
    expect(labsNow.json().data.map((h: { name: string }) => h.name)).toEqual(['Zylker Labs Beta Community']);
  });

  it('answers SCOPE_MISMATCH when the token has none of the endpoint scopes', async () => {
    t.sandbox.state.configure({ grantedScopes: ['Desk.basic.READ'] });
    const narrow = (await connect(t.sandbox)).accessToken;
    expect((await desk(t.sandbox, narrow, 'GET', `/users/${DEMO_USER_ID}`)).status).toBe(200);
    const badges = await desk(t.sandbox, narrow, 'GET', `/users/${DEMO_USER_ID}/badges`);
    expect(badges.status).toBe(403);
    expect(badges.json().errorCode).toBe('SCOPE_MISMATCH');
    const remove = await desk(t.sandbox, narrow, 'POST', `/users/${DEMO_USER_ID}/badges/dissociate`, {
      json: { badgeIds: [ZYLKER_BADGES.newcomer] },
    });
    expect(remove.json().errorCode).toBe('SCOPE_MISMATCH');
    expect(user(DEMO_USER_ID).badgeIds).toContain(ZYLKER_BADGES.newcomer);
    // Desk.settings.ALL covers Desk.settings.READ.
    t.sandbox.state.configure({ grantedScopes: ['Desk.settings.ALL'] });
    const all = (await connect(t.sandbox, { prompt: 'consent' })).accessToken;
    expect((await desk(t.sandbox, all, 'GET', `/users/${DEMO_USER_ID}/badges`)).status).toBe(200);
  });

  it('answers 404 URL_NOT_FOUND for unknown paths and 405 for a wrong verb', async () => {
    const unknown = await get('/badges/everything');
    expect(unknown.status).toBe(404);
    expect(unknown.json().errorCode).toBe('URL_NOT_FOUND');
    const verb = await get(`/users/${DEMO_USER_ID}/badges/dissociate`);
    expect(verb.status).toBe(405);
    expect(verb.json().errorCode).toBe('METHOD_NOT_ALLOWED');
  });
});

describe('help centers and users', () => {
  it('lists help centers, and can pretend the endpoint does not exist', async () => {
    const res = (await get('/helpCenters')).json();
    expect(res.data.map((h: { id: string }) => h.id)).toEqual([COMMUNITY_HC_ID, PARTNERS_HC_ID]);
    expect(res.data[0].translateSettings).toBeUndefined();
    const translated = (await get('/helpCenters?include=translateSettings')).json().data;
    expect(translated[0].translateSettings).toEqual({ translateMode: 'MANUAL', autoTranslateSettings: [] });
    t.sandbox.state.configure({ routes: { helpCenters: false } });
    const off = await get('/helpCenters');
    expect(off.status).toBe(404);
    expect(off.json().errorCode).toBe('URL_NOT_FOUND');
  });

  it('serves the Help Center DELETE (in no Zoho spec file) only when switched on', async () => {
    const path = `/helpcenter/${COMMUNITY_HC_ID}/users/${DEMO_USER_ID}/badges?badgeIds=${ZYLKER_BADGES.newcomer}`;
    expect((await desk(t.sandbox, token, 'DELETE', path)).status).toBe(404);
    t.sandbox.state.configure({ routes: { helpCenterDelete: true } });
    expect((await desk(t.sandbox, token, 'DELETE', path)).status).toBe(200);
  });

  it('can be made to take every badge on a removal (the safety net is tested against it)', async () => {
    t.sandbox.state.configure({ removalTakesAll: true });
    await desk(t.sandbox, token, 'POST', `/users/${DEMO_USER_ID}/badges/dissociate`, {
      json: { badgeIds: [ZYLKER_BADGES.newcomer] },
    });
    expect(user(DEMO_USER_ID).badgeIds).toEqual([]);
  });

  it("lists the organization's badges (GET /badges)", async () => {
    const res = await get('/badges');
    expect(res.status).toBe(200);
    const ids = (res.json() as { id: string }[]).map((b) => b.id);
    expect(ids).toEqual(expect.arrayContaining(Object.values(ZYLKER_BADGES)));
    const custom = (await get('/badges?type=custom')).json() as { isCustom: boolean }[];
    expect(custom.map((b) => b.isCustom)).toEqual([true, true, true, true]);
    expect(((await get('/badges?type=default')).json() as unknown[]).length).toBe(5);
  });

  it('serves per-item httpCode as a string when switched', async () => {
    t.sandbox.state.configure({ itemHttpCodeAsString: true });
    const res = await desk(t.sandbox, token, 'POST', `/users/${NO_BADGES_USER_ID}/badges/dissociate`, {
      json: { badgeIds: [ZYLKER_BADGES.mvp2026] },
    });
    expect(res.json().results[0].errors.httpCode).toBe('422');
  });

  it('reads one help center by ID; another ID is 404', async () => {
    const one = await get(`/helpCenters/${COMMUNITY_HC_ID}`);
    expect(one.status).toBe(200);
    expect(one.json()).toMatchObject({ id: COMMUNITY_HC_ID, name: expect.any(String) });
    expect((await get(`/helpCenters/${DEMO_USER_ID}`)).status).toBe(404);
  });

  it('pages /users with from and limit (max 50), and counts as a string', async () => {
    const first = (await get('/users?from=1&limit=10&include=count')).json();
    expect(first.data).toHaveLength(10);
    expect(first.count).toBe('24');
    expect(first.data[0]).toMatchObject({
      id: DEMO_USER_ID,
      name: 'Carol Diaz',
      emailAddress: 'carol.diaz@example.com',
      userType: 'ENDUSER',
    });
    expect(first.data[0].contactId).toBeUndefined();
    expect(first.data[0].label).toMatchObject({ name: 'Lock Label', id: ZYLKER_LABELS.lock });
    const third = (await get('/users?from=21&limit=10')).json();
    expect(third.data).toHaveLength(4);
    expect(third.count).toBeUndefined();
    for (const bad of ['limit=51', 'limit=0', 'from=0', 'from=x']) {
      const res = await get(`/users?${bad}`);
      expect(res.status, bad).toBe(422);
      expect(res.json().errorCode).toBe('UNPROCESSABLE_ENTITY');
    }
    expect((await get('/users?limit=51')).json().message).toBe(
      "The value passed for field 'limit' exceeds the range of '1-50'.",
    );
    const empty = await get('/users?from=100');
    expect(empty.status).toBe(204);
    expect(empty.text).toBe('');
  });

  it('searches by name or email (2+ characters, case-insensitive) and filters by help center', async () => {
    const carols = (await get('/users?searchBy=CAROL')).json().data;
    expect(carols.map((u: { name: string }) => u.name)).toEqual(['Carol Diaz', 'Carol Nguyen']);
    const byEmail = (await get('/users?searchBy=ana.souza@example.com')).json().data;
    expect(byEmail.map((u: { id: string }) => u.id)).toEqual([BOTH_HELP_CENTERS_USER_ID]);
    expect((await get('/users?searchBy=a')).status).toBe(422);
    expect((await get('/users?searchBy=nobody-here')).status).toBe(204);
    // Last activity in a GMT range (the demo users were last active on 2026-02-01 to 2026-02-24).
    const late = (await get('/users?lastActivityStartTime=2026-02-23T00:00:00Z')).json().data;
    expect(late.map((u: { name: string }) => u.name)).toEqual(['Wen Li', 'Carol Nguyen']);
    const early = (await get('/users?lastActivityEndTime=2026-02-01T23:59:59Z')).json().data;
    expect(early.map((u: { name: string }) => u.name)).toEqual(['Carol Diaz']);
    const partners = (await get(`/users?helpCenterId=${PARTNERS_HC_ID}`)).json().data;
    expect(partners.map((u: { name: string }) => u.name)).toEqual([
      'Ana Souza',
      'Hiro Tanaka',
      'Nadia Petrova',
      'Tomoko Sato',
    ]);
    expect((await get('/users?helpCenterId=7000000099999')).json().errorCode).toBe('INVALID_DATA');
    const disabled = (await get('/users?status=DISABLED')).json().data;
    expect(disabled.map((u: { name: string }) => u.name)).toEqual(['Grace Kim', 'Quentin Blake']);
    const sorted = (await get('/users?sortBy=-email&limit=2')).json().data;
    expect(sorted.map((u: { emailAddress: string }) => u.emailAddress)).toEqual([
      'wen.li@example.com',
      'victor.hugo@example.com',
    ]);
  });

  it('filters users by status: ACTIVE, DISABLED, DELETED or ALL; without one, every user but the deleted', async () => {
    const names = async (query: string) =>
      (await get(`/users?limit=50&include=count${query}`)).json() as { data: { name: string }[]; count: string };
    expect((await names('')).count).toBe('24');
    const active = await names('&status=ACTIVE');
    expect(active.count).toBe('22');
    expect(active.data.map((u) => u.name)).not.toContain('Grace Kim');
    expect((await names('&status=DISABLED')).data.map((u) => u.name)).toEqual(['Grace Kim', 'Quentin Blake']);
    const deleted = (await names('&status=DELETED')).data;
    expect(deleted.map((u) => u.name)).toEqual(['Xavier Dupont', 'Yuki Mori']);
    expect(deleted.map((u) => (u as unknown as { status: string }).status)).toEqual(['DELETED', 'DELETED']);
    expect((await names('&status=ALL')).count).toBe('26');
    expect((await get('/users?status=active')).status).toBe(422);
    // A deleted user is still there to read by ID.
    const id = t.sandbox.state.data.users.find((u) => u.name === 'Xavier Dupont')!.id;
    expect((await get(`/users/${id}`)).json().status).toBe('DELETED');
  });

  it('gets one user as a bare object with email[] and contactId, spelled as the schema or the example', async () => {
    const res = (await get(`/users/${DEMO_USER_ID}`)).json();
    expect(res).toMatchObject({
      id: DEMO_USER_ID,
      name: 'Carol Diaz',
      contactId: '3313135931139',
      email: [{ emailAddress: 'carol.diaz@example.com', isPrimary: true, isVerified: false }],
      photoUrl: 'https://desk.zoho.com/portal/api/portalUser/17883000000094001/photo',
      userType: 'ENDUSER',
      status: 'ACTIVE',
    });
    expect(res.emailAddress).toBeUndefined();
    t.sandbox.state.configure({ replyShapes: 'examples' });
    expect((await get(`/users/${DEMO_USER_ID}`)).json()).toMatchObject({
      email: [{ emailAddress: 'carol.diaz@example.com', isPrimary: 'true', isVerified: 'false' }],
      photoURL: 'https://desk.zoho.com/portal/api/portalUser/17883000000094001/photo',
      type: ['ENDUSER'],
    });
    expect((await get('/users/999999999999')).status).toBe(404);
    expect((await get(`/users/${DEMO_USER_ID}?helpCenterId=${PARTNERS_HC_ID}`)).json().errorCode).toBe('INVALID_DATA');
  });

  it('gets a contact', async () => {
    expect((await get('/contacts/3313135931139')).json()).toMatchObject({
      id: '3313135931139',
      email: 'carol.diaz@example.com',
      firstName: 'Carol',
      lastName: 'Diaz',
    });
    expect((await get('/contacts/3313135931199')).json().email).toBe('liam.walsh@example.com');
    expect((await get('/contacts/1')).status).toBe(404);
  });
});

describe('labels stay separate from badges', () => {
  it('removing the "Beta Tester" badge leaves the "Beta Tester" label, and the other way round', async () => {
    await desk(t.sandbox, token, 'POST', `/users/${DEMO_USER_ID}/badges/dissociate`, {
      json: { badgeIds: [ZYLKER_BADGES.betaTester] },
    });
    expect(user(DEMO_USER_ID).badgeIds).not.toContain(ZYLKER_BADGES.betaTester);
    expect(user(DEMO_USER_ID).labelIds).toEqual([ZYLKER_LABELS.lock, ZYLKER_LABELS.betaTester]);
    const labels = (await get(`/users/${DEMO_USER_ID}/labels`)).json().data;
    expect(labels.map((l: { name: string }) => l.name)).toEqual(['Lock Label', 'Beta Tester']);

    // Sending a label id to the badge route fails per item and touches nothing.
    const confused = await desk(t.sandbox, token, 'POST', `/users/${DEMO_USER_ID}/badges/dissociate`, {
      json: { badgeIds: [ZYLKER_LABELS.betaTester] },
    });
    expect(confused.json().results[0]).toMatchObject({ success: false, errors: { errorCode: 'INVALID_DATA' } });
    expect(user(DEMO_USER_ID).labelIds).toContain(ZYLKER_LABELS.betaTester);

    const removeLabel = await desk(t.sandbox, token, 'POST', `/users/${DEMO_USER_ID}/labels/remove`, {
      json: { labelIds: [ZYLKER_LABELS.lock] },
    });
    expect(removeLabel.json().results).toEqual([{ success: true, id: ZYLKER_LABELS.lock, errors: null }]);
    expect(user(DEMO_USER_ID).labelIds).toEqual([ZYLKER_LABELS.betaTester]);
    expect(user(DEMO_USER_ID).badgeIds).toEqual([
      ZYLKER_BADGES.newcomer,
      ZYLKER_BADGES.risingStar,
      ZYLKER_BADGES.topContributor,
    ]);

    await desk(t.sandbox, token, 'POST', `/users/${DEMO_USER_ID}/labels/assign`, {
      json: { labels: [{ id: ZYLKER_LABELS.vip, isPrimary: false }] },
    });
    expect(user(DEMO_USER_ID).labelIds).toEqual([ZYLKER_LABELS.betaTester, ZYLKER_LABELS.vip]);
    // A label assigned as primary becomes the one user payloads show.
    await desk(t.sandbox, token, 'POST', `/users/${DEMO_USER_ID}/labels/assign`, {
      json: { labels: [{ id: ZYLKER_LABELS.lock, isPrimary: true }] },
    });
    expect((await get(`/users/${DEMO_USER_ID}`)).json().label.name).toBe('Lock Label');
    const holders = (await get(`/labels/${ZYLKER_LABELS.vip}/users`)).json().data;
    expect(holders.map((u: { id: string }) => u.id)).toContain(DEMO_USER_ID);
    // Every label call is visible in the log, so tests can prove the extension never made one.
    const labelCalls = await t.control.requests({ path: /\/labels/ });
    expect(labelCalls.map((e) => `${e.method} ${e.path}`)).toEqual([
      `GET /api/v1/users/${DEMO_USER_ID}/labels`,
      `POST /api/v1/users/${DEMO_USER_ID}/labels/remove`,
      `POST /api/v1/users/${DEMO_USER_ID}/labels/assign`,
      `POST /api/v1/users/${DEMO_USER_ID}/labels/assign`,
      `GET /api/v1/labels/${ZYLKER_LABELS.vip}/users`,
    ]);
  });

  it("searches a label's holders by name or email, and a user's labels by name", async () => {
    const searched = (await get(`/labels/${ZYLKER_LABELS.vip}/users?searchBy=ana`)).json().data;
    expect(searched.map((u: { id: string }) => u.id)).toEqual([BOTH_HELP_CENTERS_USER_ID]);
    const byName = (await get(`/users/${DEMO_USER_ID}/labels?searchBy=beta`)).json().data;
    expect(byName.map((l: { name: string }) => l.name)).toEqual(['Beta Tester']);
  });
});
