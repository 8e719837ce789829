import { describe, expect, it } from 'vitest';
import { forgetRememberedValues } from '../../../utils/platform/remembered-item';
import { storedPageSizes } from '../../../utils/platform/zoho/page-sizes';

describe('storedPageSizes', () => {
  it('keeps a learned page size per organization and operation across a worker restart', async () => {
    await storedPageSizes.set('600:getUserBadges', 25);
    await storedPageSizes.set('700:getBadges', 10);
    // A new worker: nothing in memory, read from storage.
    forgetRememberedValues();
    expect(await storedPageSizes.get('600:getUserBadges')).toBe(25);
    expect(await storedPageSizes.get('700:getBadges')).toBe(10);
    expect(await storedPageSizes.get('700:getUserBadges')).toBeUndefined();
  });
});
