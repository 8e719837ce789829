import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient, withClient } from '../../utils/client';
import { localizeDocument } from '../../utils/platform/i18n';
import { type AuditApi, AuditApp } from './App';
import '../../components/page.css';
import '../../components/control.css';
import '../../components/panel.css';

const api = withClient<AuditApi>(createClient(browser.runtime), {
  download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = Object.assign(document.createElement('a'), { href: url, download: name });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
});

localizeDocument(document, 'audit_page_title');
render(<AuditApp api={api} />, document.getElementById('app')!);
