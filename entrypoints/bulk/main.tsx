import { render } from 'preact';
import { browser } from 'wxt/browser';
import { request } from '../../utils/messaging-client';
import { bulkRunItem } from '../../utils/storage';
import { type BulkApi, BulkApp } from './App';
import '../../components/page.css';

const api: BulkApi = {
  getStatus: () => request(browser.runtime, 'getStatus', {}),
  listHelpCenters: () => request(browser.runtime, 'listHelpCenters', {}),
  listOrganizationBadges: () => request(browser.runtime, 'listOrganizationBadges', {}),
  prepareBulk: (source) => request(browser.runtime, 'prepareBulk', source),
  startBulk: (input) => request(browser.runtime, 'startBulk', input),
  getBulkRun: () => request(browser.runtime, 'getBulkRun', {}),
  controlBulk: (action) => request(browser.runtime, 'controlBulk', { action }),
  undoBulk: (runId) => request(browser.runtime, 'undoBulk', { runId }),
  watchRun: (onChange) => bulkRunItem.watch((run) => onChange(run)),
  download(name, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
    Object.assign(document.createElement('a'), { href: url, download: name }).click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
  now: () => Date.now(),
};

render(<BulkApp api={api} />, document.getElementById('app')!);
