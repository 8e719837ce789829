/** The control as every page integration puts it in: the button, and the panel frame it opens. */
import { browser } from 'wxt/browser';
import css from '../../components/control.css?inline';
import { mountControlShell } from '../../components/page/control-shell';
import { createClient } from '../../utils/client';
import { findAnchor } from '../../utils/page/anchor';
import type { PageConfig } from '../../utils/page/page-config';
import { type Corner, mountInShadowRoot } from '../../utils/page/shadow-mount';
import { PANEL_PAGE } from '../../utils/platform/extension-pages';
import type { RegisteredContext } from '../../utils/removal/panel-context';
import { tracksVisibility } from '../../utils/removal/visibility-gate';

/**
 * Registers the context with the service worker, which hands it to the frame alone. Null when the service
 * worker opened the panel in a window instead (on the organization's own domain, or where the browser cannot tell
 * whether the page covers the frame).
 */
async function panelUrl(context: RegisteredContext): Promise<string | null> {
  const { panelId, mode } = await createClient(browser.runtime).openPanel({
    context,
    tracksVisibility: tracksVisibility(globalThis),
  });
  return mode === 'window' ? null : `${browser.runtime.getURL(PANEL_PAGE)}#${panelId}`;
}

export interface ControlHints {
  /** The user's name and email, once known: the element showing them is the preferred anchor. */
  names?: Promise<string[]>;
}

export async function mountControl(
  context: RegisteredContext,
  config: Pick<PageConfig, 'anchorSelector' | 'corner'>,
  signal: AbortSignal,
  hints: ControlHints = {},
): Promise<void> {
  if (signal.aborted) return;
  const selector = config.anchorSelector.trim() || undefined;
  let corner: Corner | undefined = config.corner;
  let names: string[] = [];
  let remove = () => {};
  const mount = mountInShadowRoot({
    hostTag: 'badge-remover-control',
    css,
    findAnchor: (isOwn) => findAnchor(document, { selector, names, isOwn }),
    render: (container, overlay) => {
      remove = mountControlShell(container, {
        panelUrl: () => panelUrl(context),
        extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
        overlay,
      });
    },
    unrender: () => remove(),
    corner: () => corner,
    onCornerChosen: (chosen) => {
      corner = chosen;
      void createClient(browser.runtime)
        .saveCorner({ corner: chosen })
        .catch(() => {});
    },
    signal,
  });
  hints.names?.then(
    (known) => {
      names = known;
      if (!signal.aborted) mount.recheck();
    },
    () => {},
  );
}
