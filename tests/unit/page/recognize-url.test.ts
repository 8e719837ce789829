import { describe, expect, it } from 'vitest';
import { type IdRole, idsInTarget, MAX_IDS, proposePattern } from '../../../utils/page/recognize-url';
import { compilePattern, matchTarget } from '../../../utils/page/url-pattern';
import { isDeskOrigin } from '../../../utils/platform/zoho/desk-web';

const target = (url: string) => matchTarget(url, isDeskOrigin)!;
const roles = (entries: [string, IdRole][]) => new Map(entries);

describe('idsInTarget', () => {
  it('takes the numeric segments of the path and hash, once each, in order', () => {
    expect(
      idsInTarget(target('https://desk.zoho.com/agent/zylker/77/community#members/300/profile/12345/300?tab=1')),
    ).toEqual(['77', '300', '12345']);
  });
  it('ignores numbers inside words and the query', () => {
    expect(idsInTarget(target('https://desk.zoho.com/agent/zylker/v2team/users?id=55#user-12'))).toEqual([]);
  });
  it('asks about a few at most', () => {
    const many = Array.from({ length: 10 }, (_, i) => String(100 + i)).join('/');
    expect(idsInTarget(`/agent/a/b/${many}`)).toHaveLength(MAX_IDS);
  });
});

describe('proposePattern', () => {
  const cases: { url: string; roles: [string, IdRole][]; pattern: string | undefined }[] = [
    {
      url: 'https://desk.zoho.com/agent/zylker/sales/community/hc/7000/member/12345',
      roles: [
        ['7000', 'helpCenter'],
        ['12345', 'user'],
      ],
      pattern: '/agent/{portal}/{department}/community/hc/{helpCenterId}/member/{userId}',
    },
    {
      url: 'https://desk.zoho.eu/agent/zylker/sales/home#people/4400/overview',
      roles: [['4400', 'contact']],
      pattern: '/agent/{portal}/{department}/home#people/{contactId}/overview',
    },
    {
      // A number Zoho did not know stays a wildcard; the contact beside a user becomes one too.
      url: 'https://desk.zoho.com/agent/zylker/sales/x/99/y/12345/z/4400',
      roles: [
        ['12345', 'user'],
        ['4400', 'contact'],
      ],
      pattern: '/agent/{portal}/{department}/x/{*}/y/{userId}/z/{*}',
    },
    {
      url: 'https://desk.zoho.com/support/zylker/ShowHomePage.do#Community/users/12345',
      roles: [['12345', 'user']],
      pattern: '/support/{portal}/ShowHomePage.do#Community/users/{userId}',
    },
    { url: 'https://desk.zoho.com/agent/zylker/sales/x/99', roles: [['99', 'helpCenter']], pattern: undefined },
    { url: 'https://desk.zoho.com/agent/zylker/sales/x/99', roles: [], pattern: undefined },
  ];
  for (const c of cases) {
    it(`${c.url} → ${c.pattern}`, () => {
      const t = target(c.url);
      const pattern = proposePattern(t, roles(c.roles));
      expect(pattern).toBe(c.pattern);
      if (!pattern) return;
      const compiled = compilePattern(pattern);
      expect(compiled.ok && compiled.pattern.match(t)).toBeTruthy();
    });
  }
  it('keeps a numeric portal name as the portal, not an ID', () => {
    const t = target('https://desk.zoho.com/agent/12345/sales/member/12345');
    expect(proposePattern(t, roles([['12345', 'user']]))).toBe('/agent/{portal}/{department}/member/{userId}');
  });
  it('proposes nothing a pattern cannot say (a brace in the URL)', () => {
    expect(proposePattern('/agent/a/b/{x}/12345', roles([['12345', 'user']]))).toBeUndefined();
  });
});
