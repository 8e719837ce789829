import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient, withClient } from '../../utils/client';
import { zohoAccessApi } from '../../utils/connection/zoho-access';
import { optionsLinkOf } from '../../utils/platform/extension-pages';
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

// The popup's "Recognize this page" and own-domain offer, or a notice's Reconnect (utils/connection/handlers.ts).
const link = optionsLinkOf(location.href);
const fromLink = {
  addPattern: link.addPattern,
  addAddress: link.addAddress,
  reconnectNow: link.reconnect,
  pasteCode: link.pasteCode,
};
if (fromLink.reconnectNow || fromLink.pasteCode) history.replaceState(null, '', location.pathname);

localizeDocument(document, 'options_page_title');
render(<OptionsApp api={api} {...fromLink} />, document.getElementById('app')!);
