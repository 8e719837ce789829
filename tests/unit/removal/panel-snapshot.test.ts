/**
 * The panel's read standing in for a removal's first read (utils/removal/panel-snapshot.ts), through the worker's
 * handlers as the panel reaches them, with the worker's clock injected.
 */
import { describe, expect, it, vi } from 'vitest';
import { readAuditLog } from '../../../utils/audit/audit';
import { memorySecretStore } from '../../../utils/connection/secret-store';
import { connectionItem } from '../../../utils/connection/stored';
import { createHandlers, type ServiceDeps } from '../../../utils/handlers';
import { dispatch } from '../../../utils/platform/dispatch';
import { ZohoError } from '../../../utils/platform/errors';
import type { DeskClient } from '../../../utils/platform/zoho/desk-client';
import { PANEL_SNAPSHOT_MAX_AGE_MS } from '../../../utils/removal/panel-snapshot';
import { requests } from '../../../utils/requests';
import { type FakeDeskOptions, fakeDesk } from '../platform/fake-desk';

const RUNTIME_ID = 'cjheecimhjkgjkobijngojplcehhnajo';
const PAGE = { id: RUNTIME_ID, origin: `chrome-extension://${RUNTIME_ID}` };
const deskTab = (tabId: number) => ({
  id: RUNTIME_ID,
  origin: 'https://desk.zoho.com',
  tab: { id: tabId },
  frameId: 0,
});
const CAROL = { userId: '42' };

async function setup(options: FakeDeskOptions = {}) {
  await connectionItem.setValue({
    state: 'connected',
    location: 'us',
    clientId: '1000.ABCDEFGHIJKLMNOPQRSTUVWX',
    scopes: [],
    connectedAt: 5,
    org: { id: '600', name: 'Zylker' },
  });
  const desk = fakeDesk(options);
  const calls: string[] = [];
  /** While set, a re-award waits for it: a change still on its way. */
  let held: Promise<void> | undefined;
  /** Reads of users other than Carol fail, as Zoho's 404 would. */
  const client: DeskClient = {
    async request(req) {
      calls.push(`${req.method} ${req.path}`);
      if (req.path.endsWith('/associate')) await held;
      if (req.method === 'GET' && /^\/api\/v1\/users\/\d+$/.test(req.path)) {
        if (req.path !== '/api/v1/users/42')
          throw new ZohoError({ kind: 'not-found', status: 404, errorCode: 'URL_NOT_FOUND', message: 'no user' });
        return { status: 200, data: req.schema.parse({ id: '42', name: 'Carol' }) as never };
      }
      return desk.client.request(req);
    },
  };
  let t = 1_000_000;
  let id = 0;
  const deps: ServiceDeps = {
    auth: { connect: async () => ({}) as never, disconnect: async () => ({ revoked: true }) },
    client,
    secrets: memorySecretStore(),
    redirectUri: () => `https://${RUNTIME_ID}.chromiumapp.org/`,
    openOptionsPage: async () => {},
    now: () => t,
    newId: () => `id-${++id}`,
  };
  const handlers = createHandlers(deps);
  const send = async <T = unknown>(type: string, input: unknown, sender: object = PAGE): Promise<T> => {
    const reply = await dispatch(requests, handlers, { type, input }, sender, RUNTIME_ID, PAGE.origin);
    if (!reply.ok) throw new Error(`${type}: ${reply.error.message}`);
    return reply.value as T;
  };
  /** A panel its control opened in that tab (one per tab), as its frame sends. */
  const openPanel = async (tabId = 5) => {
    const { panelId } = await send<{ panelId: string }>(
      'openPanel',
      { context: { kind: 'user', target: CAROL }, tracksVisibility: true },
      deskTab(tabId),
    );
    return {
      ...PAGE,
      url: `chrome-extension://${RUNTIME_ID}/removal-panel.html#${panelId}`,
      tab: { id: tabId },
      frameId: 2,
    };
  };
  /** The Desk calls `act` made. */
  const callsOf = async (act: () => Promise<unknown>) => {
    const from = calls.length;
    await act();
    return calls.slice(from);
  };
  const remove = (sender: object, badgeIds = ['11'], extra: object = {}) =>
    callsOf(() => send('removeBadges', { ...CAROL, badgeIds, ...extra }, sender));
  return {
    send,
    openPanel,
    remove,
    callsOf,
    desk,
    calls,
    holdReawards: () => {
      let release = () => {};
      held = new Promise((done) => {
        release = done;
      });
      return release;
    },
    tick: (ms: number) => {
      t += ms;
    },
  };
}

const READ = 'GET /api/v1/users/42/badges';
const DISSOCIATE = 'POST /api/v1/users/42/badges/dissociate';
const ASSOCIATE = 'POST /api/v1/users/42/badges/associate';

describe("the panel's read stands in for the removal's first read", () => {
  it('while under 60 s old: confirm costs the removal and its read-back, and the report is verified', async () => {
    const { send, openPanel, remove, tick, desk } = await setup();
    const panel = await openPanel();
    await send('getUserBadges', CAROL, panel);
    tick(PANEL_SNAPSHOT_MAX_AGE_MS - 1);
    expect(await remove(panel)).toEqual([DISSOCIATE, READ]);
    expect([...desk.held].sort()).toEqual(['12', '13']);
    const [entry] = await readAuditLog(1_000_000 + PANEL_SNAPSHOT_MAX_AGE_MS);
    expect(entry).toMatchObject({ verified: true, results: [{ badgeId: '11', outcome: { status: 'removed' } }] });
  });

  it('a panel open for over 60 s reads again first', async () => {
    const { send, openPanel, remove, tick } = await setup();
    const panel = await openPanel();
    await send('getUserBadges', CAROL, panel);
    tick(61_000);
    expect(await remove(panel)).toEqual([READ, DISSOCIATE, READ]);
  });

  it('reads first after a call of the worker failed since the panel read', async () => {
    const { send, openPanel, remove } = await setup();
    const panel = await openPanel();
    await send('getUserBadges', CAROL, panel);
    await expect(send('getUserBadges', { userId: '43' })).rejects.toThrow();
    expect(await remove(panel)).toEqual([READ, DISSOCIATE, READ]);
  });

  it('stands in once: a second removal from the same panel reads first, even when the first sent nothing', async () => {
    const { send, openPanel, remove } = await setup();
    const panel = await openPanel();
    await send('getUserBadges', CAROL, panel);
    // Not held, by the panel's read: skipped without a call.
    expect(await remove(panel, ['99'])).toEqual([]);
    expect(await remove(panel)).toEqual([READ, DISSOCIATE, READ]);
  });

  it('a retry after a failed removal reads first', async () => {
    const error = new ZohoError({ kind: 'server', status: 500, message: 'Zoho failed' });
    const { send, openPanel, remove } = await setup({ removalFault: { error, applied: false } });
    const panel = await openPanel();
    await send('getUserBadges', CAROL, panel);
    expect(await remove(panel)).toEqual([DISSOCIATE, READ]);
    expect(await remove(panel)).toEqual([READ, DISSOCIATE, READ]);
  });

  it("an undo reads first, and a panel's read from before it no longer stands in", async () => {
    const { send, openPanel, remove, callsOf } = await setup();
    const first = await openPanel(5);
    await send('getUserBadges', CAROL, first);
    expect(await remove(first)).toEqual([DISSOCIATE, READ]);
    const second = await openPanel(6);
    await send('getUserBadges', CAROL, second);
    const [entry] = await readAuditLog(1_000_000);
    expect(await callsOf(() => send('undoRemoval', { auditId: entry!.auditId }))).toEqual([READ, ASSOCIATE, READ]);
    expect(await remove(second, ['11', '12'])).toEqual([READ, DISSOCIATE, READ]);
  });

  it('reads first while a change the worker sent is still on its way', async () => {
    const { send, openPanel, remove, calls, holdReawards } = await setup();
    const first = await openPanel(5);
    await send('getUserBadges', CAROL, first);
    await remove(first);
    const [entry] = await readAuditLog(1_000_000);
    const panel = await openPanel(6);
    await send('getUserBadges', CAROL, panel);
    const release = holdReawards();
    const undo = send('undoRemoval', { auditId: entry!.auditId });
    await vi.waitFor(() => expect(calls.at(-1)).toBe(ASSOCIATE));
    expect(await remove(panel, ['12'])).toEqual([READ, DISSOCIATE, READ]);
    release();
    await undo;
  });

  it("is the worker's own read for that panel: never one the message brings, never another panel's", async () => {
    const { send, openPanel, remove } = await setup();
    const reading = await openPanel(5);
    await send('getUserBadges', CAROL, reading);
    const other = await openPanel(6);
    expect(await remove(other, ['11'], { before: [{ id: '11', name: 'Rising Star' }] })).toEqual([
      READ,
      DISSOCIATE,
      READ,
    ]);
  });

  it('the net for badges taken although not chosen works from it: they are re-awarded and read back', async () => {
    const { send, openPanel, remove, desk } = await setup({ takesAll: true });
    const panel = await openPanel();
    await send('getUserBadges', CAROL, panel);
    expect(await remove(panel)).toEqual([DISSOCIATE, READ, ASSOCIATE, READ]);
    expect([...desk.held].sort()).toEqual(['12', '13']);
    const [entry] = await readAuditLog(1_000_000);
    expect(entry?.unchosen?.map((r) => [r.badgeId, r.outcome.status])).toEqual([
      ['12', 'restored'],
      ['13', 'restored'],
    ]);
  });
});
