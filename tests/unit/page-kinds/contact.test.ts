import { describe, expect, it } from 'vitest';
import { detectContactPage } from '../../../utils/page-kinds/contact/detect';

describe('detectContactPage', () => {
  it.each([
    ['agent app contact', 'https://desk.zoho.com/agent/zylker/zylker/contacts/details/3313135931139', '3313135931139'],
    [
      'EU host, trailing slash',
      'https://desk.zoho.eu/agent/zylker/all/contacts/details/3313135931139/',
      '3313135931139',
    ],
    [
      "Zoho's own contact webUrl (the classic app)",
      'https://desk.zoho.in/support/zylker/ShowHomePage.do#Contacts/dv/3313135931139',
      '3313135931139',
    ],
    [
      'the classic link on a portal domain',
      'https://zylker.zohodesk.com/support/zylker/ShowHomePage.do#Contacts/dv/3313135931139',
      '3313135931139',
    ],
  ])('matches %s', (_n, url, contactId) => {
    expect(detectContactPage(url)).toMatchObject({ kind: 'contact', contactId, portal: 'zylker' });
  });

  it.each([
    ['the contacts list', 'https://desk.zoho.com/agent/zylker/zylker/contacts'],
    [
      'a classic link with a non-numeric id',
      'https://desk.zoho.com/support/zylker/ShowHomePage.do#Contacts/dv/d126330f',
    ],
    ['the classic contacts list', 'https://desk.zoho.com/support/zylker/ShowHomePage.do#Contacts'],
    ['a classic ticket', 'https://desk.zoho.com/support/zylker/ShowHomePage.do#Cases/dv/3313135931139'],
    ['a classic link under /portal/', 'https://desk.zoho.com/portal/zylker/ShowHomePage.do#Contacts/dv/3313135931139'],
    ['another page of the classic app', 'https://desk.zoho.com/support/zylker/Other.do#Contacts/dv/3313135931139'],
    ['a non-numeric id', 'https://desk.zoho.com/agent/zylker/zylker/contacts/details/abc'],
    ['another host', 'https://example.com/agent/zylker/zylker/contacts/details/3313135931139'],
    ['a user page', 'https://desk.zoho.com/agent/z/d/setup#setup/channels/helpcenter/1/users/2'],
  ])('does not match %s', (_n, url) => {
    expect(detectContactPage(url)).toBeNull();
  });

  it('takes admin-added contact patterns', () => {
    const url = 'https://desk.zoho.com/agent/zylker/crm/customers/9001';
    expect(detectContactPage(url, ['/agent/{portal}/{*}/customers/{contactId}'])).toMatchObject({ contactId: '9001' });
  });
});
