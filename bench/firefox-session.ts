/**
 * Firefox's session, for the measures with a Firefox figure (removal, bulk): the same sandbox, the Firefox build in
 * Firefox ESR driven by puppeteer-core over WebDriver BiDi with the Firefox tests' own steps (scripts/firefox.ts),
 * every connection through the local proxy to the sandbox, so nothing leaves the machine. BiDi opens no
 * `moz-extension://` URL: the extension's pages are reached by clicking through, as an admin does, and one of them
 * stays open for the code the bench evaluates in the extension.
 */
import type { Frame, Page } from 'puppeteer-core';
import {
  connectOnOptions,
  type FirefoxWithExtension,
  hostsBeyondSandbox,
  launchFirefoxWithExtension,
  openPage,
  optionsThroughPanel,
} from '../scripts/firefox';
import { TRUSTED_DB } from '../utils/platform/trusted-storage';
import {
  type BareFetchFloor,
  type BenchSandbox,
  bareFetchArgs,
  bareFetchInExtension,
  DEMO_USER_PAGE,
  earlierAuditItems,
  startBenchSandbox,
} from './session';

export interface FirefoxBenchSession extends BenchSandbox, BareFetchFloor {
  firefox: FirefoxWithExtension;
  /**
   * An extension page, first the options page the session connected on: where code runs in the extension (the
   * bare-fetch floor), and the tab a measure takes to the extension's other pages (goToExtensionPage).
   */
  extensionPage: Page;
  /** The demo user's Desk page, loaded once: the removals navigate it between users. */
  deskPage: Page;
  /** The extension's access token, read once. */
  token(): Promise<string>;
}

/**
 * Runs `fn` in a page or frame. tsx keeps function names with a `__name` helper that the page does not have
 * (Chromium's session adds it with an init script; BiDi's preload scripts do not reach extension pages).
 */
export async function evaluateIn<A, R>(scope: Page | Frame, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  await scope.evaluate('globalThis.__name ??= (f) => f;');
  return (await scope.evaluate(fn as (arg: unknown) => unknown, arg)) as R;
}

export async function startFirefoxSession(extensionDir: string): Promise<FirefoxBenchSession> {
  const bench = await startBenchSandbox();
  let firefox: FirefoxWithExtension;
  try {
    firefox = await launchFirefoxWithExtension(bench.sandbox, { extensionDir });
  } catch (error) {
    await bench.close();
    throw error;
  }
  const close = async () => {
    await firefox.close();
    const beyond = hostsBeyondSandbox(firefox, bench.sandbox.hostNames);
    if (beyond.length) console.warn(`Firefox asked for hosts the sandbox does not serve: ${beyond.join(', ')}`);
    await bench.close();
  };

  let extensionPage: Page;
  let deskPage: Page;
  try {
    // Connected as an admin connects: the panel's "Connect in options", the client ID, Zoho's consent.
    extensionPage = await optionsThroughPanel(firefox, DEMO_USER_PAGE);
    await connectOnOptions(firefox, extensionPage);
    await evaluateIn(extensionPage, putInTrustedArea, { db: TRUSTED_DB, items: earlierAuditItems() });
    deskPage = await openPage(firefox, DEMO_USER_PAGE);
  } catch (error) {
    await close();
    throw error;
  }

  let token: Promise<string> | undefined;
  const session: FirefoxBenchSession = {
    ...bench,
    firefox,
    extensionPage,
    deskPage,
    token() {
      token ??= evaluateIn(extensionPage, readAccessToken, undefined);
      return token;
    },
    async bareFetchRemovals(ids, atOnce) {
      const args = bareFetchArgs(ids, atOnce, await session.token());
      // In front, as the extension's own pages are when they work: Firefox throttles a background tab.
      await session.extensionPage.bringToFront();
      return evaluateIn(session.extensionPage, bareFetchInExtension, args);
    },
    close,
  };
  return session;
}

/** In an extension page: the access token, where the worker keeps it (utils/connection/token-store.ts). */
async function readAccessToken(): Promise<string> {
  const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
  const { accessToken } = await ext.storage.session.get('accessToken');
  return (accessToken as { token: string }).token;
}

/** In an extension page: `items` put in Firefox's trusted area, the extension origin's IndexedDB. */
async function putInTrustedArea({ db, items }: { db: typeof TRUSTED_DB; items: Record<string, unknown> }) {
  const opened = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(db.name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(db.store);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const transaction = opened.transaction(db.store, 'readwrite');
  const store = transaction.objectStore(db.store);
  for (const [key, value] of Object.entries(items)) store.put(value, key);
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
  opened.close();
}
