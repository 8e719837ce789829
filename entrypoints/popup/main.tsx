import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient, withClient } from '../../utils/client';
import { zohoAccessApi } from '../../utils/connection/zoho-access';
import { deskAddressesItem, pagePatternsItem } from '../../utils/page/stored';
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
      url: `${browser.runtime.getURL('/options.html')}#add-address=${encodeURIComponent(origin)}`,
    });
    window.close();
  },
  async editPagePattern(line) {
    const url = `${browser.runtime.getURL('/options.html')}#add-pattern=${encodeURIComponent(line)}`;
    await browser.tabs.create({ url });
    window.close();
  },
});

localizeDocument(document, 'popup_page_title');
render(<PopupApp api={api} />, document.getElementById('app')!);
