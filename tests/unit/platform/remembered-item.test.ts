import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { remembered } from '../../../utils/platform/remembered-item';

const defineItem = () => remembered(storage.defineItem<{ n: number }>('local:counter', { fallback: { n: 0 } }));

describe('remembered stored items', () => {
  it('reads storage once, then answers from memory', async () => {
    await fakeBrowser.storage.local.set({ counter: { n: 4 } });
    const item = defineItem();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await Promise.all([item.getValue(), item.getValue()])).toEqual([{ n: 4 }, { n: 4 }]);
    const reads = get.mock.calls.length;
    expect(await item.getValue()).toEqual({ n: 4 });
    expect(get).toHaveBeenCalledTimes(reads);
  });

  it('writes through, and a value read before a write never hides the write', async () => {
    const item = defineItem();
    const reading = item.getValue();
    await item.setValue({ n: 7 });
    await reading;
    expect(await item.getValue()).toEqual({ n: 7 });
    expect(await browser.storage.local.get('counter')).toEqual({ counter: { n: 7 } });
    await item.removeValue();
    expect(await item.getValue()).toEqual({ n: 0 });
  });

  it('follows changes another context writes', async () => {
    const item = defineItem();
    expect(await item.getValue()).toEqual({ n: 0 });
    await browser.storage.local.set({ counter: { n: 9 } });
    expect(await item.getValue()).toEqual({ n: 9 });
  });

  it('keeps its value when a caller mutates what it was given', async () => {
    const item = defineItem();
    const given = { n: 1 };
    await item.setValue(given);
    given.n = 2;
    (await item.getValue()).n = 3;
    expect(await item.getValue()).toEqual({ n: 1 });
  });
});

describe('paced writes', () => {
  it('spaces writes of a large value by the gap, coalescing what came meanwhile, unless hurried', async () => {
    let t = 0;
    const waits: number[] = [];
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const item = remembered(storage.defineItem<number>('local:paced', { fallback: 0 }), {
      minGapMs: 400,
      now: () => t,
      sleep: async (ms) => {
        waits.push(ms);
        // Later gaps never end by themselves: only hurry() can let the write go.
        if (waits.length > 1) await new Promise(() => {});
        t += ms;
      },
    });
    await item.setValue(1);
    t += 100;
    await Promise.all([item.setValue(2), item.setValue(3)]);
    expect(waits).toEqual([300]);
    expect(set.mock.calls.map(([v]) => v)).toEqual([{ paced: 1 }, { paced: 3 }]);
    expect(await item.getValue()).toBe(3);

    const hurried = item.setValue(4);
    item.hurry();
    await hurried;
    expect(set.mock.calls.at(-1)?.[0]).toEqual({ paced: 4 });
  });
});
