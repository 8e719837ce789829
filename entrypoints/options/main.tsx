import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient, withClient } from '../../utils/client';
import { zohoAccessApi } from '../../utils/connection/zoho-access';
import { type OptionsApi, OptionsApp } from './App';
import '../../components/page.css';

const api = withClient<OptionsApi>(createClient(browser.runtime), {
  ...zohoAccessApi(browser.permissions),
  requestHostAccess: (origin: string) =>
    browser.permissions.request({ permissions: ['scripting'], origins: [`${origin}/*`] }),
  copy: (text) => navigator.clipboard.writeText(text),
  about: () => ({
    version: browser.runtime.getManifest().version,
    browser: /(Firefox|Chromium|Chrome)\/[\d.]+/.exec(navigator.userAgent)?.[0] ?? 'unknown browser',
  }),
});

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
