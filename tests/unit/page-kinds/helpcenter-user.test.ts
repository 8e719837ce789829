import { describe, expect, it } from 'vitest';
import { detectPage, pageKey } from '../../../utils/page-kinds';
import { detectHelpCenterUserPage } from '../../../utils/page-kinds/helpcenter-user/detect';

const HC = '7000000012001';
const U = '310975130121';

describe('detectHelpCenterUserPage: URLs that must match', () => {
  it.each([
    [
      'agent app, hash route',
      `https://desk.zoho.com/agent/zylker/zylker/setup#setup/channels/helpcenter/${HC}/users/${U}`,
      { portal: 'zylker', helpCenterId: HC, userId: U },
    ],
    [
      'agent app, path route',
      `https://desk.zoho.eu/agent/zylker/partners/setup/channels/helpcenter/${HC}/users/${U}`,
      { portal: 'zylker', helpCenterId: HC, userId: U },
    ],
    [
      'classic ShowHomePage.do',
      `https://desk.zoho.in/support/zylker/ShowHomePage.do#Setup/helpcenter/${HC}/users/${U}`,
      { portal: 'zylker', helpCenterId: HC, userId: U },
    ],
    [
      'portal user id only',
      `https://desk.zoho.com/agent/zylker/zylker/setup#setup/channels/helpcenter/${HC}/users/portaluser/17883000000094001`,
      { portal: 'zylker', helpCenterId: HC, portalUserId: '17883000000094001' },
    ],
    [
      'trailing slash',
      `https://desk.zoho.com/agent/zylker/zylker/setup#setup/channels/helpcenter/${HC}/users/${U}/`,
      { userId: U },
    ],
    [
      'query in the page URL and in the hash',
      `https://desk.zoho.com/agent/zylker/zylker/setup?x=1#setup/channels/helpcenter/${HC}/users/${U}?tab=badges`,
      { userId: U },
    ],
    [
      'percent-encoded portal name',
      `https://desk.zoho.com/agent/zylker%20labs/zylker/setup#setup/channels/helpcenter/${HC}/users/${U}`,
      { portal: 'zylker labs', userId: U },
    ],
    [
      'CA data center host',
      `https://desk.zohocloud.ca/agent/z/d/setup#setup/channels/helpcenter/${HC}/users/${U}`,
      { userId: U },
    ],
    [
      'AU data center host',
      `https://desk.zoho.com.au/agent/z/d/setup#setup/channels/helpcenter/${HC}/users/${U}`,
      { userId: U },
    ],
    [
      "the portal's zohodesk.com address",
      `https://zylker.zohodesk.com/agent/zylker/zylker/setup#setup/channels/helpcenter/${HC}/users/${U}`,
      { portal: 'zylker', userId: U },
    ],
    [
      "an EU portal's zohodesk.eu address",
      `https://medc-support.zohodesk.eu/agent/medc/all/setup#setup/channels/helpcenter/${HC}/users/${U}`,
      { userId: U },
    ],
    [
      'the classic UI on a zohodesk.com.au address',
      `https://zylker.zohodesk.com.au/support/zylker/ShowHomePage.do#Setup/helpcenter/${HC}/users/${U}`,
      { userId: U },
    ],
  ])('%s', (_name, url, expected) => {
    const page = detectHelpCenterUserPage(url);
    expect(page).toMatchObject({ kind: 'helpcenter-user', ...expected });
    if (!('userId' in expected)) expect(page?.userId).toBeUndefined();
  });
});

describe('detectHelpCenterUserPage: URLs that must not match', () => {
  it.each([
    ['the users list', `https://desk.zoho.com/agent/zylker/zylker/setup#setup/channels/helpcenter/${HC}/users`],
    ['another setup page', 'https://desk.zoho.com/agent/zylker/zylker/setup#setup/channels/helpcenter/webforms'],
    ['a ticket', 'https://desk.zoho.com/agent/zylker/zylker/tickets/details/123400000456789'],
    [
      'a sub-page of the user',
      `https://desk.zoho.com/agent/zylker/zylker/setup#setup/channels/helpcenter/${HC}/users/${U}/edit`,
    ],
    [
      'a non-numeric user id',
      `https://desk.zoho.com/agent/zylker/zylker/setup#setup/channels/helpcenter/${HC}/users/carol`,
    ],
    [
      'a non-numeric help center id',
      `https://desk.zoho.com/agent/zylker/zylker/setup#setup/channels/helpcenter/abc/users/${U}`,
    ],
    ['a look-alike host', `https://desk.zoho.com.evil.test/agent/z/d/setup#setup/channels/helpcenter/${HC}/users/${U}`],
    ['a sub-domain', `https://x.desk.zoho.com/agent/z/d/setup#setup/channels/helpcenter/${HC}/users/${U}`],
    ['plain http', `http://desk.zoho.com/agent/z/d/setup#setup/channels/helpcenter/${HC}/users/${U}`],
    ['the accounts host', `https://accounts.zoho.com/agent/z/d/setup#setup/channels/helpcenter/${HC}/users/${U}`],
    ['a UK host (no Desk there)', `https://desk.zoho.uk/agent/z/d/setup#setup/channels/helpcenter/${HC}/users/${U}`],
    ['the customer portal', 'https://desk.zoho.com/portal/zylker/en/community/topic/welcome'],
    ['the user id in the query only', `https://desk.zoho.com/agent/z/d/setup?userId=${U}`],
    ['not a URL', 'desk.zoho.com/agent'],
    ['a contact page', 'https://desk.zoho.com/agent/zylker/zylker/contacts/details/3313135931139'],
    ['the public Help Center on a zohodesk address', `https://zylker.zohodesk.com/portal/en/community/user/${U}`],
    ['zohodesk.com itself', `https://zohodesk.com/agent/z/d/setup#setup/channels/helpcenter/${HC}/users/${U}`],
    [
      'two labels under zohodesk.com',
      `https://a.b.zohodesk.com/agent/z/d/setup#setup/channels/helpcenter/${HC}/users/${U}`,
    ],
    [
      'a look-alike zohodesk host',
      `https://zylker.zohodesk.com.evil.test/agent/z/d/setup#setup/channels/helpcenter/${HC}/users/${U}`,
    ],
    [
      'a zohodesk host with a port',
      `https://zylker.zohodesk.com:8443/agent/z/d/setup#setup/channels/helpcenter/${HC}/users/${U}`,
    ],
    [
      'zohodesk for a data center without one',
      `https://zylker.zohodesk.sg/agent/z/d/setup#setup/channels/helpcenter/${HC}/users/${U}`,
    ],
  ])('%s', (_name, url) => {
    expect(detectHelpCenterUserPage(url)).toBeNull();
  });
});

describe('admin-added patterns', () => {
  const custom = ['/agent/{portal}/{*}/community/members/{userId}'];

  it('match what the built-ins do not', () => {
    const url = `https://desk.zoho.com/agent/zylker/zylker/community/members/${U}`;
    expect(detectHelpCenterUserPage(url)).toBeNull();
    expect(detectHelpCenterUserPage(url, custom)).toMatchObject({ userId: U, portal: 'zylker', pattern: custom[0] });
  });

  it('still refuse other hosts and non-numeric ids', () => {
    expect(detectHelpCenterUserPage(`https://evil.test/agent/z/x/community/members/${U}`, custom)).toBeNull();
    expect(detectHelpCenterUserPage('https://desk.zoho.com/agent/z/x/community/members/carol', custom)).toBeNull();
  });

  it('are ignored when invalid', () => {
    expect(detectHelpCenterUserPage('https://desk.zoho.com/anything/1', ['/anything/{id}'])).toBeNull();
  });
});

describe('detectPage and pageKey', () => {
  it('tells users and contacts apart, and gives one key per target', () => {
    const a = detectPage(`https://desk.zoho.com/agent/z/d/setup#setup/channels/helpcenter/${HC}/users/${U}`)!;
    const b = detectPage(`https://desk.zoho.com/agent/z/d/setup/channels/helpcenter/${HC}/users/${U}`)!;
    const c = detectPage('https://desk.zoho.com/agent/z/d/contacts/details/3313135931139')!;
    expect(pageKey(a)).toBe(pageKey(b));
    expect(c.kind).toBe('contact');
    expect(pageKey(c)).not.toBe(pageKey(a));
  });
});
