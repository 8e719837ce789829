import { render } from 'preact';
import { browser } from 'wxt/browser';
import { request } from '../../utils/messaging-client';
import { zohoAccessApi } from '../../utils/zoho-access';
import { type OptionsApi, OptionsApp } from './App';
import '../../components/page.css';

const api: OptionsApi = {
  ...zohoAccessApi(browser.permissions),
  getStatus: () => request(browser.runtime, 'getStatus', {}),
  getSettings: () => request(browser.runtime, 'getSettings', {}),
  saveSettings: (input) => request(browser.runtime, 'saveSettings', input),
  connect: () => request(browser.runtime, 'connect', {}),
  disconnect: (input) => request(browser.runtime, 'disconnect', input),
  listOrganizations: () => request(browser.runtime, 'listOrganizations', {}),
  chooseOrganization: (input) => request(browser.runtime, 'chooseOrganization', input),
  checkSetup: () => request(browser.runtime, 'checkSetup', {}),
  requestHostAccess: (origin) => browser.permissions.request({ permissions: ['scripting'], origins: [`${origin}/*`] }),
  addDeskAddress: (origin) => request(browser.runtime, 'addDeskAddress', { origin }),
  removeDeskAddress: (origin) => request(browser.runtime, 'removeDeskAddress', { origin }),
  copy: (text) => navigator.clipboard.writeText(text),
  about: () => ({
    version: browser.runtime.getManifest().version,
    browser: /(Firefox|Chromium|Chrome)\/[\d.]+/.exec(navigator.userAgent)?.[0] ?? 'unknown browser',
  }),
};

// The popup's "Recognize this page" opens the pattern editor with a line to add.
const hash = new URLSearchParams(location.hash.slice(1));
const addPattern = hash.get('add-pattern') ?? undefined;
const addAddress = hash.get('add-address') ?? undefined;
// A "Reconnect" notice in the panel or popup: connect at once with the saved settings.
const reconnectNow = hash.has('reconnect');
if (reconnectNow) history.replaceState(null, '', location.pathname);

render(
  <OptionsApp api={api} addPattern={addPattern} reconnectNow={reconnectNow} addAddress={addAddress} />,
  document.getElementById('app')!,
);
