import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../../utils/page/url-pattern';

describe('compilePattern', () => {
  it.each([
    ['', /empty/],
    ['agent/{portal}/users/{userId}', /Start with the path/],
    ['https://desk.zoho.com/agent/{userId}', /Start with the path/],
    ['/agent/{portal}/users/{user}', /Unknown placeholder \{user\}/],
    ['/agent/{portal}/users', /Include \{userId\}/],
    ['/agent/{userId}/x/{userId}', /appears twice/],
    ['/agent/{portal/users/{userId}', /Unknown placeholder|not closed/],
    ['/agent/}{userId}', /not closed or opened/],
    ['/agent/users/{userId}?tab=1', /query string/],
    ['/agent/users /{userId}', /spaces/],
    ['/a#b#{userId}', /at most one "#"/],
    ['/c/{contactId}/u/{userId}', /not both/],
    [`/${'a'.repeat(600)}/{userId}`, /under 500/],
  ])('refuses %j', (text, message) => {
    const result = compilePattern(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('treats regex characters in admin text literally', () => {
    const result = compilePattern('/agent/(.*)/users/{userId}');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pattern.match('/agent/(.*)/users/12')).toEqual({ userId: '12' });
    expect(result.pattern.match('/agent/anything/users/12')).toBeNull();
  });

  it('matches one segment per placeholder and digits for ids', () => {
    const result = compilePattern('/agent/{portal}/{*}/hc/{helpCenterId}/u/{userId}');
    if (!result.ok) throw new Error(result.error);
    expect(result.pattern.match('/agent/zylker/any/hc/7/u/42')).toEqual({
      portal: 'zylker',
      helpCenterId: '7',
      userId: '42',
    });
    expect(result.pattern.match('/agent/zylker/a/b/hc/7/u/42')).toBeNull();
    expect(result.pattern.match('/agent/zylker/any/hc/7/u/42x')).toBeNull();
  });
});
