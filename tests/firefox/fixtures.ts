/**
 * Firefox end-to-end fixtures: one sandbox per worker, reset before each test, and a fresh Firefox ESR profile with
 * the built Firefox extension for each test, driven by puppeteer-core over WebDriver BiDi. BiDi will not open a
 * `moz-extension://` URL, so extension pages are reached as an admin reaches them: by clicking through (the steps
 * are in scripts/firefox.ts, shared with the demo).
 */
import { type FirefoxWithExtension, launchFirefoxWithExtension } from '../../scripts/firefox';
import { expect, sandboxTest } from '../e2e/fixtures';

/**
 * Hosts Firefox itself asks for: its services, which its prefs do not all stop, and the OAuth redirect to
 * `<sha1 of the add-on id>.extensions.allizom.org` that `launchWebAuthFlow` catches. Tunnelled to the sandbox
 * like everything else; they come from the browser, not from the extension's code or a page.
 */
const FIREFOX_SERVICE_HOST =
  /(^|\.)services\.mozilla\.com$|(^|\.)mozilla\.(net|org)$|^[0-9a-f]{40}\.extensions\.allizom\.org$/;

export const test = sandboxTest.extend<{ firefox: FirefoxWithExtension }>({
  firefox: async ({ sandbox, control: _control }, use) => {
    const firefox = await launchFirefoxWithExtension(sandbox);
    await use(firefox);
    await firefox.close();
    // Every connection Firefox opened went to the proxy, and so to the sandbox: none asked for a host that is
    // neither one the sandbox serves nor Firefox's own service.
    const served = new Set(sandbox.hostNames);
    const foreign = firefox.proxy.hostsAsked.filter((h) => !served.has(h) && !FIREFOX_SERVICE_HOST.test(h));
    expect(foreign, 'hosts Firefox asked for that are not the sandbox').toEqual([]);
  },
});

export {
  byText,
  clickText,
  connectOnOptions,
  deskControl,
  expectText,
  goToExtensionPage,
  openPage,
  openPanel,
  optionsThroughPanel,
  panelFrame,
  textOf,
  waitFor,
  waitForPage,
} from '../../scripts/firefox';
export { expect };
