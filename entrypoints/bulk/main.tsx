import { render } from 'preact';
import { browser } from 'wxt/browser';
import { bulkRunItem } from '../../utils/bulk/stored';
import { createClient, withClient } from '../../utils/client';
import { localizeDocument } from '../../utils/platform/i18n';
import { type BulkApi, BulkApp } from './App';
import '../../components/page.css';

const api = withClient<BulkApi>(createClient(browser.runtime), {
  watchRun: (onChange) => bulkRunItem.watch((run) => onChange(run)),
  download(name, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
    Object.assign(document.createElement('a'), { href: url, download: name }).click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
  now: () => Date.now(),
});

localizeDocument(document, 'bulk_page_title');
render(<BulkApp api={api} />, document.getElementById('app')!);
