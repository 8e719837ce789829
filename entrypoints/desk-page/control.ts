/** The control as every page integration puts it in: the button, and the panel opener it loads. */
import { browser } from 'wxt/browser';
import css from '../../components/control-button.css?inline';
import { createClient } from '../../utils/client';
import { findAnchor } from '../../utils/page/anchor';
import type { PageConfig } from '../../utils/page/page-config';
import { importPanelOpener } from '../../utils/page/panel-opener';
import { type Corner, mountInShadowRoot } from '../../utils/page/shadow-mount';
import { PANEL_OPENER_SCRIPT, PANEL_PAGE } from '../../utils/platform/extension-pages';
import type { RegisteredContext } from '../../utils/removal/panel-context';
import { tracksVisibility } from '../../utils/removal/visibility-gate';
import { mountControlButton } from './control-button';

const frameUrl = (panelId: string) => `${browser.runtime.getURL(PANEL_PAGE)}#${panelId}`;

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
    ...(preloaded ? { preloaded: new URL(preloaded).hash.slice(1) } : {}),
  });
  return mode === 'window' ? null : frameUrl(panelId);
}

/** A frame to load ahead of the click, which the worker hands nothing until the click; null for a window. */
async function preloadUrl(): Promise<string | null> {
  const { panelId } = await createClient(browser.runtime).preloadPanel({
    tracksVisibility: tracksVisibility(globalThis),
  });
  return panelId === null ? null : frameUrl(panelId);
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
      remove = mountControlButton(container, {
        loadOpener: () =>
          importPanelOpener(browser.runtime.getURL(`/${PANEL_OPENER_SCRIPT}`)).then(
            (attach) => (trigger) =>
              attach(trigger, {
                panelUrl: (preloaded) => panelUrl(context, preloaded),
                preloadUrl,
                extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
                overlay,
              }),
          ),
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
