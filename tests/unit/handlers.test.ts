import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readAuditLog } from '../../utils/audit/audit';
import { INTERRUPTED_SETTLE_MS } from '../../utils/bulk/run-state';
import { bulkSettings } from '../../utils/bulk/settings';
import { bulkInFlightItem, bulkRunItem } from '../../utils/bulk/stored';
import { memorySecretStore } from '../../utils/connection/secret-store';
import { connectionItem, secretsExposureItem, settingsItem } from '../../utils/connection/stored';
import { createHandlers, type ServiceDeps } from '../../utils/handlers';
import { deskAddressesItem, pagePatternsItem } from '../../utils/page/stored';
import { dispatch } from '../../utils/platform/dispatch';
import { ZohoError } from '../../utils/platform/errors';
import type { DeskClient } from '../../utils/platform/zoho/desk-client';
import { PANEL_CONTEXT_TTL_MS, PANEL_NOT_OPENED } from '../../utils/removal/panel-frame';
import { removalSettings } from '../../utils/removal/settings';
import { routeByOrgItem } from '../../utils/removal/stored';
import { requests } from '../../utils/requests';

const RUNTIME_ID = 'cjheecimhjkgjkobijngojplcehhnajo';
const PAGE = { id: RUNTIME_ID, origin: `chrome-extension://${RUNTIME_ID}` };
const DESK = { id: RUNTIME_ID, origin: 'https://desk.zoho.eu', tab: { id: 5 }, frameId: 0 };
/** The removal panel its URL names: an extension page in a frame of the Desk tab (or a window's tab). */
const panelSender = (panelId: string, tabId = 5, frameId = 2) => ({
  id: RUNTIME_ID,
  origin: `chrome-extension://${RUNTIME_ID}`,
  url: `chrome-extension://${RUNTIME_ID}/removal-panel.html#${panelId}`,
  tab: { id: tabId },
  frameId,
});

function setup(replies: Record<string, unknown> = {}, over: Partial<ServiceDeps> = {}) {
  const calls: string[] = [];
  const secrets = memorySecretStore();
  const client: DeskClient = {
    async request(req) {
      calls.push(`${req.method} ${req.path}`);
      const raw = replies[`${req.method} ${req.path}`];
      return { status: 200, data: req.schema.parse(raw === undefined ? null : raw) as never };
    },
  };
  const deps: ServiceDeps = {
    auth: { connect: vi.fn(async () => ({}) as never), disconnect: vi.fn(async () => ({ revoked: true })) },
    client,
    secrets,
    redirectUri: () => `https://${RUNTIME_ID}.chromiumapp.org/`,
    openOptionsPage: vi.fn(async () => {}),
    now: () => 1000,
    newId: () => 'id-1',
    ...over,
  };
  const handlers = createHandlers(deps);
  const send = (type: string, input: unknown, sender: object = PAGE) =>
    dispatch(requests, handlers, { type, input }, sender, RUNTIME_ID, PAGE.origin);
  return { send, calls, deps, secrets };
}

async function connectedTo(org?: { id: string; name: string; portalName?: string }) {
  await connectionItem.setValue({
    state: 'connected',
    location: 'eu',
    clientId: '1000.ABCDEFGHIJKLMNOPQRSTUVWX',
    scopes: [],
    connectedAt: 5,
    ...(org ? { org } : {}),
  });
}

/** What a Desk page's control sends on a click, in a browser that reports visibility (Chromium). */
const opening = (context: object, tracksVisibility = true) => ({ context, tracksVisibility });

beforeEach(() => fakeBrowser.reset());

describe('service handlers', () => {
  it('reports the connection states', async () => {
    const { send } = setup();
    expect(await send('getStatus', {})).toMatchObject({ ok: true, value: { connection: 'disconnected' } });
    await connectedTo();
    expect(await send('getStatus', {})).toMatchObject({ value: { connection: 'choose-org' } });
    await connectedTo({ id: '1', name: 'Zylker' });
    expect(await send('getStatus', {})).toMatchObject({
      value: { connection: 'connected', dataCenter: { location: 'eu', label: 'Europe' }, org: { name: 'Zylker' } },
    });
  });

  it('never hands the client secret out', async () => {
    const { send, secrets } = setup();
    await send('saveSettings', { clientId: '1000.ABCDEFGHIJKLMNOPQRSTUVWX', clientSecret: 'topsecret' });
    const reply = await send('getSettings', {});
    expect(JSON.stringify(reply)).not.toContain('topsecret');
    expect(reply).toMatchObject({ value: { hasClientSecret: true } });
    // Kept in the secret store, never in storage.local, which content scripts can read.
    expect(await secrets.get('clientSecret')).toBe('topsecret');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('topsecret');
  });

  it('refuses a malformed client ID, an unknown data center and a bad pattern, saving nothing', async () => {
    const { send } = setup();
    for (const input of [{ clientId: 'abc' }, { dataCenter: 'uk' }, { customPagePatterns: ['/x/{nope}'] }]) {
      const reply = await send('saveSettings', input);
      expect(reply.ok).toBe(false);
    }
    expect(await settingsItem.getValue()).toMatchObject({ clientId: '', dataCenter: 'auto' });
    expect(await pagePatternsItem.getValue()).toEqual([]);
  });

  it("saves each feature's fields in its own item, and none of them when one part is refused", async () => {
    const { send } = setup();
    const advanced = {
      removalRoute: 'users-dissociate',
      bulkConcurrency: 9,
      panelWindowWhereUnchecked: false,
    } as const;
    expect(await send('saveSettings', { ...advanced, customPagePatterns: ['/x/{nope}'] })).toMatchObject({ ok: false });
    expect(await fakeBrowser.storage.local.get(['removalSettings', 'bulkSettings'])).toEqual({});
    expect(await send('saveSettings', { ...advanced, customPagePatterns: ['/x/{userId}'] })).toMatchObject({
      ok: true,
      value: { ...advanced, customPagePatterns: ['/x/{userId}'] },
    });
    expect(await removalSettings.item.getValue()).toEqual({
      removalRoute: 'users-dissociate',
      panelWindowWhereUnchecked: false,
    });
    expect(await bulkSettings.item.getValue()).toEqual({ bulkConcurrency: 9 });
    expect(Object.keys((await fakeBrowser.storage.local.get('settings')).settings as object).sort()).toEqual([
      'clientId',
      'clientType',
      'dataCenter',
      'firefoxRedirect',
    ]);
  });

  it('chooses the only organization on connect, and asks when there are several', async () => {
    const one = setup({ 'GET /api/v1/organizations': { data: [{ id: '1', companyName: 'Zylker' }] } });
    await settingsItem.setValue({ ...(await settingsItem.getValue()), clientId: '1000.ABCDEFGHIJKLMNOPQRSTUVWX' });
    (one.deps.auth.connect as ReturnType<typeof vi.fn>).mockImplementation(async () => connectedTo());
    expect(await one.send('connect', {})).toMatchObject({ value: { connection: 'connected', org: { id: '1' } } });

    await fakeBrowser.reset();
    const two = setup({
      'GET /api/v1/organizations': {
        data: [
          { id: '1', companyName: 'Zylker' },
          { id: '2', companyName: 'Labs' },
        ],
      },
    });
    await settingsItem.setValue({ ...(await settingsItem.getValue()), clientId: '1000.ABCDEFGHIJKLMNOPQRSTUVWX' });
    (two.deps.auth.connect as ReturnType<typeof vi.fn>).mockImplementation(async () => connectedTo());
    expect(await two.send('connect', {})).toMatchObject({ value: { connection: 'choose-org' } });
    expect(await two.send('chooseOrganization', { orgId: '2' })).toMatchObject({
      value: { org: { id: '2', name: 'Labs' } },
    });
    expect((await two.send('chooseOrganization', { orgId: '3' })).ok).toBe(false);
  });

  it("an exposed earlier version's notice stays until the admin connects again and enters a new secret", async () => {
    const { send, deps } = setup({ 'GET /api/v1/organizations': { data: [{ id: '1', companyName: 'Zylker' }] } });
    await settingsItem.setValue({ ...(await settingsItem.getValue()), clientId: '1000.ABCDEFGHIJKLMNOPQRSTUVWX' });
    await secretsExposureItem.setValue({ refreshTokenRevoked: true, clientSecretExposed: true, at: 1 });
    expect(await send('getStatus', {})).toMatchObject({
      value: { secretsExposure: { refreshTokenRevoked: true, clientSecretExposed: true } },
    });
    (deps.auth.connect as ReturnType<typeof vi.fn>).mockImplementation(async () => connectedTo());
    expect(await send('connect', {})).toMatchObject({
      value: { secretsExposure: { refreshTokenRevoked: false, clientSecretExposed: true } },
    });
    await send('saveSettings', { clientSecret: 'a-new-secret' });
    expect(((await send('getStatus', {})) as { value: object }).value).not.toHaveProperty('secretsExposure');
  });

  it('removes from the panel, remembers the route and records the audit entry with who it was', async () => {
    await connectedTo({ id: '600', name: 'Zylker' });
    const { send } = setup({
      'GET /api/v1/users/42': { id: '42', name: 'Carol', emailAddress: 'carol@zylker.com' },
      'GET /api/v1/users/42/badges': [{ id: '11', name: 'Rising Star' }],
      'GET /api/v1/helpCenters': { data: [{ id: '7', name: 'Community' }] },
      'POST /api/v1/users/42/badges/dissociate': { results: [{ id: '11', success: true, errors: null }] },
    });
    const opened = await send(
      'openPanel',
      opening({ kind: 'user', target: { userId: '42', helpCenterId: '7' } }),
      DESK,
    );
    const panel = panelSender((opened as { value: { panelId: string } }).value.panelId);
    await send('getUserBadges', { userId: '42', helpCenterId: '7' }, panel);
    const reply = await send('removeBadges', { userId: '42', helpCenterId: '7', badgeIds: ['11'] }, panel);
    expect(reply).toMatchObject({ ok: true, value: { route: 'users-dissociate' } });
    expect(await routeByOrgItem.getValue()).toEqual({ '600': 'users-dissociate' });
    expect(await readAuditLog(1000)).toMatchObject([
      {
        kind: 'remove',
        userEmail: 'carol@zylker.com',
        userName: 'Carol',
        helpCenterName: 'Community',
        orgId: '600',
        // The fake answers the read-back as before the removal: the entry keeps what the read-back showed.
        results: [{ badgeId: '11', name: 'Rising Star', outcome: { status: 'still-present' } }],
      },
    ]);
  });

  it('refuses to remove before an organization is chosen, without calling Zoho', async () => {
    await connectedTo();
    const { send, calls } = setup();
    const reply = await send('removeBadges', { userId: '42', badgeIds: ['11'] }, PAGE);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'choose-org' } });
    expect(calls).toEqual([]);
  });

  it('hands a panel context to frames of the same tab only: again when its frame reloads, while fresh', async () => {
    const { send, deps } = setup();
    let now = 1000;
    deps.now = () => now;
    const context = { kind: 'user', target: { userId: '42', helpCenterId: '7' } };
    const opened = await send('openPanel', opening(context), DESK);
    expect(opened).toMatchObject({ ok: true });
    const { panelId } = (opened as { value: { panelId: string } }).value;
    const otherTab = panelSender(panelId, 6);
    expect(
      await send('getPanelContext', { panelId, framedBy: DESK.origin, tracksVisibility: true }, otherTab),
    ).toMatchObject({ ok: false });
    expect(
      await send('getPanelContext', { panelId, framedBy: DESK.origin, tracksVisibility: true }, panelSender(panelId)),
    ).toEqual({
      ok: true,
      value: context,
    });
    // Framed by another page than the Desk page whose control opened it, or claiming no frame at all: refused.
    expect(
      await send(
        'getPanelContext',
        { panelId, framedBy: 'https://evil.example', tracksVisibility: true },
        panelSender(panelId),
      ),
    ).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await send('getPanelContext', { panelId, tracksVisibility: true }, panelSender(panelId))).toMatchObject({
      ok: false,
    });
    // Another panel's id in the request than in the sender's URL: refused.
    expect(
      await send(
        'getPanelContext',
        { panelId, framedBy: DESK.origin, tracksVisibility: true },
        panelSender('another-panel-id'),
      ),
    ).toMatchObject({ ok: false });
    // The page moved the frame, which reloaded: the same panel goes on.
    now += 60_000;
    expect(
      await send(
        'getPanelContext',
        { panelId, framedBy: DESK.origin, tracksVisibility: true },
        panelSender(panelId, 5, 3),
      ),
    ).toEqual({
      ok: true,
      value: context,
    });
    expect(
      await send('getPanelContext', { panelId, framedBy: DESK.origin, tracksVisibility: true }, otherTab),
    ).toMatchObject({ ok: false });
    now = 1000 + PANEL_CONTEXT_TTL_MS;
    expect(
      await send('getPanelContext', { panelId, framedBy: DESK.origin, tracksVisibility: true }, panelSender(panelId)),
    ).toMatchObject({
      ok: false,
      error: { message: 'This panel is no longer valid.' },
    });
  });

  it('a frame loaded ahead of the click is refused everything until a click opens that very frame', async () => {
    await connectedTo({ id: '600', name: 'Zylker' });
    const { send, calls, deps } = setup({
      'GET /api/v1/users/42': { id: '42', name: 'Carol' },
      'GET /api/v1/users/42/badges': [{ id: '11', name: 'Rising Star' }],
    });
    let id = 0;
    deps.newId = () => `panel-${++id}`;
    const preload = async (sender: object = DESK) =>
      ((await send('preloadPanel', { tracksVisibility: true }, sender)) as { value: { panelId: string } }).value
        .panelId;
    const ahead = await preload();
    const frame = panelSender(ahead);
    const claim = { panelId: ahead, framedBy: DESK.origin, tracksVisibility: true };
    const notOpened = { ok: false, error: { errorCode: PANEL_NOT_OPENED } };
    // Before the click: no context, no badges, no removal, and Zoho is not asked.
    expect(await send('getPanelContext', claim, frame)).toMatchObject(notOpened);
    expect(await send('getUserBadges', { userId: '42' }, frame)).toMatchObject(notOpened);
    expect(await send('removeBadges', { userId: '42', badgeIds: ['11'] }, frame)).toMatchObject(notOpened);
    expect(calls).toEqual([]);
    // Only a Desk page's content script asks for one.
    for (const sender of [PAGE, frame]) {
      expect(await send('preloadPanel', { tracksVisibility: true }, sender)).toMatchObject({
        ok: false,
        error: { message: 'This request is not allowed from here.' },
      });
    }
    // The click opens that frame: the same panel id, now with its context, and its requests are served.
    const context = { kind: 'user', target: { userId: '42' } };
    expect(await send('openPanel', { ...opening(context), preloaded: ahead }, DESK)).toEqual({
      ok: true,
      value: { panelId: ahead, mode: 'frame' },
    });
    expect(await send('getPanelContext', claim, frame)).toEqual({ ok: true, value: context });
    expect(await send('getUserBadges', { userId: '42' }, frame)).toMatchObject({ ok: true });
    // A frame loaded ahead in another tab, or an id the worker never gave: the click opens a new frame instead.
    const elsewhere = await preload({ ...DESK, tab: { id: 6 } });
    for (const preloaded of [elsewhere, 'never-given']) {
      const reply = (await send('openPanel', { ...opening(context), preloaded }, DESK)) as {
        value: { panelId: string };
      };
      expect(reply.value.panelId).not.toBe(preloaded);
    }
    expect(await send('getPanelContext', { ...claim, panelId: elsewhere }, panelSender(elsewhere, 6))).toMatchObject(
      notOpened,
    );
  });

  it("a tab's next frame loaded ahead ends its earlier one, never its open panel; a window has none", async () => {
    const { send, deps } = setup();
    let id = 0;
    deps.newId = () => `panel-${++id}`;
    const preload = async (tracksVisibility = true) =>
      ((await send('preloadPanel', { tracksVisibility }, DESK)) as { value: { panelId: string | null } }).value
        .panelId!;
    const context = { kind: 'user', target: { userId: '42' } };
    const open = (
      (await send('openPanel', { ...opening(context), preloaded: await preload() }, DESK)) as {
        value: { panelId: string };
      }
    ).value.panelId;
    const first = await preload();
    const second = await preload();
    const ask = (panelId: string) =>
      send('getPanelContext', { panelId, framedBy: DESK.origin, tracksVisibility: true }, panelSender(panelId));
    expect(await ask(open)).toEqual({ ok: true, value: context });
    expect(await ask(first)).toMatchObject({ ok: false, error: { message: 'This panel is no longer valid.' } });
    expect(await ask(second)).toMatchObject({ ok: false, error: { errorCode: PANEL_NOT_OPENED } });
    // The click on an earlier one's id does not open it.
    const reply = (await send('openPanel', { ...opening(context), preloaded: first }, DESK)) as {
      value: { panelId: string };
    };
    expect(reply.value.panelId).not.toBe(first);
    // Where the panel would open in a window (Firefox by default), no frame is loaded ahead.
    deps.openPanelWindow = async () => 77;
    expect(await send('preloadPanel', { tracksVisibility: false }, DESK)).toEqual({
      ok: true,
      value: { panelId: null },
    });
  });

  it("closes a tab's earlier panel when that tab opens another: its frame may not claim any more", async () => {
    const { send, deps } = setup();
    let id = 0;
    deps.newId = () => `panel-${++id}`;
    const open = async (userId: string, sender: object) =>
      (
        (await send('openPanel', opening({ kind: 'user', target: { userId } }), sender)) as {
          value: { panelId: string };
        }
      ).value.panelId;
    const first = await open('42', DESK);
    const elsewhere = await open('43', { ...DESK, tab: { id: 6 } });
    const second = await open('44', DESK);
    expect(
      await send(
        'getPanelContext',
        { panelId: first, framedBy: DESK.origin, tracksVisibility: true },
        panelSender(first),
      ),
    ).toMatchObject({
      ok: false,
    });
    expect(
      await send(
        'getPanelContext',
        { panelId: second, framedBy: DESK.origin, tracksVisibility: true },
        panelSender(second),
      ),
    ).toMatchObject({
      ok: true,
      value: { target: { userId: '44' } },
    });
    expect(
      await send(
        'getPanelContext',
        { panelId: elsewhere, framedBy: DESK.origin, tracksVisibility: true },
        panelSender(elsewhere, 6),
      ),
    ).toMatchObject({
      ok: true,
      value: { target: { userId: '43' } },
    });
  });

  it("registers the organization's own Desk address only once granted, and gives it back on removal", async () => {
    const { send, deps } = setup();
    const granted = new Set<string>();
    const access = {
      granted: vi.fn(async (origin: string) => granted.has(origin)),
      register: vi.fn(async () => {}),
      unregister: vi.fn(async () => {}),
      release: vi.fn(async () => {}),
      releaseScripting: vi.fn(async () => {}),
      registered: vi.fn(async () => []),
    };
    deps.deskAddressAccess = access;
    const origin = 'https://support.zylker.example';
    expect(await send('addDeskAddress', { origin })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(access.register).not.toHaveBeenCalled();
    const second = 'https://help.zylker.example';
    granted.add(second);
    await send('addDeskAddress', { origin: second });
    granted.add(origin);
    expect(await send('addDeskAddress', { origin: `${origin}/support/x` })).toMatchObject({
      ok: true,
      value: { deskAddresses: [second, origin] },
    });
    expect(access.register).toHaveBeenCalledWith(origin);
    expect(await send('addDeskAddress', { origin: 'https://desk.zoho.com' })).toMatchObject({ ok: false });
    expect(await send('removeDeskAddress', { origin })).toMatchObject({ ok: true, value: { deskAddresses: [second] } });
    expect(access.unregister).toHaveBeenCalledWith(origin);
    expect(access.release).toHaveBeenCalledWith(origin);
    // The scripting permission stays while an address needs it, and goes back with the last one.
    expect(access.releaseScripting).not.toHaveBeenCalled();
    expect(await send('removeDeskAddress', { origin: second })).toMatchObject({ value: { deskAddresses: [] } });
    expect(access.releaseScripting).toHaveBeenCalledTimes(1);
  });

  it('on the own domain, opens the panel in a window of its own, bound to that window', async () => {
    const { send, deps } = setup();
    const opened: string[] = [];
    deps.openPanelWindow = async (panelId) => {
      opened.push(panelId);
      return 77;
    };
    const ownDomain = { ...DESK, origin: 'https://support.zylker.example' };
    const context = { kind: 'contact', contactId: '33' };
    const reply = await dispatch(
      requests,
      createHandlers(deps),
      { type: 'openPanel', input: opening(context) },
      ownDomain,
      RUNTIME_ID,
      PAGE.origin,
      ['https://support.zylker.example'],
    );
    expect(reply).toMatchObject({ ok: true, value: { mode: 'window' } });
    const panelId = (reply as { value: { panelId: string } }).value.panelId;
    expect(opened).toEqual([panelId]);
    const inWindow = panelSender(panelId, 77, 0);
    expect(await send('getPanelContext', { panelId, tracksVisibility: true }, inWindow)).toEqual({
      ok: true,
      value: context,
    });
  });

  it('where the browser cannot tell whether the page covers the panel, opens it in a window unless the admin chose not', async () => {
    const { send, deps } = setup();
    let id = 0;
    deps.newId = () => `panel-${++id}`;
    const windows: string[] = [];
    deps.openPanelWindow = async (panelId) => {
      windows.push(panelId);
      return 77;
    };
    const context = { kind: 'user', target: { userId: '42' } };
    const open = async (tracksVisibility: boolean) =>
      (await send('openPanel', opening(context, tracksVisibility), DESK)) as {
        value: { panelId: string; mode: string };
      };
    // Firefox (no IntersectionObserver v2): a window of its own, bound to that window.
    const unchecked = (await open(false)).value;
    expect(unchecked.mode).toBe('window');
    expect(windows).toEqual([unchecked.panelId]);
    expect(
      await send(
        'getPanelContext',
        { panelId: unchecked.panelId, tracksVisibility: false },
        panelSender(unchecked.panelId, 77, 0),
      ),
    ).toEqual({ ok: true, value: context });
    // A page that claims the browser can tell gets a frame, but the frame's own check is what counts.
    const claimed = (await open(true)).value;
    expect(claimed.mode).toBe('frame');
    expect(
      await send(
        'getPanelContext',
        { panelId: claimed.panelId, framedBy: DESK.origin, tracksVisibility: false },
        panelSender(claimed.panelId),
      ),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden', message: expect.stringContaining('cannot tell') } });
    expect(
      await send(
        'getPanelContext',
        { panelId: claimed.panelId, framedBy: DESK.origin, tracksVisibility: true },
        panelSender(claimed.panelId),
      ),
    ).toEqual({ ok: true, value: context });
    // The admin turned the window off (Advanced): the frame, knowingly unchecked.
    await send('saveSettings', { panelWindowWhereUnchecked: false });
    const framed = (await open(false)).value;
    expect(framed.mode).toBe('frame');
    expect(
      await send(
        'getPanelContext',
        { panelId: framed.panelId, framedBy: DESK.origin, tracksVisibility: false },
        panelSender(framed.panelId),
      ),
    ).toEqual({ ok: true, value: context });
    expect(windows).toHaveLength(1);
  });

  it('refuses a panel opened from a page of another portal or data center, at the claim and at every request', async () => {
    await connectedTo({ id: '600', name: 'Zylker', portalName: 'zylker' });
    const { send, calls, deps } = setup();
    let id = 0;
    deps.newId = () => `panel-${++id}`;
    const context = { kind: 'user', target: { userId: '42' } };
    const claim = async (page: typeof DESK & { url?: string }) => {
      const { panelId } = ((await send('openPanel', opening(context), page)) as { value: { panelId: string } }).value;
      const reply = await send(
        'getPanelContext',
        { panelId, framedBy: page.origin, tracksVisibility: true },
        panelSender(panelId, page.tab.id),
      );
      return { panelId, tabId: page.tab.id, reply };
    };
    // Each in a tab of its own: a tab's next panel would end its earlier one.
    let tab = 10;
    const at = (origin: string, path: string) => ({ ...DESK, origin, url: `${origin}${path}`, tab: { id: ++tab } });
    const own = await claim(at('https://desk.zoho.eu', '/agent/Zylker/zylker/setup'));
    expect(own.reply).toEqual({ ok: true, value: context });
    // Another portal of the same data center, and the connected portal's name on another data center's host.
    const otherPortal = await claim(at('https://desk.zoho.eu', '/agent/zylkerlabs/labs/setup'));
    expect(otherPortal.reply).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: expect.stringContaining('portal "zylkerlabs"') },
    });
    const otherDc = await claim(at('https://desk.zoho.com', '/agent/zylker/zylker/setup'));
    expect(otherDc.reply).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: expect.stringContaining('United States data center') },
    });
    // A classic-UI address names its portal too; an address naming none is checked by its host alone.
    expect(
      (await claim(at('https://zylkerlabs.zohodesk.eu', '/support/zylkerlabs/ShowHomePage.do'))).reply,
    ).toMatchObject({
      ok: false,
    });
    expect((await claim(at('https://zylker.zohodesk.eu', '/agent/'))).reply).toMatchObject({ ok: true });
    // The organization changes after the claim: the panel's next request is refused too.
    await connectedTo({ id: '700', name: 'Zylker Labs', portalName: 'zylkerlabs' });
    expect(await send('getUserBadges', { userId: '42' }, panelSender(own.panelId, own.tabId))).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(calls).toEqual([]);
  });

  it('refuses connection changes from a Desk page', async () => {
    const { send, deps } = setup();
    expect((await send('disconnect', {}, DESK)).ok).toBe(false);
    expect(deps.auth.disconnect).not.toHaveBeenCalled();
  });

  it("a notice's Reconnect signs in again at once, but sends an expired Self Client to paste a new code", async () => {
    const { send, deps } = setup();
    const expired = async (clientType: 'mobile' | 'self') => {
      await connectedTo({ id: '1', name: 'Zylker' });
      await connectionItem.setValue({ ...(await connectionItem.getValue())!, state: 'reconnect', clientType });
    };
    await expired('mobile');
    await send('openOptions', {});
    await expired('self');
    await send('openOptions', {});
    await connectedTo({ id: '1', name: 'Zylker' });
    await send('openOptions', {});
    expect((deps.openOptionsPage as ReturnType<typeof vi.fn>).mock.calls).toEqual([
      [{ reconnect: true }],
      [{ pasteCode: true }],
      [],
    ]);
  });

  it('passes the pasted code to the connect once, and keeps it nowhere', async () => {
    const { send, deps } = setup({ 'GET /api/v1/organizations': { data: [{ id: '1', companyName: 'Zylker' }] } });
    await send('saveSettings', { clientType: 'self', clientId: '1000.ABCDEFGHIJKLMNOPQRSTUVWX', clientSecret: 's' });
    (deps.auth.connect as ReturnType<typeof vi.fn>).mockImplementation(async () => connectedTo());
    await send('connect', { code: '1000.0123456789abcdef.fedcba9876543210' });
    expect(deps.auth.connect).toHaveBeenCalledWith(
      expect.objectContaining({
        clientType: 'self',
        clientSecret: 's',
        code: '1000.0123456789abcdef.fedcba9876543210',
      }),
    );
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('0123456789abcdef');
  });

  it('in Firefox, offers both redirect URIs and sends the one the admin picked', async () => {
    const firefox = 'https://2d7c577a46873c06e81a635e45585f7715321f4a.extensions.allizom.org/';
    const loopback = 'http://127.0.0.1/mozoauth2/2d7c577a46873c06e81a635e45585f7715321f4a';
    const { send } = setup({}, { redirectUri: () => firefox });
    expect(await send('getStatus', {})).toMatchObject({
      value: { redirectUri: firefox, firefoxRedirects: { extension: firefox, loopback } },
    });
    await send('saveSettings', { firefoxRedirect: 'loopback' });
    expect(await send('getStatus', {})).toMatchObject({ value: { redirectUri: loopback } });
    // Chrome has one redirect URI, whatever was saved.
    const chrome = setup();
    const status = await chrome.send('getStatus', {});
    expect(status).toMatchObject({ value: { redirectUri: `https://${RUNTIME_ID}.chromiumapp.org/` } });
    expect(status.ok && status.value).not.toHaveProperty('firefoxRedirects');
  });
});

describe('a bulk run after the worker restarts', () => {
  it('is recovered once, however many wake-ups arrive, and nothing is removed twice', async () => {
    // Set below: the fake client calls into the handlers made after it.
    let handlers: ReturnType<typeof createHandlers>;
    await connectedTo({ id: '600', name: 'Zylker' });
    // Users 1–4 hold badge 11; the earlier worker finished user 1, and user 2's removal went
    // through just before it stopped, so Zoho no longer has it.
    const held = new Map([
      ['2', new Set<string>()],
      ['5', new Set<string>()],
      ['3', new Set(['11'])],
      ['4', new Set(['11'])],
    ]);
    const deletes: string[] = [];
    const client: DeskClient = {
      async request(req) {
        const user = /users\/(\d+)\/badges/.exec(req.path)?.[1] ?? '';
        if (req.method === 'POST') {
          deletes.push(user);
          // An alarm fires while this removal is in flight: it must not take the run over again.
          void handlers.resumeBulk();
          await new Promise((done) => setTimeout(done, 5));
          held.get(user)?.delete('11');
          return { status: 200, data: req.schema.parse({ results: [{ success: true, id: '11', errors: null }] }) };
        }
        const list = [...(held.get(user) ?? [])].map((id) => ({ id, name: 'Rising Star', isCustom: 'false' }));
        return { status: 200, data: req.schema.parse(list) as never };
      },
    };
    await bulkRunItem.setValue({
      id: 'run-1',
      orgId: '600',
      helpCenterId: '77',
      createdAt: 1,
      status: 'running',
      concurrency: 2,
      items: [
        { userId: '1', badgeIds: ['11'], state: 'removed' },
        { userId: '2', badgeIds: ['11'], state: 'running' },
        { userId: '3', badgeIds: ['11'], state: 'pending' },
        { userId: '4', badgeIds: ['11'], state: 'pending' },
        // Marked in flight, but the worker stopped before its running mark was saved.
        { userId: '5', badgeIds: ['11'], state: 'pending' },
      ],
    });
    await bulkInFlightItem.setValue({ runId: 'run-1', userIds: ['5'] });
    const waits: number[] = [];
    handlers = createHandlers({
      auth: { connect: vi.fn(), disconnect: vi.fn() } as unknown as ServiceDeps['auth'],
      client,
      secrets: memorySecretStore(),
      redirectUri: () => '',
      openOptionsPage: async () => {},
      now: () => 1000,
      newId: () => crypto.randomUUID(),
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    // The worker's own start, an alarm and the page's word all arrive together.
    await Promise.all([handlers.resumeBulk(), handlers.resumeBulk(), handlers.getBulkRun({}, PAGE as never)]);
    await handlers.resumeBulk();
    const run = await bulkRunItem.getValue();
    expect(run?.status).toBe('done');
    expect(run?.items.map((i) => i.state)).toEqual(['removed', 'removed', 'removed', 'removed', 'removed']);
    expect(deletes.sort()).toEqual(['3', '4']);
    // Once for the run: the stopped worker's calls land before anything is sent.
    expect(waits).toEqual([INTERRUPTED_SETTLE_MS]);
    expect(await bulkInFlightItem.getValue()).toBeNull();
    // The audit log credits the cut-off removals to the run, so its undo re-awards them.
    const audit = await readAuditLog(1000);
    expect(
      audit
        .filter((e) => e.results[0]?.outcome.status === 'removed')
        .map((e) => e.userId)
        .sort(),
    ).toEqual(['2', '3', '4', '5']);
  });

  it('a run paused for spent credits goes on by itself once Zoho said they return, and not before', async () => {
    await connectedTo({ id: '600', name: 'Zylker' });
    const { deps } = setup({ 'POST /api/v1/users/1/badges/dissociate': { results: [{ id: '11', success: true }] } });
    let now = 1000;
    const handlers = createHandlers({ ...deps, now: () => now });
    await bulkRunItem.setValue({
      id: 'run-1',
      orgId: '600',
      createdAt: 1,
      status: 'paused',
      pausedFor: 'credits',
      pauseReason: 'The credits are used up.',
      resumesAt: 5000,
      concurrency: 2,
      items: [{ userId: '1', badgeIds: ['11'], state: 'pending' }],
    });
    await handlers.resumeBulk();
    expect((await bulkRunItem.getValue())?.status).toBe('paused');
    now = 5000;
    await handlers.resumeBulk();
    const run = await bulkRunItem.getValue();
    expect(run).toMatchObject({ status: 'done', pausedFor: undefined, resumesAt: undefined });
  });

  it("a Desk page's content script gets its page settings read only, and may change nothing but the corner", async () => {
    const { send } = setup();
    await pagePatternsItem.setValue(['/agent/{portal}/x/{userId}']);
    await deskAddressesItem.setValue(['https://support.zylker.example']);
    expect(await send('getPageConfig', {}, DESK)).toEqual({
      ok: true,
      value: {
        patterns: ['/agent/{portal}/x/{userId}'],
        deskAddresses: ['https://support.zylker.example'],
        anchorSelector: '',
      },
    });
    expect(await send('saveCorner', { corner: 'top-left' }, DESK)).toEqual({ ok: true, value: null });
    expect(await send('getPageConfig', {}, DESK)).toMatchObject({ value: { corner: 'top-left' } });
    expect(await send('saveCorner', { corner: 'middle' }, DESK)).toMatchObject({ ok: false });
    expect(await send('saveSettings', { customPagePatterns: ['/evil/{userId}'] }, DESK)).toMatchObject({ ok: false });
    expect(await pagePatternsItem.getValue()).toEqual(['/agent/{portal}/x/{userId}']);
  });

  it('a stored run of a shape this version does not write is not worked: nothing is sent', async () => {
    await connectedTo({ id: '600', name: 'Zylker' });
    const { calls, deps } = setup();
    const handlers = createHandlers(deps);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({
      bulkRun: { id: 'forged', orgId: '600', createdAt: 1, status: 'running', concurrency: 5, chunks: 1 },
      'bulkRun.items.0': [{ userId: '42/../../labels', badgeIds: ['11'], state: 'pending' }],
    });
    await handlers.resumeBulk();
    expect(calls).toEqual([]);
    expect(await bulkRunItem.getValue()).toBeNull();
    warn.mockRestore();
  });

  it('the first start of this version holds a run stored as running for the admin to review', async () => {
    await connectedTo({ id: '600', name: 'Zylker' });
    const { calls, deps } = setup();
    const handlers = createHandlers(deps);
    await bulkRunItem.setValue({
      id: 'run-1',
      orgId: '600',
      createdAt: 1,
      status: 'running',
      concurrency: 2,
      items: [{ userId: '1', badgeIds: ['11'], state: 'pending' }],
    });
    await handlers.holdBulkRunForReview();
    await handlers.resumeBulk();
    expect(calls).toEqual([]);
    expect(await bulkRunItem.getValue()).toMatchObject({
      status: 'paused',
      pauseReason: 'Paused by the update to a safer version: check the run, then resume it.',
    });
  });

  it('the panel acts only for the target its context names, and asks nothing else', async () => {
    await connectedTo({ id: '600', name: 'Zylker' });
    const { send, calls } = setup({
      'GET /api/v1/contacts/33': { id: '33', email: 'carol@zylker.com' },
      'GET /api/v1/contacts/33/helpCenters': {
        data: [
          {
            helpCenter: { id: '7', name: 'Community', url: null, status: 'ACTIVE' },
            userStatus: 'ACTIVE',
            userId: '42',
          },
        ],
      },
      'POST /api/v1/users/42/badges/dissociate': { results: [{ id: '11', success: true, errors: null }] },
    });
    const open = async (context: object) =>
      panelSender(((await send('openPanel', opening(context), DESK)) as { value: { panelId: string } }).value.panelId);
    const user = await open({ kind: 'user', target: { userId: '42', helpCenterId: '7' } });
    const refused = {
      ok: false,
      error: { kind: 'forbidden', message: 'This panel may act only for the user it was opened for.' },
    };
    expect(await send('removeBadges', { userId: '43', helpCenterId: '7', badgeIds: ['11'] }, user)).toMatchObject(
      refused,
    );
    expect(await send('removeBadges', { userId: '42', badgeIds: ['11'] }, user)).toMatchObject(refused);
    expect(await send('getUserBadges', { userId: '43' }, user)).toMatchObject(refused);
    for (const [type, input] of [
      ['getSettings', {}],
      ['saveSettings', { clientId: '1000.X' }],
      ['disconnect', {}],
      ['startBulk', { items: [{ userId: '42', badgeIds: ['11'] }] }],
      ['undoRemoval', { auditId: 'a-1' }],
    ] as const) {
      expect(await send(type, input, user), type).toMatchObject({
        ok: false,
        error: { message: 'This request is not allowed from here.' },
      });
    }
    expect(calls).toEqual([]);

    // A contact's panel: that contact, and its own Help Center users.
    const contact = await open({ kind: 'contact', contactId: '33' });
    expect(await send('getContactUsers', { contactId: '34' }, contact)).toMatchObject(refused);
    expect(await send('getContactUsers', { contactId: '33' }, contact)).toMatchObject({ ok: true });
    expect(await send('removeBadges', { userId: '43', badgeIds: ['11'] }, contact)).toMatchObject(refused);
    expect(await send('removeBadges', { userId: '42', helpCenterId: '7', badgeIds: ['11'] }, contact)).toMatchObject({
      ok: true,
    });
  });
  it("a Desk page's lookups before a click: one per address, ten a minute, on the organization's portal only", async () => {
    await connectionItem.setValue({
      state: 'connected',
      location: 'us',
      clientId: '1000.ABCDEFGHIJKLMNOPQRSTUVWX',
      scopes: [],
      connectedAt: 5,
      org: { id: '600', name: 'Zylker', portalName: 'zylker' },
    });
    const replies: Record<string, unknown> = {};
    for (let n = 100; n < 130; n++) replies[`GET /api/v1/users/${n}`] = { id: `${n}`, name: `User ${n}` };
    const { send, calls } = setup(replies);
    const at = (path: string) => ({ ...DESK, url: `https://desk.zoho.eu${path}` });
    const deferred = { ok: false, error: { errorCode: 'LOOKUP_DEFERRED' } };
    // Another portal's page, or a page outside the agent app, looks nothing up.
    expect(await send('identifyUser', { userId: '100' }, at('/agent/other/helpcenter/users/100'))).toMatchObject(
      deferred,
    );
    // The email a page shows is left to the click, with the page's own context.
    expect(await send('identifyByEmail', { email: 'carol@zylker.com' }, at('/portal/zylker/en'))).toEqual({
      ok: true,
      value: { context: { kind: 'email', email: 'carol@zylker.com' }, names: ['carol@zylker.com'] },
    });
    expect(calls).toEqual([]);
    // A page cycling 30 users in a minute gets ten lookups; a user seen already costs nothing.
    let looked = 0;
    for (let n = 100; n < 130; n++) {
      const reply = await send('identifyUser', { userId: `${n}` }, at(`/agent/zylker/helpcenter/users/${n}`));
      if (reply.ok) looked++;
      else expect(reply).toMatchObject(deferred);
    }
    expect(looked).toBe(10);
    expect(calls).toHaveLength(10);
    expect(await send('identifyUser', { userId: '100' }, at('/agent/zylker/x'))).toMatchObject({ ok: true });
    expect(calls).toHaveLength(10);
    // The extension's own pages are not bounded.
    expect(await send('identifyUser', { userId: '129' }, PAGE)).toMatchObject({ ok: true });
  });
  it("finds the user a Desk page shows by email alone: the panel's context, and the names the control goes beside", async () => {
    await connectedTo({ id: '600', name: 'Zylker', portalName: 'zylker' });
    const { send, calls } = setup({
      'GET /api/v1/users': { data: [{ id: '42', name: 'Carol Diaz', emailAddress: 'carol@zylker.com' }] },
    });
    const desk = { ...DESK, url: 'https://desk.zoho.eu/agent/zylker/zylker/setup' };
    expect(await send('identifyByEmail', { email: 'Carol@zylker.com', helpCenterId: '7' }, desk)).toEqual({
      ok: true,
      value: {
        context: { kind: 'user', target: { userId: '42', helpCenterId: '7' } },
        names: ['Carol Diaz', 'carol@zylker.com'],
      },
    });
    // Nobody with that email: the panel says so in the admin's language; the control still goes beside the email.
    expect(await send('identifyByEmail', { email: 'nobody@zylker.com', helpCenterId: '7' }, desk)).toEqual({
      ok: true,
      value: {
        context: {
          kind: 'unresolved',
          problem: {
            kind: 'not-found',
            message: 'No Help Center user with the email nobody@zylker.com was found in this help center.',
          },
        },
        names: ['nobody@zylker.com'],
      },
    });
    expect(calls).toEqual(['GET /api/v1/users', 'GET /api/v1/users']);
    // The user found is known now: naming them again costs Zoho nothing.
    expect(await send('identifyUser', { userId: '42', helpCenterId: '7' }, desk)).toEqual({
      ok: true,
      value: { name: 'Carol Diaz', email: 'carol@zylker.com' },
    });
    expect(calls).toHaveLength(2);
    // Not connected (no portal to check the page against): left to the click, which says what to do.
    await connectionItem.removeValue();
    expect(await send('identifyByEmail', { email: 'dan@zylker.com' }, desk)).toEqual({
      ok: true,
      value: { context: { kind: 'email', email: 'dan@zylker.com' }, names: ['dan@zylker.com'] },
    });
    expect(calls).toHaveLength(2);
  });
  it("a Desk page's lookups by email count against the same bound: one per address, whatever its case", async () => {
    await connectedTo({ id: '600', name: 'Zylker', portalName: 'zylker' });
    const data = [{ id: '42', name: 'Carol Diaz', emailAddress: 'carol@zylker.com' }];
    const { send, calls } = setup({ 'GET /api/v1/users': { data } });
    const desk = { ...DESK, url: 'https://desk.zoho.eu/agent/zylker/zylker/setup' };
    const carol = { kind: 'user', target: { userId: '42' } };
    expect(await send('identifyByEmail', { email: 'carol@zylker.com' }, desk)).toMatchObject({
      value: { context: carol },
    });
    // The same address again, in other case: left to the click, and Zoho is not asked.
    expect(await send('identifyByEmail', { email: 'CAROL@zylker.com' }, desk)).toEqual({
      ok: true,
      value: { context: { kind: 'email', email: 'CAROL@zylker.com' }, names: ['CAROL@zylker.com'] },
    });
    expect(calls).toHaveLength(1);
    // Nine more lookups by ID fill the minute's ten; the next address is left to the click.
    for (let n = 100; n < 109; n++) {
      expect(await send('identifyUser', { userId: `${n}` }, desk)).toMatchObject({ ok: false }); // no such user here
    }
    expect(calls).toHaveLength(10);
    expect(await send('identifyByEmail', { email: 'dan@zylker.com' }, desk)).toMatchObject({
      value: { context: { kind: 'email', email: 'dan@zylker.com' } },
    });
    expect(calls).toHaveLength(10);
  });
  it('leaves an email whose lookup failed to the click, unless Zoho has no such user: the click tries again', async () => {
    await connectedTo({ id: '600', name: 'Zylker', portalName: 'zylker' });
    const { send } = setup(
      {},
      {
        client: {
          async request() {
            throw new ZohoError({ kind: 'rate-limited', message: 'Too many calls.' });
          },
        },
      },
    );
    const desk = { ...DESK, url: 'https://desk.zoho.eu/agent/zylker/zylker/setup' };
    expect(await send('identifyByEmail', { email: 'carol@zylker.com', helpCenterId: '7' }, desk)).toEqual({
      ok: true,
      value: { context: { kind: 'email', email: 'carol@zylker.com', helpCenterId: '7' }, names: ['carol@zylker.com'] },
    });
  });
  it("a panel opened past the bound looks the page's email up once, at the click, and acts for that user alone", async () => {
    await connectedTo({ id: '600', name: 'Zylker' });
    const { send, calls } = setup({
      'GET /api/v1/users': { data: [{ id: '42', name: 'Carol', emailAddress: 'carol@zylker.com' }] },
      'POST /api/v1/users/42/badges/dissociate': { results: [{ id: '11', success: true, errors: null }] },
    });
    const opened = await send(
      'openPanel',
      opening({ kind: 'email', email: 'Carol@zylker.com', helpCenterId: '7' }),
      DESK,
    );
    expect(calls).toEqual([]);
    const panelId = (opened as { value: { panelId: string } }).value.panelId;
    const panel = panelSender(panelId);
    const resolved = { ok: true, value: { kind: 'user', target: { userId: '42', helpCenterId: '7' } } };
    expect(await send('getPanelContext', { panelId, framedBy: DESK.origin, tracksVisibility: true }, panel)).toEqual(
      resolved,
    );
    // Its frame reloads: the user found is kept, and Zoho is not asked again.
    expect(await send('getPanelContext', { panelId, framedBy: DESK.origin, tracksVisibility: true }, panel)).toEqual(
      resolved,
    );
    expect(calls).toEqual(['GET /api/v1/users']);
    expect(await send('removeBadges', { userId: '43', helpCenterId: '7', badgeIds: ['11'] }, panel)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await send('removeBadges', { userId: '42', helpCenterId: '7', badgeIds: ['11'] }, panel)).toMatchObject({
      ok: true,
    });
  });
});
