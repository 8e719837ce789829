import { describe, expect, it } from 'vitest';
import { deskUserPageUrl, pageUserTarget, tabOffers } from '../../../utils/search/popup-tab';

const HC = '7000000012001';
const U = '310975130121';
const USER_PAGE = `https://desk.zoho.com/agent/zylker/zylker/setup#setup/channels/helpcenter/${HC}/users/${U}`;
const COMMUNITY_PAGE = `https://desk.zoho.com/agent/zylker/sales/community/${HC}/members/${U}`;
const COMMUNITY_PATTERN = '/agent/{portal}/{department}/community/{helpCenterId}/members/{userId}';

describe('pageUserTarget', () => {
  it('finds the user and help center of a known user page', () => {
    expect(pageUserTarget(USER_PAGE, [])).toEqual({ userId: U, helpCenterId: HC });
  });

  it('knows the pages of an admin-added pattern', () => {
    expect(pageUserTarget(COMMUNITY_PAGE, [])).toBeNull();
    expect(pageUserTarget(COMMUNITY_PAGE, [COMMUNITY_PATTERN])).toEqual({ userId: U, helpCenterId: HC });
  });

  it('has no user for a page that names only the portal user, or for other pages', () => {
    const portalUser = `https://desk.zoho.com/agent/zylker/zylker/setup#setup/channels/helpcenter/${HC}/users/portaluser/17883000000094001`;
    expect(pageUserTarget(portalUser, [])).toBeNull();
    expect(pageUserTarget('https://example.com/', [])).toBeNull();
  });
});

describe('tabOffers', () => {
  it('offers to recognize an agent-app page no pattern knows', () => {
    expect(tabOffers(COMMUNITY_PAGE, [])).toEqual({ unknownPage: COMMUNITY_PAGE, ownDomain: null });
    expect(tabOffers(COMMUNITY_PAGE, [COMMUNITY_PATTERN])).toEqual({ unknownPage: null, ownDomain: null });
    expect(tabOffers(USER_PAGE, [])).toEqual({ unknownPage: null, ownDomain: null });
  });

  it('offers nothing outside the agent app, such as the public Help Center', () => {
    expect(tabOffers('https://desk.zoho.com/portal/zylker/en/home', [])).toEqual({
      unknownPage: null,
      ownDomain: null,
    });
  });

  it("proposes the origin of an agent-app path on another https host as the organization's own Desk", () => {
    expect(tabOffers('https://support.zylker.example/agent/zylker/sales/tickets', [])).toEqual({
      unknownPage: null,
      ownDomain: 'https://support.zylker.example',
    });
    expect(tabOffers('http://support.zylker.example/agent/zylker', []).ownDomain).toBeNull();
    expect(tabOffers('https://support.zylker.example/portal/zylker', []).ownDomain).toBeNull();
  });

  it('offers nothing for a URL that does not parse, rather than failing the popup', () => {
    expect(tabOffers('not a url', [])).toEqual({ unknownPage: null, ownDomain: null });
    expect(tabOffers('https://', [])).toEqual({ unknownPage: null, ownDomain: null });
  });
});

describe('deskUserPageUrl', () => {
  const status = {
    dataCenter: { location: 'eu' as const, label: 'Europe' },
    org: { id: '600', name: 'Zylker', portalName: 'zylker' },
  };

  it("leads to the user's page on the data center's Desk host, which the detector knows", () => {
    const url = deskUserPageUrl(status, { userId: U, helpCenterId: HC });
    expect(url).toBe(`https://desk.zoho.eu/agent/zylker/all/setup#setup/channels/helpcenter/${HC}/users/${U}`);
    expect(pageUserTarget(url!, [])).toEqual({ userId: U, helpCenterId: HC });
  });

  it('has no address without a help center, a portal name or a data center', () => {
    expect(deskUserPageUrl(status, { userId: U })).toBeNull();
    expect(
      deskUserPageUrl({ ...status, org: { id: '600', name: 'Zylker' } }, { userId: U, helpCenterId: HC }),
    ).toBeNull();
    expect(deskUserPageUrl({ org: status.org }, { userId: U, helpCenterId: HC })).toBeNull();
    expect(deskUserPageUrl(null, { userId: U, helpCenterId: HC })).toBeNull();
  });
});
