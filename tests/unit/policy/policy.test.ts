/**
 * The organization's policy, from the fake browser's managed area through the service worker's handlers: each key
 * applied where it belongs, a policy that does not fit refused whole, and the worker failing closed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { auditStore } from '../../../utils/audit/audit-store';
import { bulkRunItem } from '../../../utils/bulk/stored';
import { orgIdForCalls } from '../../../utils/connection/current-org';
import { memorySecretStore } from '../../../utils/connection/secret-store';
import { connectionItem, settingsItem } from '../../../utils/connection/stored';
import { createHandlers, type ServiceDeps } from '../../../utils/handlers';
import { deskAddressesItem } from '../../../utils/page/stored';
import { dispatch } from '../../../utils/platform/dispatch';
import type { DeskClient } from '../../../utils/platform/zoho/desk-client';
import { type ManagedPolicy, managedPolicySchema, POLICY_KEYS, readPolicy } from '../../../utils/policy/policy';
import { ROUTE_SETTINGS } from '../../../utils/removal/routes';
import { readRemovalSettings } from '../../../utils/removal/settings';
import { requests } from '../../../utils/requests';
import { auditEntry } from '../audit/audit-entry';
import { configuredManifest } from '../store/manifest';

const RUNTIME_ID = 'cjheecimhjkgjkobijngojplcehhnajo';
const PAGE = { id: RUNTIME_ID, origin: `chrome-extension://${RUNTIME_ID}` };
const DESK = { id: RUNTIME_ID, origin: 'https://desk.zoho.com', tab: { id: 5 }, frameId: 0 };
const CLIENT_ID = '1000.ABCDEFGHIJKLMNOPQRSTUVWX';
const ORGS = {
  data: [
    { id: '1', companyName: 'Zylker' },
    { id: '2', companyName: 'Zylker Labs' },
  ],
};
const OWN = 'https://support.zylker.example';
const DAY_MS = 86_400_000;

/** IT's policy, as the browser hands it to the extension's managed area. */
const managed = (policy: Record<string, unknown>) => fakeBrowser.storage.managed.set(policy);

function setup(replies: Record<string, unknown> = {}) {
  const calls: string[] = [];
  const client: DeskClient = {
    async request(req) {
      calls.push(`${req.method} ${req.path}`);
      const raw = replies[`${req.method} ${req.path}`];
      return { status: 200, data: req.schema.parse(raw === undefined ? null : raw) as never };
    },
  };
  const granted = new Set<string>();
  const registered = new Set<string>();
  /** Registered by an earlier version, under another file name. */
  const outdated = new Set<string>();
  const access = {
    granted: vi.fn(async (origin: string) => granted.has(origin)),
    register: vi.fn(async (origin: string) => {
      outdated.delete(origin);
      registered.add(origin);
    }),
    unregister: vi.fn(async (origin: string) => void registered.delete(origin)),
    release: vi.fn(async () => {}),
    releaseScripting: vi.fn(async () => {}),
    registered: vi.fn(async () => [...registered].map((origin) => ({ origin, current: !outdated.has(origin) }))),
  };
  const deps: ServiceDeps = {
    auth: {
      connect: vi.fn(async () => {
        const connection = { state: 'connected', location: 'us', clientId: CLIENT_ID, scopes: [], connectedAt: 1 };
        await connectionItem.setValue(connection as never);
        return connection as never;
      }),
      disconnect: vi.fn(async () => {
        await connectionItem.removeValue();
        return { revoked: true };
      }),
    },
    client,
    secrets: memorySecretStore(),
    redirectUri: () => `https://${RUNTIME_ID}.chromiumapp.org/`,
    openOptionsPage: async () => {},
    deskAddressAccess: access,
    now: () => 100 * DAY_MS,
    newId: () => 'id-1',
  };
  const handlers = createHandlers(deps);
  const send = (type: string, input: unknown, sender: object = PAGE) =>
    dispatch(requests, handlers, { type, input }, sender, RUNTIME_ID, PAGE.origin);
  return { send, calls, deps, handlers, access, granted, registered, outdated };
}

const connectedTo = (org: { id: string; name: string }) =>
  connectionItem.setValue({ state: 'connected', location: 'us', clientId: CLIENT_ID, scopes: [], connectedAt: 1, org });

describe('reading the policy', () => {
  it('is none when IT set nothing', async () => {
    expect(await readPolicy()).toEqual({ set: {} });
  });

  it('reads every key', async () => {
    const policy: ManagedPolicy = {
      clientType: 'server',
      clientId: CLIENT_ID,
      dataCenter: 'eu',
      allowedOrganizations: ['1'],
      deskAddresses: [OWN],
      bulkRemovalAllowed: false,
      auditRetentionDays: 30,
      removalRoute: 'helpcenter-delete',
    };
    await managed(policy as Record<string, unknown>);
    expect(await readPolicy()).toEqual({ set: policy });
    expect(Object.keys(policy).sort()).toEqual([...POLICY_KEYS].sort());
  });

  it.each([
    [{ clientId: 'abc', bulkRemovalAllowed: false }, "clientId: a client ID from Zoho's API console"],
    [{ allowedOrganisations: ['1'], bulkRemovalAllowed: false }, 'unknown key allowedOrganisations'],
    [{ allowedOrganizations: [1] }, 'allowedOrganizations: a list of numeric Zoho Desk organization IDs, as strings'],
    [{ deskAddresses: ['support.zylker.example'] }, 'deskAddresses: a list of https origins'],
    [{ deskAddresses: ['https://desk.zoho.eu'] }, "deskAddresses: Zoho's own addresses are covered already"],
    [{ auditRetentionDays: 0 }, 'auditRetentionDays: a whole number of days from 1 to 3650'],
    [{ removalRoute: 'labels' }, 'removalRoute: auto, users-dissociate or helpcenter-delete'],
    [{ clientSecret: 'shh' }, 'unknown key clientSecret'],
  ])('refuses %j whole, saying why', async (policy, why) => {
    await managed(policy);
    const read = await readPolicy();
    expect(read.set).toEqual({});
    expect(read.problem).toContain(why);
  });

  it('takes every route removal knows, no other', () => {
    for (const removalRoute of ROUTE_SETTINGS) {
      expect(managedPolicySchema.safeParse({ removalRoute }).success).toBe(true);
    }
  });

  it("takes Firefox's missing managed storage for no policy, and any other failure for a refused one", async () => {
    const failing = (message: string) => ({ get: async () => Promise.reject(new Error(message)) });
    expect(await readPolicy(failing('Managed storage manifest not found'))).toEqual({ set: {} });
    expect(await readPolicy(failing('disk on fire'))).toMatchObject({
      set: {},
      problem: expect.stringContaining('fire'),
    });
  });

  it('a refused policy applies in no part, and the pages are told why', async () => {
    await managed({ clientId: CLIENT_ID, bulkRemovalAllowed: false, auditRetentionDays: 'thirty' });
    const { send } = setup();
    expect(await send('getPolicy', {})).toMatchObject({ ok: true, value: { set: {}, problem: expect.any(String) } });
    expect(await send('getSettings', {})).toMatchObject({ value: { clientId: '' } });
    expect(await send('saveSettings', { clientId: '1000.ZYXWVUTSRQPONMLKJIHGFEDC' })).toMatchObject({ ok: true });
    // Not refused for the policy: for want of a connection.
    expect(await send('prepareBulk', { kind: 'list', text: 'x' })).toMatchObject({ error: { kind: 'not-connected' } });
  });

  it('asks the browser once for all the checks (each Desk call makes one), and again as soon as IT changes it', async () => {
    await managed({ allowedOrganizations: ['1'] });
    await connectedTo({ id: '1', name: 'Zylker' });
    const get = vi.spyOn(fakeBrowser.storage.managed, 'get');
    for (let call = 0; call < 3; call++) expect(await orgIdForCalls()).toBe('1');
    expect(get).toHaveBeenCalledTimes(1);
    await managed({ allowedOrganizations: ['2'] });
    await expect(orgIdForCalls()).rejects.toMatchObject({ kind: 'choose-org' });
    await fakeBrowser.storage.managed.clear();
    expect(await orgIdForCalls()).toBe('1');
    expect(get).toHaveBeenCalledTimes(3);
  });

  it('keeps no failed read: the next check asks the browser again', async () => {
    await managed({ bulkRemovalAllowed: false });
    const get = vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValueOnce(new Error('disk on fire'));
    expect(await readPolicy()).toMatchObject({ set: {}, problem: expect.stringContaining('fire') });
    expect(await readPolicy()).toEqual({ set: { bulkRemovalAllowed: false } });
    expect(await readPolicy()).toEqual({ set: { bulkRemovalAllowed: false } });
    expect(get).toHaveBeenCalledTimes(2);
  });

  it("keeps Firefox's missing managed storage as no policy, not asking again on each check", async () => {
    const get = vi
      .spyOn(fakeBrowser.storage.managed, 'get')
      .mockRejectedValue(new Error('Managed storage manifest not found'));
    for (let check = 0; check < 3; check++) expect(await readPolicy()).toEqual({ set: {} });
    expect(get).toHaveBeenCalledTimes(1);
  });
});

describe('the schema Chrome checks', () => {
  const schema = JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../../public/managed-schema.json'), 'utf8'),
  ) as { type: string; properties: Record<string, { type: string }> };

  it('declares every key the extension reads, and no other', () => {
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
    expect(JSON.stringify(schema)).not.toMatch(/secret"\s*:/i);
  });

  it("is Chrome's manifest's managed schema; Firefox reads policies.json without one", async () => {
    expect(await configuredManifest('chrome')).toMatchObject({ storage: { managed_schema: 'managed-schema.json' } });
    expect(await configuredManifest('firefox')).not.toHaveProperty('storage');
  });
});

describe("README's For IT", () => {
  const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## For IT'), readme.indexOf('\n## ', readme.indexOf('## For IT') + 1));
  const samples = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));

  it('gives samples for Chrome and Firefox, for this extension, that the extension takes whole', () => {
    const chrome = samples.find((sample) => sample['3rdparty'])?.['3rdparty'].extensions
      .cjheecimhjkgjkobijngojplcehhnajo;
    const firefox = samples.find((sample) => sample.policies)?.policies['3rdparty'].Extensions[
      'badge-remover-for-zoho-desk@badgeremover.app'
    ];
    for (const policy of [chrome, firefox]) expect(managedPolicySchema.safeParse(policy).success).toBe(true);
    expect(Object.keys(chrome).sort()).toEqual([...POLICY_KEYS].sort());
  });

  it('lists every key', () => {
    for (const key of POLICY_KEYS) expect(section).toContain(`| \`${key}\` |`);
  });
});

describe('the connection under a policy', () => {
  it('connects with the policy’s client type, ID and data center, and keeps the admin’s own for later', async () => {
    await settingsItem.setValue({ ...(await settingsItem.getValue()), clientId: '1000.ZYXWVUTSRQPONMLKJIHGFEDC' });
    await managed({ clientType: 'server', clientId: CLIENT_ID, dataCenter: 'eu', removalRoute: 'helpcenter-delete' });
    const { send, deps } = setup({ 'GET /api/v1/organizations': ORGS });
    expect(await send('getSettings', {})).toMatchObject({
      value: { clientType: 'server', clientId: CLIENT_ID, dataCenter: 'eu', removalRoute: 'helpcenter-delete' },
    });
    await send('connect', {});
    expect(deps.auth.connect).toHaveBeenCalledWith(
      expect.objectContaining({ clientType: 'server', clientId: CLIENT_ID, dataCenter: 'eu' }),
    );
    expect((await readRemovalSettings()).removalRoute).toBe('helpcenter-delete');
    expect((await settingsItem.getValue()).clientId).toBe('1000.ZYXWVUTSRQPONMLKJIHGFEDC');
  });

  it('refuses to change what the policy sets, in the worker, and takes the same value or the rest', async () => {
    await managed({ clientId: CLIENT_ID, removalRoute: 'users-dissociate' });
    const { send } = setup();
    for (const input of [
      { clientId: '1000.ZYXWVUTSRQPONMLKJIHGFEDC' },
      { removalRoute: 'auto' },
      { clientId: CLIENT_ID, removalRoute: 'helpcenter-delete' },
    ]) {
      expect(await send('saveSettings', input)).toMatchObject({
        ok: false,
        error: { kind: 'forbidden', message: expect.stringContaining('set by your organization') },
      });
    }
    expect(await send('saveSettings', { clientId: CLIENT_ID, dataCenter: 'in', clientSecret: 'kept' })).toMatchObject({
      ok: true,
      value: { clientId: CLIENT_ID, dataCenter: 'in', hasClientSecret: true },
    });
    // The policy's value is never stored as the admin's.
    expect((await settingsItem.getValue()).clientId).toBe('');
  });

  it('offers only the organizations the policy allows, and chooses the one allowed at connect', async () => {
    await managed({ allowedOrganizations: ['2'] });
    const { send } = setup({ 'GET /api/v1/organizations': ORGS });
    await settingsItem.setValue({ ...(await settingsItem.getValue()), clientId: CLIENT_ID });
    expect(await send('connect', {})).toMatchObject({ value: { connection: 'connected', org: { id: '2' } } });
    expect(await send('listOrganizations', {})).toMatchObject({ value: [{ id: '2', name: 'Zylker Labs' }] });
  });

  it('refuses an organization outside the list in the worker, before asking Zoho anything', async () => {
    await managed({ allowedOrganizations: ['2'] });
    await connectedTo({ id: '2', name: 'Zylker Labs' });
    const { send, calls } = setup({ 'GET /api/v1/organizations': ORGS });
    const reply = await send('chooseOrganization', { orgId: '1' });
    expect(reply).toMatchObject({
      ok: false,
      error: { kind: 'choose-org', message: expect.stringContaining('does not allow this extension to work in') },
    });
    expect(calls).toEqual([]);
    expect((await connectionItem.getValue())?.org?.id).toBe('2');
  });

  it('keeps no connection when the account reaches no allowed organization', async () => {
    await managed({ allowedOrganizations: ['3'] });
    await settingsItem.setValue({ ...(await settingsItem.getValue()), clientId: CLIENT_ID });
    const { send, deps } = setup({ 'GET /api/v1/organizations': ORGS });
    expect(await send('connect', {})).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: expect.stringContaining('set by your organization') },
    });
    expect(deps.auth.disconnect).toHaveBeenCalled();
    expect(await connectionItem.getValue()).toBeNull();
  });

  it('fails closed on an organization chosen before the policy left it out: no request, no Desk call', async () => {
    await connectedTo({ id: '1', name: 'Zylker' });
    await managed({ allowedOrganizations: ['2'] });
    const { send, calls } = setup();
    expect(await send('getStatus', {})).toMatchObject({ value: { connection: 'choose-org' } });
    expect(await send('searchUsers', { query: 'carol' })).toMatchObject({ ok: false, error: { kind: 'choose-org' } });
    await expect(orgIdForCalls()).rejects.toMatchObject({ kind: 'choose-org' });
    expect(calls).toEqual([]);
    await managed({ allowedOrganizations: ['1', '2'] });
    expect(await orgIdForCalls()).toBe('1');
  });
});

describe("the organization's own Desk addresses under a policy", () => {
  it('are the policy’s, for the sender check, the content scripts and the options page', async () => {
    await deskAddressesItem.setValue(['https://mine.zylker.example']);
    await managed({ deskAddresses: [OWN] });
    const { send, granted } = setup();
    expect(await send('getPageConfig', {}, DESK)).toMatchObject({ value: { deskAddresses: [OWN] } });
    expect(await send('getSettings', {})).toMatchObject({
      value: { deskAddresses: [OWN], deskAddressesWithoutAccess: [OWN] },
    });
    granted.add(OWN);
    expect(await send('getSettings', {})).toMatchObject({ value: { deskAddressesWithoutAccess: [] } });
  });

  it('can be granted but not added to or removed, and none is stored', async () => {
    await managed({ deskAddresses: [OWN] });
    const { send, granted, access } = setup();
    granted.add('https://other.zylker.example');
    expect(await send('addDeskAddress', { origin: 'https://other.zylker.example' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('set by your organization') },
    });
    // Not granted yet: said, nothing registered.
    expect(await send('addDeskAddress', { origin: OWN })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    granted.add(OWN);
    expect(await send('addDeskAddress', { origin: OWN })).toMatchObject({ ok: true, value: { deskAddresses: [OWN] } });
    expect(access.register).toHaveBeenCalledWith(OWN);
    expect(await deskAddressesItem.getValue()).toEqual([]);
    expect(await send('removeDeskAddress', { origin: OWN })).toMatchObject({ ok: false });
    expect(access.unregister).not.toHaveBeenCalled();
  });

  it("registers the content script on the granted ones at start, in place of the admin's, which come back after", async () => {
    const mine = 'https://mine.zylker.example';
    await deskAddressesItem.setValue([mine]);
    const { handlers, granted, registered } = setup();
    granted.add(mine);
    granted.add(OWN);
    registered.add(mine);
    await managed({ deskAddresses: [OWN, 'https://notyet.zylker.example'] });
    await handlers.followPolicy();
    expect([...registered]).toEqual([OWN]);
    await fakeBrowser.storage.managed.clear();
    await handlers.followPolicy();
    expect([...registered]).toEqual([mine]);
  });
});

describe('the content script on Desk addresses across an update', () => {
  it("registers again, with today's file, what an earlier version registered under another, and drops one not in force", async () => {
    const kept = 'https://mine.zylker.example';
    const dropped = 'https://gone.zylker.example';
    await deskAddressesItem.setValue([kept]);
    const { handlers, access, granted, registered, outdated } = setup();
    for (const origin of [kept, dropped]) {
      granted.add(origin);
      registered.add(origin);
      outdated.add(origin);
    }
    await handlers.followPolicy();
    expect(access.register.mock.calls).toEqual([[kept]]);
    expect(access.unregister.mock.calls).toEqual([[dropped]]);
    expect([...registered]).toEqual([kept]);
    // Current now: the next start leaves it as it is.
    await handlers.followPolicy();
    expect(access.register).toHaveBeenCalledTimes(1);
  });
});

describe('bulk removal turned off', () => {
  it('refuses every bulk request that reaches Zoho, with the reason', async () => {
    await connectedTo({ id: '1', name: 'Zylker' });
    await managed({ bulkRemovalAllowed: false });
    const { send, calls } = setup();
    for (const [type, input] of [
      ['listOrganizationBadges', {}],
      ['prepareBulk', { kind: 'list', text: 'carol@zylker.com' }],
      ['startBulk', { items: [{ userId: '42', badgeIds: ['11'] }] }],
      ['undoBulk', { runId: 'run-1' }],
    ] as const) {
      expect(await send(type, input), type).toMatchObject({
        ok: false,
        error: { kind: 'forbidden', message: 'Bulk removal: turned off by your organization.' },
      });
    }
    expect(calls).toEqual([]);
  });

  it('pauses a run under way, saying why, and refuses to resume it until allowed again', async () => {
    await connectedTo({ id: '1', name: 'Zylker' });
    await bulkRunItem.setValue({
      id: 'run-1',
      orgId: '1',
      createdAt: 1,
      status: 'running',
      concurrency: 1,
      items: [{ userId: '42', badgeIds: ['11'], state: 'pending' }],
    });
    const { send, handlers, calls } = setup();
    await managed({ bulkRemovalAllowed: false });
    await handlers.followPolicy();
    expect(await bulkRunItem.getValue()).toMatchObject({
      status: 'paused',
      pauseReason: 'Bulk removal: turned off by your organization.',
    });
    await handlers.resumeBulk();
    expect(await send('controlBulk', { action: 'resume' })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await bulkRunItem.getValue()).toMatchObject({ status: 'paused' });
    expect(calls).toEqual([]);
    // Pause and cancel stay the admin's.
    expect(await send('controlBulk', { action: 'cancel' })).toMatchObject({ ok: true, value: { status: 'cancelled' } });
  });
});

describe('audit retention under a policy', () => {
  it("keeps the policy's days, drops what is older, and refuses another", async () => {
    await auditStore.save([
      { ...auditEntry('old'), finishedAt: 100 * DAY_MS - 40 * DAY_MS },
      { ...auditEntry('recent'), finishedAt: 100 * DAY_MS - 10 * DAY_MS },
    ]);
    await managed({ auditRetentionDays: 30 });
    const { send } = setup();
    expect(await send('getAuditLog', {})).toMatchObject({
      value: { retentionDays: 30, entries: [{ auditId: 'recent' }] },
    });
    expect(await send('setAuditRetention', { days: 365 })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('set by your organization') },
    });
  });
});
