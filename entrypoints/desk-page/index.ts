/**
 * The Desk page content script: on every page of a kind utils/page-kinds/ knows, the control for that page.
 * Declared in the manifest by wxt.config.ts (DESK_PAGE_SCRIPT) rather than through WXT's content-script wrapper,
 * which announced itself to the page in a window message naming the extension, and stopped when a page script
 * sent that announcement back.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createClient } from '../../utils/client';
import { PAGE_CONFIG_MESSAGE, type PageConfig } from '../../utils/page/page-config';
import { followPage, type PageWindow } from '../../utils/page/page-life';
import { createSpaRouter } from '../../utils/page/spa-router';
import { detectPage, identifyPage, pageKey } from '../../utils/page-kinds';
import { mountControl } from './control';

async function main() {
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
  const life = followPage(
    window as unknown as PageWindow,
    () => browser.runtime?.id,
    (url) => router.navigate(url),
  );
  life.signal.addEventListener('abort', () => router.stop());
  // The worker's word that the admin changed the patterns, the Desk addresses or the anchor.
  const onConfig = (message: unknown) => {
    const next = (message as Record<string, unknown> | null)?.[PAGE_CONFIG_MESSAGE] as PageConfig | undefined;
    if (!next || !Array.isArray(next.patterns) || !Array.isArray(next.deskAddresses)) return;
    config = next;
    router.navigate(location.href);
  };
  browser.runtime.onMessage.addListener(onConfig);
  life.signal.addEventListener('abort', () => browser.runtime?.onMessage?.removeListener(onConfig));
  router.navigate(location.href);
}

export default defineUnlistedScript(() => {
  void main();
});
