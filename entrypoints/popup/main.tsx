import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createPanelApi } from '../../components/panel-api';
import { readDeskAddresses } from '../../utils/desk-addresses';
import { request } from '../../utils/messaging-client';
import { lastSearchItem, pagePatternsItem, typedHelpCenterIdItem } from '../../utils/storage';
import { zohoAccessApi } from '../../utils/zoho-access';
import { type PopupApi, PopupApp } from './App';
import '../../components/control.css';
import '../../components/panel.css';
import './popup.css';

const api: PopupApi = {
  ...zohoAccessApi(browser.permissions),
  ...createPanelApi(browser.runtime),
  listHelpCenters: () => request(browser.runtime, 'listHelpCenters', {}),
  searchUsers: (input) => request(browser.runtime, 'searchUsers', input),
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
  recognizePage: (input) => request(browser.runtime, 'recognizePage', input),
  async learnPagePattern(pattern) {
    const patterns = await pagePatternsItem.getValue();
    if (patterns.includes(pattern)) return;
    await request(browser.runtime, 'saveSettings', { customPagePatterns: [...patterns, pattern] });
  },
  deskAddresses: () => readDeskAddresses(),
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
};

render(<PopupApp api={api} />, document.getElementById('app')!);
