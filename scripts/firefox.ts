/**
 * Launching Debian's Firefox ESR with the built Firefox extension against the sandbox, over WebDriver BiDi with
 * puppeteer-core (Playwright cannot drive a stock Firefox this old). Every connection goes through a local proxy
 * that tunnels it to the sandbox, so the production manifest (real Zoho hosts only) is what runs, and nothing leaves
 * this machine. Shared by the Firefox end-to-end tests and `npm start -- --browser firefox`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from 'puppeteer-core';
import { type SandboxProxy, sandboxFirefoxPrefs, startSandboxProxy } from '../sandbox/firefox-proxy';
import { SANDBOX_CLIENT_ID } from '../sandbox/state';
import { findBrowser } from './browsers';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '..', '.output', 'firefox-mv3');

export interface FirefoxWithExtension {
  browser: Browser;
  proxy: SandboxProxy;
  /** The add-on id (the manifest's gecko id). */
  addonId: string;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(
  sandbox: { port: number },
  options: { headless?: boolean; extensionDir?: string; lang?: string } = {},
): Promise<FirefoxWithExtension> {
  const executablePath = findBrowser('firefox');
  if (!executablePath) {
    throw new Error('No Firefox found. Run `npx tsx scripts/browsers.ts firefox`: it installs it or says how.');
  }
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built Firefox extension at ${extensionDir}. Run npm run build:firefox first.`);
  }
  const proxy = await startSandboxProxy(sandbox.port);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: options.headless ?? true,
      // The sandbox's self-signed certificate, for pages and the extension's own requests alike.
      acceptInsecureCerts: true,
      // Without it a release build ignores the Remote Settings server pref and calls Mozilla's.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: {
        ...sandboxFirefoxPrefs(proxy.port),
        // `permissions.request` is granted without the prompt nothing can click headless, as Chromium's tests
        // grant at install: the same code path as the prompt's Allow.
        'extensions.webextOptionalPermissionPrompts': false,
        // The UI language the extension's messages follow (Firefox needs that language pack installed).
        ...(options.lang ? { 'intl.locale.requested': options.lang } : {}),
      },
    });
  } catch (error) {
    await proxy.close();
    throw error;
  }
  const addonId = await browser.installExtension(extensionDir);
  return {
    browser,
    proxy,
    addonId,
    async close() {
      await browser.close().catch(() => {});
      await proxy.close();
    },
  };
}

/**
 * Hosts Firefox itself asks for: its services, which its prefs do not all stop, and the OAuth redirect to
 * `<sha1 of the add-on id>.extensions.allizom.org` that `launchWebAuthFlow` catches. Tunnelled to the sandbox
 * like everything else; they come from the browser, not from the extension's code or a page.
 */
const FIREFOX_SERVICE_HOST =
  /(^|\.)services\.mozilla\.com$|(^|\.)mozilla\.(net|org)$|^[0-9a-f]{40}\.extensions\.allizom\.org$/;

/**
 * Hosts Firefox asked the proxy for that are neither ones the sandbox serves nor Firefox's own services: reached
 * nowhere all the same (the proxy tunnels every connection to the sandbox), but not what the extension should ask.
 */
export const hostsBeyondSandbox = (firefox: FirefoxWithExtension, served: readonly string[]): string[] =>
  firefox.proxy.hostsAsked.filter((h) => !served.includes(h) && !FIREFOX_SERVICE_HOST.test(h));

/**
 * The open page whose location matches, waited for (an extension page, the consent window). Its location is read
 * inside it: BiDi reports an extension page's URL as about:blank.
 */
export async function waitForPage(
  browser: Browser,
  matches: (url: string) => boolean,
  timeout = 20_000,
): Promise<Page> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => page.url());
      if (matches(href)) return page;
    }
    if (Date.now() > deadline) throw new Error('timed out waiting for a page to open');
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ---- Steps an admin takes, driven over BiDi (shared by the tests and the demo) ----

/** Polls until `find` gives a value (not null or undefined), as `expect.poll` does for assertions. */
export async function waitFor<T>(
  find: () => Promise<T | null | undefined>,
  what: string,
  timeout = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await find().catch(() => undefined);
    if (found !== null && found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

type Scope = Page | Frame;

/** The visible text of a page or frame. */
// biome-ignore lint/performance/useDomNodeTextContent: what the admin sees, leaving hidden elements out.
export const textOf = (scope: Scope) => scope.evaluate(() => document.body?.innerText ?? '');

/** Waits until the page or frame shows `text`. */
export async function expectText(scope: Scope, text: string | RegExp, timeout = 15_000) {
  await waitFor(
    async () => {
      const body = await textOf(scope);
      return (typeof text === 'string' ? body.includes(text) : text.test(body)) || null;
    },
    `the text ${text}`,
    timeout,
  );
}

/** A button (or link) by its visible text, waited for. */
export async function byText(scope: Scope, text: string | RegExp, selector = 'button, a'): Promise<ElementHandle> {
  const source = typeof text === 'string' ? { text } : { pattern: text.source, flags: text.flags };
  return waitFor(async () => {
    const handle = await scope.evaluateHandle(
      // No named function inside: tsx (the demo) would wrap it in a helper the page does not have.
      (sel, want) =>
        [...document.querySelectorAll<HTMLElement>(sel)].find((el) => {
          // biome-ignore lint/performance/useDomNodeTextContent: the label as shown, as a user reads it.
          const shown = (el.innerText || el.textContent || '').trim();
          const matches = 'text' in want ? shown === want.text : new RegExp(want.pattern, want.flags).test(shown);
          return matches && !(el as HTMLButtonElement).disabled;
        }) ?? null,
      selector,
      source,
    );
    const element = handle.asElement() as ElementHandle | null;
    if (!element) await handle.dispose();
    return element;
  }, `${selector} "${text}"`);
}

/** A user click (trusted, through BiDi input) on the element with that text. */
export async function clickText(scope: Scope, text: string | RegExp, selector?: string) {
  const element = await byText(scope, text, selector);
  await element.click();
  await element.dispose();
}

/** The "Remove badges" control the content script adds to a Desk page (in its open shadow root). */
export async function deskControl(page: Page): Promise<ElementHandle> {
  return waitFor(async () => {
    const handle = await page.evaluateHandle(
      () =>
        [
          ...(document
            .querySelector('badge-remover-control:not([data-overlay])')
            ?.shadowRoot?.querySelectorAll('button') ?? []),
        ].find((b) => b.textContent?.trim() === 'Remove badges') ?? null,
    );
    return handle.asElement() as ElementHandle | null;
  }, 'the Remove badges control');
}

/**
 * The removal panel's frame. BiDi reports the extension frame's URL as about:blank, so it is told by its own
 * location, read inside it.
 */
export async function panelFrame(page: Page): Promise<Frame> {
  return waitFor(async () => {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (/^moz-extension:\/\/[^/]+\/removal-panel\.html/.test(href)) return frame;
    }
    return null;
  }, 'the removal panel frame');
}

/**
 * Clicks the Desk page's control and gives the panel: in a window of its own, as Firefox opens it (it cannot tell
 * whether the page covers a frame), or in the page's frame where the admin turned that off (Advanced).
 */
export async function openPanel(page: Page, where: 'window' | 'frame' = 'window'): Promise<Page | Frame> {
  const open = new Set(await page.browser().pages());
  await (await deskControl(page)).click();
  if (where === 'frame') return panelFrame(page);
  return waitFor(async () => {
    for (const candidate of await page.browser().pages()) {
      if (open.has(candidate)) continue;
      const href = await candidate.evaluate(() => location.href).catch(() => '');
      if (/^moz-extension:\/\/[^/]+\/removal-panel\.html#/.test(href)) return candidate;
    }
    return null;
  }, 'the removal panel window');
}

export async function openPage(firefox: FirefoxWithExtension, url: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.goto(url);
  return page;
}

/**
 * Reaches the options page as an admin does before connecting: the panel on a Desk page says "Connect in options".
 */
export async function optionsThroughPanel(firefox: FirefoxWithExtension, deskUrl: string): Promise<Page> {
  const desk = await openPage(firefox, deskUrl);
  const panel = await openPanel(desk);
  const opened = waitForPage(firefox.browser, (url) => /^moz-extension:\/\/[^/]+\/options\.html/.test(url));
  await clickText(panel, 'Connect in options');
  const options = await opened;
  await byText(options, 'Connect to Zoho');
  return options;
}

/** On the options page: the client ID, Connect, Accept on the sandbox's Zoho consent page; connected after. */
export async function connectOnOptions(firefox: FirefoxWithExtension, options: Page) {
  await options.locator('#client-id').fill(SANDBOX_CLIENT_ID);
  const consentOpened = waitForPage(firefox.browser, (url) =>
    url.startsWith('https://accounts.zoho.com/oauth/v2/auth'),
  );
  await clickText(options, 'Connect to Zoho');
  const consent = await consentOpened;
  await (await waitFor(() => consent.$('#accept'), 'the consent page')).click();
  // The organization's Change shows once connected with it chosen (Disconnect shows before the choice too).
  await byText(options, 'Change');
}

/** Opens another extension page in the tab of one already open (same origin, so a plain navigation). */
export async function goToExtensionPage(from: Page, path: string): Promise<Page> {
  await from.evaluate((p) => location.assign(p), path);
  // BiDi does not report navigations between extension pages: the page's own location tells.
  await waitFor(
    () =>
      from
        .evaluate((p) => location.pathname === p && document.readyState === 'complete', path)
        .then((there) => there || null),
    `the page ${path}`,
  );
  return from;
}

/** The demo's walk-through in Firefox: connect, then remove a badge on the demo user's page, with screenshots. */
export async function walkThroughFirefox(
  firefox: FirefoxWithExtension,
  deskUrl: string,
  outDir: string,
): Promise<{ title: string; screenshot: string }[]> {
  const steps: { title: string; screenshot: string }[] = [];
  const shot = async (page: Page, name: string, title: string) => {
    const screenshot = join(outDir, `firefox-${name}.png`);
    await page.screenshot({ path: screenshot });
    steps.push({ title, screenshot });
  };
  const options = await optionsThroughPanel(firefox, deskUrl);
  await shot(options, '01-options', "Options in Firefox: the redirect URI is Firefox's own (allizom.org)");
  await connectOnOptions(firefox, options);
  await shot(options, '02-connected', 'Connected');
  const desk = await openPage(firefox, deskUrl);
  const panel = await openPanel(desk);
  // The panel's own window, where Firefox opens it.
  const shown = 'screenshot' in panel ? panel : desk;
  await clickText(panel, /Review removal/);
  await shot(shown, '03-preview', "The preview of what will change, in the panel's own window");
  await clickText(panel, /^Remove \d+ badges?$/);
  await expectText(panel, 'Removed (verified)');
  await shot(shown, '04-verified', 'Each badge removed, verified by reading the badges back');
  return steps;
}
