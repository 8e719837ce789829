import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as z from 'zod/mini';
import {
  type AreaChanges,
  adoptTrustedArea,
  closeStorageToContentScripts,
  indexedDbArea,
  trustedItem,
} from '../../../utils/platform/trusted-storage';
import { fakeStorageArea } from './fake-storage-area';

/** BroadcastChannels of one origin: what one posts, the others hear (never itself). */
function channels() {
  const members = new Set<EventTarget>();
  return () => {
    const me = new EventTarget();
    members.add(me);
    return {
      addEventListener: me.addEventListener.bind(me),
      postMessage(data: unknown) {
        for (const other of members) if (other !== me) other.dispatchEvent(new MessageEvent('message', { data }));
      },
    };
  };
}

describe("Firefox's trusted area: the extension origin's IndexedDB", () => {
  it("keeps values, and tells its own listeners and the extension's other pages what changed", async () => {
    const factory = new IDBFactory();
    const channel = channels();
    const worker = indexedDbArea(factory, channel);
    const page = indexedDbArea(factory, channel);
    const heard: { where: string; changes: AreaChanges }[] = [];
    worker.onChanged((changes) => heard.push({ where: 'worker', changes }));
    page.onChanged((changes) => heard.push({ where: 'page', changes }));

    await worker.set({ settings: { clientId: '1000.X' }, pagePatterns: ['/a/{userId}'] });
    expect(await page.get(['settings', 'missing'])).toEqual({ settings: { clientId: '1000.X' } });
    expect(await page.get(null)).toEqual({ settings: { clientId: '1000.X' }, pagePatterns: ['/a/{userId}'] });
    await worker.set({ settings: { clientId: '1000.Y' } });
    await worker.remove(['pagePatterns', 'never']);

    expect(heard.filter((h) => h.where === 'page').map((h) => h.changes)).toEqual([
      { settings: { newValue: { clientId: '1000.X' } }, pagePatterns: { newValue: ['/a/{userId}'] } },
      { settings: { newValue: { clientId: '1000.Y' }, oldValue: { clientId: '1000.X' } } },
      { pagePatterns: { oldValue: ['/a/{userId}'] } },
    ]);
    // The writer's own listeners hear the same changes.
    expect(heard.filter((h) => h.where === 'worker')).toHaveLength(3);
    expect(await page.get('pagePatterns')).toEqual({});
  });
});

describe('trustedItem', () => {
  it('reads a value that fits its schema, and the fallback for one that does not (never used blindly)', async () => {
    const area = fakeStorageArea({ good: ['1234'], forged: ['../labels'], damaged: 'x' });
    const ids = (key: string) =>
      trustedItem<string[]>(key, { fallback: [], schema: z.array(z.string().check(z.regex(/^\d+$/))) }, () => area);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await ids('good').getValue()).toEqual(['1234']);
    expect(await ids('forged').getValue()).toEqual([]);
    expect(await ids('damaged').getValue()).toEqual([]);
    expect(await ids('absent').getValue()).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('watches its key, parsed, and removes itself for null', async () => {
    const area = fakeStorageArea();
    const item = trustedItem<number | null>('days', { fallback: null, schema: z.number() }, () => area);
    const seen: (number | null)[] = [];
    const unwatch = item.watch((value) => seen.push(value));
    await item.setValue(30);
    await area.set({ other: 1 });
    await item.setValue(null);
    unwatch();
    await item.setValue(7);
    expect(seen).toEqual([30, null]);
    expect(area.removals).toEqual([['days']]);
  });
});

describe('the trusted area at start', () => {
  it('closes storage.local and storage.session to content scripts', async () => {
    const local = vi.fn(async () => {});
    const session = vi.fn(async () => {});
    Object.assign(fakeBrowser.storage.local, { setAccessLevel: local });
    Object.assign(fakeBrowser.storage.session, { setAccessLevel: session });
    await closeStorageToContentScripts();
    expect(local).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    expect(session).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('Firefox: moves what an earlier version kept in storage.local once, and never leaves anything there', async () => {
    const area = fakeStorageArea();
    const local = fakeStorageArea({ settings: { clientId: '1000.X' }, auditLog: [] });
    const getAll = { get: async () => Object.fromEntries(local.data), remove: local.remove };
    expect(await adoptTrustedArea(area, getAll, false)).toBe(true);
    expect(Object.fromEntries(area.data)).toMatchObject({ settings: { clientId: '1000.X' }, auditLog: [] });
    expect([...local.data.keys()]).toEqual([]);
    // What a content script writes there later is dropped unread at the next start.
    await local.set({ bulkRun: { status: 'running' } });
    expect(await adoptTrustedArea(area, getAll, false)).toBe(false);
    expect(area.data.has('bulkRun')).toBe(false);
    expect([...local.data.keys()]).toEqual([]);
  });

  it('Chrome: storage.local is the trusted area itself; the first start of this version is told once', async () => {
    const area = fakeStorageArea({ settings: { clientId: '1000.X' } });
    const local = { get: vi.fn(), remove: vi.fn() };
    expect(await adoptTrustedArea(area, local, true)).toBe(true);
    expect(await adoptTrustedArea(area, local, true)).toBe(false);
    expect(local.get).not.toHaveBeenCalled();
    expect(area.data.get('settings')).toEqual({ clientId: '1000.X' });
  });
});
