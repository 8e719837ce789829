import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { dispatch } from '../utils/messaging';
import { createHandlers } from '../utils/service';
import { connectionItem } from '../utils/storage';
import { dataCenterByLocation } from '../utils/zoho/datacenters';
import { createDeskClient } from '../utils/zoho/desk-client';
import { ZohoError } from '../utils/zoho/errors';
import { createZohoAuth } from '../utils/zoho/oauth';

export default defineBackground(() => {
  const fetchFn: typeof fetch = (input, init) => fetch(input, init);
  const auth = createZohoAuth({ identity: browser.identity, fetch: fetchFn, now: () => Date.now() });
  const client = createDeskClient({
    fetch: fetchFn,
    auth,
    deskHost: async () => {
      const connection = await connectionItem.getValue();
      const dc = connection && dataCenterByLocation(connection.location);
      if (!dc) throw new ZohoError({ kind: 'not-connected', message: 'The extension is not connected to Zoho Desk.' });
      return dc.deskHost;
    },
    orgId: async () => (await connectionItem.getValue())?.org?.id,
  });
  const handlers = createHandlers({
    auth,
    client,
    redirectUri: () => browser.identity.getRedirectURL(),
    openOptionsPage: () => browser.runtime.openOptionsPage(),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    auditBytes: async () => browser.storage.local.getBytesInUse?.('auditLog'),
  });
  const extensionOrigin = browser.runtime.getURL('/').replace(/\/$/, '');

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    dispatch(handlers, message, sender, browser.runtime.id, extensionOrigin).then(sendResponse);
    return true;
  });
});
