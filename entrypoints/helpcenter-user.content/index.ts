import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectPage, pageKey } from '../../utils/page';
import { readPagePatterns, watchPagePatterns } from '../../utils/page/admin-patterns';
import { readDeskAddresses, watchDeskAddresses } from '../../utils/page/desk-addresses';
import { createSpaRouter } from '../../utils/page/spa-router';
import { deskWebAppMatches } from '../../utils/platform/zoho/datacenters';
import { mountContactPage } from './contact-page';
import { mountHelpCenterUserPage } from './helpcenter-user-page';

export default defineContentScript({
  matches: deskWebAppMatches(),
  runAt: 'document_idle',
  async main(ctx: ContentScriptContext) {
    let patterns = await readPagePatterns();
    let addresses = await readDeskAddresses();
    const router = createSpaRouter({
      detect: (url) => detectPage(url, patterns, addresses),
      key: pageKey,
      mount: (page, signal) => {
        return page.kind === 'contact' ? mountContactPage(page, signal) : mountHelpCenterUserPage(page, signal);
      },
      onError: (error) => console.warn('Badge Remover could not attach to this page:', error),
    });
    ctx.onInvalidated(() => router.stop());
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => router.navigate(newUrl.href));
    const unwatch = watchPagePatterns((next) => {
      patterns = next;
      router.navigate(location.href);
    });
    ctx.onInvalidated(unwatch);
    const unwatchAddresses = watchDeskAddresses((next) => {
      addresses = next;
      router.navigate(location.href);
    });
    ctx.onInvalidated(unwatchAddresses);
    router.navigate(location.href);
  },
});
