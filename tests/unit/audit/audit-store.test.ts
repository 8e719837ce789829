import { describe, expect, it, vi } from 'vitest';
import { AUDIT_CHUNK_SIZE, createAuditStore } from '../../../utils/audit/audit-store';
import type { AuditEntry } from '../../../utils/audit/stored';
import { fakeStorageArea } from '../platform/fake-storage-area';
import { auditEntry } from './audit-entry';

const entry = auditEntry;
const entries = (from: number, count: number) => Array.from({ length: count }, (_, i) => entry(String(from + i)));

const ids = (log: AuditEntry[]) => log.map((e) => e.auditId);
/** A store that runs its writes as they come (no pacing gap), as after a restart of the worker. */
const storeOn = (a: ReturnType<typeof fakeStorageArea>) => createAuditStore(a, { now: () => 0, sleep: async () => {} });

describe('the chunked audit log', () => {
  it('stores entries in chunks, in order, and a restarted worker reads them all back', async () => {
    const a = fakeStorageArea();
    const store = storeOn(a);
    for (let i = 0; i < 250; i++) await store.save([...(await store.read()), entry(String(i))]);
    expect(a.data.get('auditLog.chunks')).toEqual([0, 1, 2]);
    expect((a.data.get('auditLog.2') as AuditEntry[]).length).toBe(250 - 2 * AUDIT_CHUNK_SIZE);
    expect(await store.keys()).toEqual(['auditLog.chunks', 'auditLog.0', 'auditLog.1', 'auditLog.2']);
    expect(ids(await storeOn(a).read())).toEqual(ids(entries(0, 250)));
  });

  it('a new entry rewrites only the newest chunk, not the whole log', async () => {
    const a = fakeStorageArea();
    const store = storeOn(a);
    await store.save(entries(0, 950));
    a.writes.length = 0;
    await store.save([...(await store.read()), entry('new')]);
    expect(a.writes).toEqual([['auditLog.9']]);
    expect(ids(await storeOn(a).read()).at(-1)).toBe('new');
  });

  it('a changed entry rewrites only its chunk, in place', async () => {
    const a = fakeStorageArea();
    const store = storeOn(a);
    await store.save(entries(0, 300));
    a.writes.length = 0;
    const log = await store.read();
    await store.save(log.map((e) => (e.auditId === '150' ? { ...e, undoneBy: ['u1'] } : e)));
    expect(a.writes).toEqual([['auditLog.1']]);
    const reread = await storeOn(a).read();
    expect(ids(reread)).toEqual(ids(entries(0, 300)));
    expect(reread[150]?.undoneBy).toEqual(['u1']);
  });

  it('pruning the oldest entries drops whole chunks and rewrites the one cut', async () => {
    const a = fakeStorageArea();
    const store = storeOn(a);
    await store.save(entries(0, 300));
    a.writes.length = 0;
    await store.save((await store.read()).slice(150));
    expect(a.writes).toEqual([['auditLog.1', 'auditLog.chunks']]);
    expect(a.removals).toEqual([['auditLog.0']]);
    expect(a.data.has('auditLog.0')).toBe(false);
    expect(ids(await storeOn(a).read())).toEqual(ids(entries(150, 150)));
  });

  it('moves a log stored whole (before chunks) into chunks, losing nothing', async () => {
    const a = fakeStorageArea({ auditLog: entries(0, 230) });
    const store = storeOn(a);
    expect(ids(await store.read())).toEqual(ids(entries(0, 230)));
    await vi.waitFor(() => expect(a.data.has('auditLog')).toBe(false));
    expect(a.data.get('auditLog.chunks')).toEqual([0, 1, 2]);
    expect(ids(await storeOn(a).read())).toEqual(ids(entries(0, 230)));
  });

  it('paces writes, and hurry() stores the waiting change at once', async () => {
    const a = fakeStorageArea();
    const store = createAuditStore(a, { now: () => 0, sleep: () => new Promise<void>(() => {}) });
    await store.save([entry('1')]);
    let stored = false;
    const second = store.save([...(await store.read()), entry('2')]).then(() => {
      stored = true;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(stored).toBe(false);
    expect(ids(await store.read())).toEqual(['1', '2']);
    store.hurry();
    await second;
    expect(ids(await storeOn(a).read())).toEqual(['1', '2']);
  });

  it('a write that fails is not retried on its own; the next save writes what it missed', async () => {
    const a = fakeStorageArea();
    const store = storeOn(a);
    await store.save(entries(0, 5));
    const set = a.set;
    let full = true;
    let attempts = 0;
    a.set = async (items) => {
      attempts++;
      if (full) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    };
    await expect(store.save([...(await store.read()), entry('lost?')])).rejects.toThrow('QUOTA_BYTES');
    await new Promise((r) => setTimeout(r, 20));
    expect(attempts).toBe(1);
    full = false;
    await store.save([...(await store.read()), entry('next')]);
    expect(ids(await storeOn(a).read())).toEqual([...ids(entries(0, 5)), 'lost?', 'next']);
  });

  it('a read that fails is tried again at the next one', async () => {
    const a = fakeStorageArea({ 'auditLog.chunks': [0], 'auditLog.0': entries(0, 3) });
    const get = a.get;
    a.get = async () => {
      a.get = get;
      throw new Error('storage is busy');
    };
    const store = storeOn(a);
    await expect(store.read()).rejects.toThrow('storage is busy');
    expect(ids(await store.read())).toEqual(ids(entries(0, 3)));
  });
});
