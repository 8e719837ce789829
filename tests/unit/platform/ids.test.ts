import { describe, expect, it } from 'vitest';
import { isZohoId, ZOHO_ID_GROUP } from '../../../utils/platform/ids';

describe('the Zoho ID rule', () => {
  it.each(['1', '24073000002953202', '1'.repeat(30)])('takes %s', (id) => expect(isZohoId(id)).toBe(true));
  it.each(['', ' 1', '1 ', '-1', '1e5', '0x1F', '12a', '1'.repeat(31), '１２'])('refuses %j', (id) =>
    expect(isZohoId(id)).toBe(false),
  );
  it('captures the same IDs in a URL pattern', () => {
    const route = new RegExp(`^/users/${ZOHO_ID_GROUP}$`);
    expect(route.exec('/users/24073000002953202')?.[1]).toBe('24073000002953202');
    expect(route.test('/users/abc')).toBe(false);
  });
});
