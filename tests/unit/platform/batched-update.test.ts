import { describe, expect, it, vi } from 'vitest';
import { createBatchedUpdater } from '../../../utils/platform/batched-update';

describe('createBatchedUpdater', () => {
  it('applies every concurrent change, in order, with fewer writes than changes', async () => {
    let stored: number[] = [];
    let writes = 0;
    const update = createBatchedUpdater(
      async () => stored,
      // As a remembered item does: the value shows at once, the write follows.
      async (value: number[]) => {
        stored = value;
        await new Promise((r) => setTimeout(r, 1));
        writes++;
      },
    );
    await Promise.all(Array.from({ length: 50 }, (_, i) => update((list) => [...list, i])));
    expect(stored).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(writes).toBeLessThan(5);
  });

  it('rejects the callers of a failed write and keeps working after it', async () => {
    let fail = true;
    let stored = 0;
    const update = createBatchedUpdater(
      async () => stored,
      async (value: number) => {
        if (fail) throw new Error('disk full');
        stored = value;
      },
    );
    await expect(update((n) => n + 1)).rejects.toThrow('disk full');
    fail = false;
    await update((n) => n + 2);
    expect(stored).toBe(2);
  });

  it('writes nothing for a batch whose changes return what they were given', async () => {
    let writes = 0;
    const update = createBatchedUpdater(
      async () => ({ n: 1 }),
      async () => {
        writes++;
      },
    );
    await Promise.all([update((v) => v), update((v) => v)]);
    expect(writes).toBe(0);
    await update((v) => ({ n: v.n + 1 }));
    expect(writes).toBe(1);
  });

  it("tells a change's caller once the change is in the value load gives, before its write is done", async () => {
    let stored = 0;
    let finishWrite = () => {};
    const events: string[] = [];
    const update = createBatchedUpdater(
      async () => stored,
      (value: number) => {
        stored = value;
        return new Promise<void>((done) => {
          finishWrite = done;
        });
      },
    );
    const saved = update(
      (n) => n + 1,
      () => events.push(`applied, load gives ${stored}`),
    ).then(() => events.push('saved'));
    await vi.waitFor(() => expect(events).toEqual(['applied, load gives 1']));
    finishWrite();
    await saved;
    expect(events).toEqual(['applied, load gives 1', 'saved']);
  });
});
