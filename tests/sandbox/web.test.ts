import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNITY_HC_ID, DEMO_USER_ID, NON_USER_CONTACT_ID, PARTNERS_HC_ID } from '../../sandbox/data';
import { call, startTestSandbox, type TestSandbox } from './helpers';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.sandbox.close());

const SHAPES = [
  `/agent/zylker/zylker/setup#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users/${DEMO_USER_ID}`,
  `/agent/zylker/zylker/setup#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users`,
  `/agent/zylker/zylker/setup/channels/helpcenter/${COMMUNITY_HC_ID}/users/${DEMO_USER_ID}`,
  `/support/zylker/ShowHomePage.do#Setup/helpcenter/${COMMUNITY_HC_ID}/users/${DEMO_USER_ID}`,
  `/agent/zylker/zylker/setup#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users/portaluser/17883000000094001`,
  '/agent/zylker/zylker/contacts/details/3313135931139',
  '/agent/zylker/zylker/tickets',
  '/agent/zylker/zylker/busy?nodes=100',
];

describe('Desk web pages', () => {
  it("lets a page's scripts load the extension's files only where the test asks (?scripts=any)", async () => {
    const path = '/agent/zylker/zylker/setup';
    const strict = await call(t.sandbox, { host: 'desk.zoho.com', path });
    expect(strict.headers['content-security-policy']).not.toContain('chrome-extension:');
    const lax = await call(t.sandbox, { host: 'desk.zoho.com', path: `${path}?scripts=any` });
    expect(lax.headers['content-security-policy']).toContain(
      "script-src 'unsafe-inline' chrome-extension: moz-extension:",
    );
    expect(lax.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it.each(SHAPES)('serves the agent app for %s on every Desk host', async (url) => {
    // The fragment never reaches a server; the app reads it in the browser.
    const path = url.split('#')[0]!;
    for (const host of [
      'desk.zoho.com',
      'desk.zoho.eu',
      'desk.zohocloud.ca',
      'zylker.zohodesk.com',
      'support.zylker.example',
    ]) {
      const res = await call(t.sandbox, { host, path });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toContain("script-src 'unsafe-inline'");
      expect(res.text).toContain('<title>Zoho Desk (sandbox)</title>');
      expect(res.text).toContain('<span class="brand">Zoho Desk (sandbox)</span>');
      expect(res.text).toContain('<nav id="leftnav"');
      expect(res.text).toContain('history.pushState');
    }
  });

  it("on a portal's zohodesk address serves the agent app, never the API", async () => {
    const api = await call(t.sandbox, { host: 'zylker.zohodesk.com', path: '/api/v1/organizations' });
    expect(api.status).toBe(404);
    expect(api.text).toContain('Not a Zoho host');
    expect(t.sandbox.hostNames).toEqual(expect.arrayContaining(['zylker.zohodesk.com', 'zylker.zohodesk.eu']));
  });

  it('answers other paths with 404 and serves badge icons and photos as SVG', async () => {
    expect((await call(t.sandbox, { host: 'desk.zoho.com', path: '/nothing/here' })).status).toBe(404);
    const icon = await call(t.sandbox, { host: 'desk.zoho.com', path: '/portal/api/publicImages/6' });
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.text).toContain('<svg');
    const photo = await call(t.sandbox, {
      host: 'desk.zoho.com',
      path: '/portal/api/portalUser/17883000000094001/photo',
    });
    expect(photo.headers['content-type']).toBe('image/svg+xml');
    for (const host of ['desk.zoho.com', 'accounts.zoho.eu'])
      expect((await call(t.sandbox, { host, path: '/favicon.ico' })).status).toBe(200);
  });

  it('gives the pages live user data, by user id and by portal user id', async () => {
    const byId = (
      await call(t.sandbox, { host: 'desk.zoho.com', path: `/__sandbox/web/users/${DEMO_USER_ID}` })
    ).json();
    expect(byId).toMatchObject({
      id: DEMO_USER_ID,
      name: 'Carol Diaz',
      helpCenters: [{ id: COMMUNITY_HC_ID, name: 'Zylker Community' }],
    });
    expect(byId.badges.map((b: { name: string }) => b.name)).toEqual([
      'Newcomer',
      'Rising Star',
      'Top Contributor',
      'Beta Tester',
    ]);
    expect(byId.labels.map((l: { name: string }) => l.name)).toEqual(['Lock Label', 'Beta Tester']);
    const byPortalUser = (
      await call(t.sandbox, { host: 'desk.zoho.com', path: '/__sandbox/web/portal-users/17883000000094001' })
    ).json();
    expect(byPortalUser.id).toBe(DEMO_USER_ID);
    const list = (
      await call(t.sandbox, { host: 'desk.zoho.com', path: `/__sandbox/web/helpcenters/${PARTNERS_HC_ID}/users` })
    ).json();
    expect(list.users).toHaveLength(4);
  });

  it('gives contact pages their Help Center membership', async () => {
    const both = (
      await call(t.sandbox, { host: 'desk.zoho.com', path: '/__sandbox/web/contacts/3313135931141' })
    ).json();
    expect(both.helpCenters.map((h: { name: string }) => h.name)).toEqual(['Zylker Community', 'Zylker Partners']);
    const none = (
      await call(t.sandbox, { host: 'desk.zoho.com', path: `/__sandbox/web/contacts/${NON_USER_CONTACT_ID}` })
    ).json();
    expect(none).toMatchObject({ firstName: 'Liam', userId: null, helpCenters: [] });
  });

  it('does not log the page-data calls, but logs the page loads', async () => {
    await t.control.clearRequests();
    await call(t.sandbox, { host: 'desk.zoho.com', path: '/agent/zylker/zylker/tickets' });
    await call(t.sandbox, { host: 'desk.zoho.com', path: `/__sandbox/web/users/${DEMO_USER_ID}` });
    expect((await t.control.requests()).map((e) => `${e.face} ${e.path}`)).toEqual([
      'desk-web /agent/zylker/zylker/tickets',
    ]);
  });
});
