/**
 * Firefox end-to-end fixtures: one sandbox per worker, reset before each test, and a fresh Firefox ESR profile with
 * the built Firefox extension for each test, driven by puppeteer-core over WebDriver BiDi. BiDi will not open a
 * `moz-extension://` URL, so extension pages are reached as an admin reaches them: by clicking through (the steps
 * are in scripts/firefox.ts, shared with the demo).
 */
import { type FirefoxWithExtension, hostsBeyondSandbox, launchFirefoxWithExtension } from '../../scripts/firefox';
import { expect, sandboxTest } from '../e2e/fixtures';

export const test = sandboxTest.extend<{ firefox: FirefoxWithExtension }>({
  firefox: async ({ sandbox, control: _control }, use) => {
    const firefox = await launchFirefoxWithExtension(sandbox);
    await use(firefox);
    await firefox.close();
    // Every connection Firefox opened went to the proxy, and so to the sandbox: none asked for a host that is
    // neither one the sandbox serves nor Firefox's own service.
    expect(hostsBeyondSandbox(firefox, sandbox.hostNames), 'hosts Firefox asked for that are not the sandbox').toEqual(
      [],
    );
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
