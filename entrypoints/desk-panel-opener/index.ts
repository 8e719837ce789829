/**
 * The panel opener's own script (utils/platform/extension-pages.ts, PANEL_OPENER_SCRIPT): loaded by the Desk page
 * content script once it has put the button in (most Desk pages have none), so the content script carries the
 * button alone. It asks the service worker for the panel's frame itself.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createClient } from '../../utils/client';
import { extensionOrigin, panelIdOf, panelPageUrl } from '../../utils/platform/extension-pages';
import type { RegisteredContext } from '../../utils/removal/panel-context';
import { offerPanelOpener } from '../../utils/removal/panel-opener';
import { tracksVisibility } from '../../utils/removal/visibility-gate';
import { attachPanelOpener } from './panel-opener';

/**
 * Registers the context with the service worker, which hands it to the frame alone: the frame loaded ahead
 * (`preloaded`, its URL) if the worker lets the click open that one. Null when the service worker opened the panel
 * in a window instead (on the organization's own domain, or where the browser cannot tell whether the page covers
 * the frame).
 */
async function panelUrl(context: RegisteredContext, preloaded: string | null): Promise<string | null> {
  const { panelId, mode } = await createClient(browser.runtime).openPanel({
    context,
    tracksVisibility: tracksVisibility(globalThis),
    ...(preloaded ? { preloaded: panelIdOf(preloaded) } : {}),
  });
  return mode === 'window' ? null : panelPageUrl(browser.runtime, panelId);
}

/** A frame to load ahead of the click, which the worker hands nothing until the click; null for a window. */
async function preloadUrl(): Promise<string | null> {
  const { panelId } = await createClient(browser.runtime).preloadPanel({
    tracksVisibility: tracksVisibility(globalThis),
  });
  return panelId === null ? null : panelPageUrl(browser.runtime, panelId);
}

export default defineUnlistedScript(() => {
  offerPanelOpener((trigger, { context, overlay }) =>
    attachPanelOpener(trigger, {
      panelUrl: (preloaded) => panelUrl(context, preloaded),
      preloadUrl,
      extensionOrigin: extensionOrigin(browser.runtime),
      overlay,
    }),
  );
});
