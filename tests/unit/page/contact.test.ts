import { describe, expect, it } from 'vitest';
import { detectContactPage } from '../../../utils/page/contact';

describe('detectContactPage', () => {
  it.each([
    ['agent app contact', 'https://desk.zoho.com/agent/zylker/zylker/contacts/details/3313135931139', '3313135931139'],
    [
      'EU host, trailing slash',
      'https://desk.zoho.eu/agent/zylker/all/contacts/details/3313135931139/',
      '3313135931139',
    ],
  ])('matches %s', (_n, url, contactId) => {
    expect(detectContactPage(url)).toMatchObject({ kind: 'contact', contactId, portal: 'zylker' });
  });

  it.each([
    ['the contacts list', 'https://desk.zoho.com/agent/zylker/zylker/contacts'],
    ['a hashed classic link', 'https://desk.zoho.com/support/zylker/ShowHomePage.do#Contacts/dv/d126330f'],
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
