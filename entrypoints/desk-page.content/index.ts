/** The Desk page content script: on every page of a kind utils/page-kinds/ knows, the control for that page. */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createClient } from '../../utils/client';
import { PAGE_CONFIG_MESSAGE, type PageConfig } from '../../utils/page/page-config';
import { createSpaRouter } from '../../utils/page/spa-router';
import { detectPage, identifyPage, pageKey } from '../../utils/page-kinds';
import { deskWebAppMatches } from '../../utils/platform/zoho/datacenters';
import { mountControl } from './control';

export default defineContentScript({
  matches: deskWebAppMatches(),
  runAt: 'document_idle',
  async main(ctx: ContentScriptContext) {
    const api = createClient(browser.runtime);
    // Read only, from the service worker: this world can reach no stored value.
    let config: PageConfig = await api.getPageConfig({});
    const router = createSpaRouter({
      detect: (url) => detectPage(url, config.patterns, config.deskAddresses),
      key: pageKey,
      mount: async (page, signal) => {
        const { context, names } = await identifyPage(page, { api, document, signal });
        if (signal.aborted) return;
        await mountControl(context, config, signal, names ? { names } : {});
      },
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
