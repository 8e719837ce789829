import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { remembered } from '../../utils/remembered-item';

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
