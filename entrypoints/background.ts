import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { BulkRun } from '../utils/bulk/run-state';
import { type BulkSettings, bulkSettings, DEFAULT_BULK_SETTINGS } from '../utils/bulk/settings';
import { bulkRunItem } from '../utils/bulk/stored';
import { orgIdForCalls } from '../utils/connection/current-org';
import { createZohoAuth } from '../utils/connection/oauth';
import { indexedDbSecretStore, migrateSecrets } from '../utils/connection/secret-store';
import { connectionItem } from '../utils/connection/stored';
import { revokeToken } from '../utils/connection/token-endpoint';
import { createHandlers } from '../utils/handlers';
import { readPageConfig, watchPageConfig } from '../utils/page/config';
import { deskAddressMatches, deskAddressScriptId, registeredDeskAddresses } from '../utils/page/desk-addresses';
import { PAGE_CONFIG_MESSAGE } from '../utils/page/page-config';
import { deskAddressesItem } from '../utils/page/stored';
import { dispatch, type SenderLike } from '../utils/platform/dispatch';
import { ExtensionError, ZohoError } from '../utils/platform/errors';
import {
  DESK_PAGE_SCRIPT,
  extensionOrigin,
  optionsPageUrl,
  PANEL_OPENER_SCRIPT,
  panelPageUrl,
} from '../utils/platform/extension-pages';
import { t } from '../utils/platform/i18n';
import { type PortReply, type PortRequest, REQUEST_PORT } from '../utils/platform/request-client';
import { adoptTrustedArea, closeStorageToContentScripts } from '../utils/platform/trusted-storage';
import { dataCenterByLocation } from '../utils/platform/zoho/datacenters';
import { createDeskClient } from '../utils/platform/zoho/desk-client';
import { storedPageSizes } from '../utils/platform/zoho/page-sizes';
import { deskAddressesInForce, watchPolicy } from '../utils/policy/policy';
import { requests } from '../utils/requests';
import { adoptFormerSettings } from '../utils/settings';

const BULK_ALARM = 'bulk-run';
/**
 * The Desk page content script (its manifest entry covers Zoho's hosts; this registers it elsewhere), after the
 * panel opener it imports on Zoho's hosts: no web-accessible resource can name an organization's own address.
 */
const CONTENT_SCRIPT_FILES = [PANEL_OPENER_SCRIPT, DESK_PAGE_SCRIPT];
/** Daily: audit entries and bulk-run names past the retention period are deleted even if nobody opens them. */
const RETENTION_ALARM = 'retention';

export default defineBackground(() => {
  const fetchFn: typeof fetch = (input, init) => fetch(input, init);
  const secrets = indexedDbSecretStore();
  const auth = createZohoAuth({ identity: browser.identity, fetch: fetchFn, now: () => Date.now(), secrets });
  const client = createDeskClient({
    fetch: fetchFn,
    auth,
    deskHost: async () => {
      const connection = await connectionItem.getValue();
      const dc = connection && dataCenterByLocation(connection.location);
      if (!dc) throw new ZohoError({ kind: 'not-connected', message: t('worker_zoho_kind_not_connected') });
      return dc.deskHost;
    },
    // Only an organization the policy allows, checked before every call.
    orgId: orgIdForCalls,
    maxConcurrent: () => concurrency,
    pageSizes: storedPageSizes,
  });
  // Calls in flight follow the bulk concurrency setting (Zoho's per-org limit is 5 to 25 by edition).
  let concurrency = DEFAULT_BULK_SETTINGS.bulkConcurrency;
  const followConcurrency = (settings: BulkSettings | null) => {
    concurrency = settings?.bulkConcurrency ?? DEFAULT_BULK_SETTINGS.bulkConcurrency;
  };
  bulkSettings.item.watch(followConcurrency);
  const handlers = createHandlers({
    auth,
    client,
    ceiling: client,
    secrets,
    redirectUri: () => browser.identity.getRedirectURL(),
    openOptionsPage: async (link) => {
      if (!link) return browser.runtime.openOptionsPage();
      await browser.tabs.create({ url: optionsPageUrl(browser.runtime, link) });
    },
    deskAddressAccess: {
      granted: (origin) => browser.permissions.contains({ permissions: ['scripting'], origins: [`${origin}/*`] }),
      async register(origin) {
        const id = deskAddressScriptId(origin);
        const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
        if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [id] });
        await browser.scripting.registerContentScripts([
          {
            id,
            matches: deskAddressMatches(origin),
            js: CONTENT_SCRIPT_FILES,
            runAt: 'document_idle',
            persistAcrossSessions: true,
          },
        ]);
      },
      async unregister(origin) {
        await browser.scripting?.unregisterContentScripts({ ids: [deskAddressScriptId(origin)] });
      },
      async release(origin) {
        await browser.permissions.remove({ origins: [`${origin}/*`] });
      },
      async releaseScripting() {
        await browser.permissions.remove({ permissions: ['scripting'] });
      },
      async registered() {
        // Without the optional `scripting` permission there is no API, and nothing registered.
        const scripts = (await browser.scripting?.getRegisteredContentScripts()) ?? [];
        return registeredDeskAddresses(scripts, CONTENT_SCRIPT_FILES);
      },
    },
    async openPanelWindow(panelId) {
      const window = await browser.windows.create({
        url: panelPageUrl(browser.runtime, panelId),
        type: 'popup',
        width: 460,
        height: 640,
        focused: true,
      });
      const tabId = window?.tabs?.[0]?.id;
      if (tabId === undefined) throw new ExtensionError({ kind: 'server', message: t('worker_panel_window_failed') });
      return tabId;
    },
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    storageBytes: async (keys) => browser.storage.local.getBytesInUse?.(keys),
  });
  const ownOrigin = extensionOrigin(browser.runtime);

  // Before anything reads storage: closed to content scripts; an earlier version's data adopted (a bulk run it left
  // running waits for the admin: it was stored where content scripts could change it); exposed secrets dealt with.
  const migrated = (async () => {
    await closeStorageToContentScripts();
    if (await adoptTrustedArea()) await handlers.holdBulkRunForReview();
    // Before migrateSecrets rewrites the former settings item as the connection's alone.
    await adoptFormerSettings();
    await migrateSecrets({ revoke: (dc, token) => revokeToken(fetchFn, dc, token), now: () => Date.now() });
  })().catch((error: unknown) => console.warn('Badge Remover could not prepare its storage:', error));

  // The sender check reads the organization's own Desk addresses in force (the policy's, else the admin's), kept
  // current here.
  void migrated.then(() => bulkSettings.item.getValue()).then(followConcurrency);
  let deskAddresses = migrated.then(deskAddressesInForce);
  const followDeskAddresses = () => {
    deskAddresses = deskAddressesInForce();
  };
  deskAddressesItem.watch(followDeskAddresses);
  // Open Desk tabs follow the admin's patterns, addresses and anchor: their content scripts read no storage.
  const tellTabs = async () => {
    const message = { [PAGE_CONFIG_MESSAGE]: await readPageConfig(deskAddressesInForce) };
    for (const tab of await browser.tabs.query({})) {
      if (tab.id !== undefined) void browser.tabs.sendMessage(tab.id, message).catch(() => {});
    }
  };
  watchPageConfig(tellTabs);
  // The organization's policy, at every start and when IT changes it: every feature follows it at once.
  const followPolicy = () =>
    handlers
      .followPolicy()
      .catch((error: unknown) => console.warn('Badge Remover could not follow the policy:', error));
  void migrated.then(followPolicy);
  watchPolicy(() => {
    followDeskAddresses();
    void tellTabs();
    void followPolicy();
  });
  const answer = (message: unknown, sender: SenderLike, overPort = false) =>
    Promise.all([migrated, deskAddresses]).then(([, addresses]) =>
      dispatch(requests, handlers, message, sender, browser.runtime.id, ownOrigin, addresses, overPort),
    );
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void answer(message, sender).then(sendResponse);
    return true;
  });
  // The panel's requests come over a port it keeps open (`portSender`): the same dispatch, the port's sender.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== REQUEST_PORT) return;
    port.onMessage.addListener((raw) => {
      const { id, message } = (raw ?? {}) as Partial<PortRequest>;
      if (typeof id !== 'number') return;
      void answer(message, port.sender ?? {}, true).then((reply) => {
        try {
          port.postMessage({ id, reply } satisfies PortReply);
        } catch {
          // The panel went away meanwhile.
        }
      });
    });
  });

  // A bulk run that was under way when the worker stopped (or the browser closed) goes on. The
  // onStartup listener makes Chrome start this worker with the browser, so that happens at once;
  // while a run works, an alarm wakes a worker that Chrome stopped even with no page open.
  void migrated.then(() => handlers.resumeBulk());
  browser.runtime.onStartup.addListener(() => {});
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BULK_ALARM) void handlers.resumeBulk();
    if (alarm.name === RETENTION_ALARM) void handlers.expireData();
  });
  void browser.alarms.get(RETENTION_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 });
  });
  // While a run works, its alarm wakes a stopped worker every 30 s; a run paused for spent credits is woken once,
  // when Zoho said they return.
  let bulkAlarm: string | null = null;
  const followBulkRun = (run: BulkRun | null) => {
    const resumesAt = run?.status === 'paused' && run.pausedFor === 'credits' ? run.resumesAt : undefined;
    const wanted = run?.status === 'running' ? 'working' : resumesAt !== undefined ? `at ${resumesAt}` : 'none';
    if (wanted === bulkAlarm) return;
    bulkAlarm = wanted;
    if (wanted === 'working') void browser.alarms.create(BULK_ALARM, { periodInMinutes: 0.5 });
    else if (resumesAt !== undefined) void browser.alarms.create(BULK_ALARM, { when: resumesAt });
    else void browser.alarms.clear(BULK_ALARM);
  };
  void bulkRunItem.getValue().then(followBulkRun);
  bulkRunItem.watch(followBulkRun);
});
