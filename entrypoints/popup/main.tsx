import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient, withClient } from '../../utils/client';
import { zohoAccessApi } from '../../utils/connection/zoho-access';
import { deskAddressesItem, pagePatternsItem } from '../../utils/page/stored';
import { optionsPageUrl } from '../../utils/platform/extension-pages';
import { localizeDocument } from '../../utils/platform/i18n';
import { lastSearchItem, typedHelpCenterIdItem } from '../../utils/search/stored';
import { type PopupApi, PopupApp } from './App';
import '../../components/control.css';
import '../../components/panel.css';
import './popup.css';

const client = createClient(browser.runtime);
const api = withClient<PopupApi>(client, {
  ...zohoAccessApi(browser.permissions),
  async currentTab() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id !== undefined && tab.url ? { id: tab.id, url: tab.url } : null;
  },
  pagePatterns: () => pagePatternsItem.getValue(),
  async openInTab(tabId, url) {
    await browser.tabs.update(tabId, { url });
    window.close();
  },
  loadLastSearch: () => lastSearchItem.getValue(),
  saveLastSearch: (saved) => lastSearchItem.setValue(saved),
  loadTypedHelpCenterId: () => typedHelpCenterIdItem.getValue(),
  saveTypedHelpCenterId: (id) => typedHelpCenterIdItem.setValue(id),
  copy: (text) => navigator.clipboard.writeText(text),
  async learnPagePattern(pattern) {
    const patterns = await pagePatternsItem.getValue();
    if (patterns.includes(pattern)) return;
    await client.saveSettings({ customPagePatterns: [...patterns, pattern] });
  },
  deskAddresses: () => deskAddressesItem.getValue(),
  async editDeskAddress(origin) {
    await browser.tabs.create({
      url: optionsPageUrl(browser.runtime, { addAddress: origin }),
    });
    window.close();
  },
  async editPagePattern(line) {
    await browser.tabs.create({ url: optionsPageUrl(browser.runtime, { addPattern: line }) });
    window.close();
  },
});

localizeDocument(document, 'popup_page_title');
render(<PopupApp api={api} />, document.getElementById('app')!);
