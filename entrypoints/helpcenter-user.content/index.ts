import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createClient } from '../../utils/client';
import { detectPage, pageKey } from '../../utils/page';
import { PAGE_CONFIG_MESSAGE, type PageConfig } from '../../utils/page/page-config';
import { createSpaRouter } from '../../utils/page/spa-router';
import { deskWebAppMatches } from '../../utils/platform/zoho/datacenters';
import { mountContactPage } from './contact-page';
import { mountHelpCenterUserPage } from './helpcenter-user-page';

export default defineContentScript({
  matches: deskWebAppMatches(),
  runAt: 'document_idle',
  async main(ctx: ContentScriptContext) {
    // Read only, from the service worker: this world can reach no stored value.
    let config: PageConfig = await createClient(browser.runtime).getPageConfig({});
    const router = createSpaRouter({
      detect: (url) => detectPage(url, config.patterns, config.deskAddresses),
      key: pageKey,
      mount: (page, signal) =>
        page.kind === 'contact'
          ? mountContactPage(page, config, signal)
          : mountHelpCenterUserPage(page, config, signal),
      onError: (error) => console.warn('Badge Remover could not attach to this page:', error),
    });
    ctx.onInvalidated(() => router.stop());
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => router.navigate(newUrl.href));
    // The worker's word that the admin changed the patterns, the Desk addresses or the anchor.
    const onConfig = (message: unknown) => {
      const next = (message as Record<string, unknown> | null)?.[PAGE_CONFIG_MESSAGE] as PageConfig | undefined;
      if (!next || !Array.isArray(next.patterns) || !Array.isArray(next.deskAddresses)) return;
      config = next;
      router.navigate(location.href);
    };
    browser.runtime.onMessage.addListener(onConfig);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onConfig));
    router.navigate(location.href);
  },
});
