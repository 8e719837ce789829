import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPagePatterns, watchPagePatterns } from '../../../utils/page/admin-patterns';
import { pagePatternsItem } from '../../../utils/page/stored';

describe('page patterns read without the storage layer', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads what pagePatternsItem saved, and nothing as no patterns', async () => {
    expect(await readPagePatterns()).toEqual([]);
    await pagePatternsItem.setValue(['/x/{userId}']);
    expect(await readPagePatterns()).toEqual(['/x/{userId}']);
  });

  it('reads a damaged value as no patterns', async () => {
    await fakeBrowser.storage.local.set({ pagePatterns: 'not a list' });
    expect(await readPagePatterns()).toEqual([]);
  });

  it('reports saved and removed patterns until unwatched', async () => {
    const seen: string[][] = [];
    const unwatch = watchPagePatterns((patterns) => seen.push(patterns));
    await pagePatternsItem.setValue(['/a/{userId}']);
    await fakeBrowser.storage.session.set({ pagePatterns: ['/session/{userId}'] });
    await pagePatternsItem.removeValue();
    unwatch();
    await pagePatternsItem.setValue(['/b/{userId}']);
    expect(seen).toEqual([['/a/{userId}'], []]);
  });
});
