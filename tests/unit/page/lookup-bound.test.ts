import { describe, expect, it } from 'vitest';
import { createLookupBound, isOrgAgentPage, LOOKUPS_PER_MINUTE } from '../../../utils/page/lookup-bound';

describe('the lookup bound', () => {
  it('allows one lookup per user, and at most LOOKUPS_PER_MINUTE a minute per tab', () => {
    let now = 0;
    const bound = createLookupBound(() => now);
    const url = (n: number) => `${310975130100 + n}`;
    expect(bound.take(1, url(1))).toBe(true);
    expect(bound.take(1, url(1))).toBe(false);
    for (let n = 2; n <= LOOKUPS_PER_MINUTE; n++) expect(bound.take(1, url(n))).toBe(true);
    expect(bound.take(1, url(99))).toBe(false);
    // Another tab has its own count.
    expect(bound.take(2, url(99))).toBe(true);
    now += 60_000;
    expect(bound.take(1, url(99))).toBe(true);
    expect(bound.take(1, url(1))).toBe(true);
  });

  it('cycling 30 users in a minute costs at most LOOKUPS_PER_MINUTE lookups', () => {
    let now = 0;
    const bound = createLookupBound(() => now);
    let taken = 0;
    for (let n = 0; n < 30; n++) {
      now += 1000;
      if (bound.take(7, `${310975130100 + n}`)) taken++;
    }
    expect(taken).toBe(LOOKUPS_PER_MINUTE);
  });
});

describe('isOrgAgentPage', () => {
  const must = [
    ['https://desk.zoho.com/agent/zylker/helpcenter/users/1', 'zylker'],
    ['https://desk.zoho.eu/support/Zylker/ShowHomePage.do#Contacts', 'zylker'],
    ['https://support.zylker.example/agent/zylker/tickets', 'zylker'],
  ] as const;
  const mustNot = [
    ['https://desk.zoho.com/agent/other/helpcenter/users/1', 'zylker'],
    ['https://desk.zoho.com/portal/zylker/en/home', 'zylker'],
    ['https://desk.zoho.com/agent/zylker/users/1', undefined],
    ['not a url', 'zylker'],
    ['https://desk.zoho.com/', 'zylker'],
  ] as const;
  it.each(must)('matches %s for %s', (url, portal) => expect(isOrgAgentPage(url, portal)).toBe(true));
  it.each(mustNot)('does not match %s for %s', (url, portal) => expect(isOrgAgentPage(url, portal)).toBe(false));
});
