import { describe, expect, it } from 'vitest';
import { DATA_CENTERS, dataCenterByDeskOrigin, deskWebOriginPatterns } from '../../../utils/platform/zoho/datacenters';
import { deskPagePortal, deskWebLocation, isDeskOrigin } from '../../../utils/platform/zoho/desk-web';

/** Origins where the Desk agent app is served, and the data center each is in. */
const DESK_ORIGINS: [string, string][] = [
  ['https://desk.zoho.com', 'us'],
  ['https://desk.zoho.eu', 'eu'],
  ['https://desk.zohocloud.ca', 'ca'],
  ['https://desk.zoho.ae', 'ae'],
  ['https://zylker.zohodesk.com', 'us'],
  ['https://zylker-support.zohodesk.eu', 'eu'],
  ['https://z1.zohodesk.com.au', 'au'],
  ['https://zylker.zohodesk.com.cn', 'cn'],
];

/** Origins that are not, however close. */
const NOT_DESK_ORIGINS = [
  'http://desk.zoho.com',
  'https://desk.zoho.com:8443',
  'https://desk.zoho.com.evil.example',
  'https://evildesk.zoho.com',
  'https://zohodesk.com',
  'https://a.b.zohodesk.com',
  'https://-zylker.zohodesk.com',
  'https://zylker.zohodesk.com.evil.example',
  // Singapore and the UAE have no portal domain known.
  'https://zylker.zohodesk.sg',
  'https://accounts.zoho.com',
  'https://support.zylker.example',
  'null',
  '',
];

describe('Desk web origins', () => {
  it.each(DESK_ORIGINS)('%s is the agent app of data center %s', (origin, location) => {
    expect(deskWebLocation(origin)).toBe(location);
    expect(isDeskOrigin(origin)).toBe(true);
    expect(dataCenterByDeskOrigin(origin)?.location).toBe(location);
  });

  it.each(NOT_DESK_ORIGINS)('%j is not a Desk origin', (origin) => {
    expect(deskWebLocation(origin)).toBeUndefined();
    expect(isDeskOrigin(origin)).toBe(false);
    expect(dataCenterByDeskOrigin(origin)).toBeUndefined();
  });

  it("every data center's Desk host is a Desk origin, and so is a portal on each portal domain", () => {
    for (const dc of DATA_CENTERS) {
      expect(dataCenterByDeskOrigin(dc.deskHost)).toBe(dc);
      if ('portalDomain' in dc) expect(dataCenterByDeskOrigin(`https://zylker.${dc.portalDomain}`)).toBe(dc);
    }
    expect(deskWebOriginPatterns()).toContain('https://*.zohodesk.com');
  });
});

describe('deskPagePortal: the portal an agent-app address names', () => {
  it.each([
    ['https://desk.zoho.com/agent/zylker/zylker/setup#setup/channels/helpcenter', 'zylker'],
    ['https://desk.zoho.eu/support/zylker/ShowHomePage.do#Setup/helpcenter', 'zylker'],
    ['https://help.zylker.com/agent/zylker/all/tickets', 'zylker'],
  ])('%s names %s', (url, portal) => {
    expect(deskPagePortal(url)).toBe(portal);
  });

  it.each([
    ['the agent app with no portal', 'https://desk.zoho.com/agent/'],
    ['the bare agent path', 'https://desk.zoho.com/agent'],
    ['a path that only starts like the agent app', 'https://desk.zoho.com/agents/zylker/x'],
    ['the public Help Center', 'https://desk.zoho.com/portal/zylker/en/home'],
    ['the portal name in the hash only', 'https://desk.zoho.com/#agent/zylker'],
    ['not a URL', 'agent/zylker'],
  ])('%s names none', (_name, url) => {
    expect(deskPagePortal(url)).toBeUndefined();
  });
});
