import { describe, expect, it } from 'vitest';
import type { BulkItem, BulkRun } from '../../../utils/bulk/run-state';
import { createRunStore, RUN_CHUNK_SIZE, readStoredRun, watchStoredRun } from '../../../utils/bulk/run-store';
import { fakeStorageArea } from '../platform/fake-storage-area';

const item = (userId: string, over: Partial<BulkItem> = {}): BulkItem => ({
  userId,
  badgeIds: ['11'],
  state: 'pending',
  ...over,
});
const runOf = (count: number): BulkRun => ({
  id: 'run',
  orgId: '600',
  createdAt: 1,
  status: 'running',
  concurrency: 5,
  items: Array.from({ length: count }, (_, i) => item(String(1000 + i))),
});

/** Takes the run as it was put together: these tests are about the chunks (the schema has tests of its own). */
const asStored = (raw: unknown) => raw as BulkRun;
const storeOn = (a: ReturnType<typeof fakeStorageArea>) =>
  createRunStore(a, { parse: asStored, now: () => 0, sleep: async () => {} });

describe('the bulk run in chunks', () => {
  it('stores a run in chunks, and a restarted worker reads it back whole', async () => {
    const a = fakeStorageArea();
    const run = runOf(RUN_CHUNK_SIZE * 2 + 7);
    await storeOn(a).setValue(run);
    expect(a.writes).toEqual([['bulkRun', 'bulkRun.items.0', 'bulkRun.items.1', 'bulkRun.items.2']]);
    expect(await storeOn(a).getValue()).toEqual(run);
  });

  it("a change to one user rewrites that user's chunk and the header, not the whole queue", async () => {
    const a = fakeStorageArea();
    const store = storeOn(a);
    const run = runOf(RUN_CHUNK_SIZE * 3);
    await store.setValue(run);
    const items = run.items.slice();
    items[RUN_CHUNK_SIZE + 4] = { ...items[RUN_CHUNK_SIZE + 4]!, state: 'removed' };
    await store.setValue({ ...run, items });
    expect(a.writes.at(-1)).toEqual(['bulkRun', 'bulkRun.items.1']);
    expect((await readStoredRun(a, asStored))?.items[RUN_CHUNK_SIZE + 4]?.state).toBe('removed');
  });

  it('reads a run stored whole by an earlier version, and its first write stores every chunk', async () => {
    const run = runOf(RUN_CHUNK_SIZE + 1);
    const a = fakeStorageArea({ bulkRun: run });
    const store = storeOn(a);
    expect(await store.getValue()).toEqual(run);
    await store.setValue({ ...run, status: 'paused' });
    expect(a.writes).toEqual([['bulkRun', 'bulkRun.items.0', 'bulkRun.items.1']]);
    expect(await readStoredRun(a, asStored)).toEqual({ ...run, status: 'paused' });
  });

  it('forgetting the run removes its chunks too, even those a fresh worker never read', async () => {
    const a = fakeStorageArea();
    await storeOn(a).setValue(runOf(RUN_CHUNK_SIZE + 1));
    await storeOn(a).setValue(null);
    expect([...a.data.keys()]).toEqual([]);
    expect(await storeOn(a).getValue()).toBeNull();
  });

  it("a page follows the run from each write's chunks, without reading it again", async () => {
    const a = fakeStorageArea();
    const store = storeOn(a);
    const run = runOf(RUN_CHUNK_SIZE + 3);
    await store.setValue(run);
    const seen: (BulkRun | null)[] = [];
    watchStoredRun((r) => seen.push(r), a, asStored);
    await new Promise((r) => setTimeout(r, 0));
    const items = run.items.slice();
    items[RUN_CHUNK_SIZE] = { ...items[RUN_CHUNK_SIZE]!, state: 'removed' };
    const next = { ...run, items };
    await store.setValue(next);
    expect(seen).toEqual([next]);
    await store.setValue(null);
    expect(seen.at(-1)).toBeNull();
  });
});
