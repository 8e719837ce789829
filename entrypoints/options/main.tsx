import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient, withClient } from '../../utils/client';
import { zohoAccessApi } from '../../utils/connection/zoho-access';
import { localizeDocument } from '../../utils/platform/i18n';
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

// The popup's "Recognize this page" opens the pattern editor with a line to add; its own-domain offer, an address.
const hash = new URLSearchParams(location.hash.slice(1));
// A "Reconnect" notice in the panel or popup: connect at once with the saved settings; a Self Client instead
// waits for a new code (utils/connection/handlers.ts, OptionsStep).
const fromLink = {
  addPattern: hash.get('add-pattern') ?? undefined,
  addAddress: hash.get('add-address') ?? undefined,
  reconnectNow: hash.has('reconnect'),
  pasteCode: hash.has('paste-code'),
};
if (fromLink.reconnectNow || fromLink.pasteCode) history.replaceState(null, '', location.pathname);

localizeDocument(document, 'options_page_title');
render(<OptionsApp api={api} {...fromLink} />, document.getElementById('app')!);
