/** The control as every page integration puts it in: the button, and the panel opener it loads. */
import { browser } from 'wxt/browser';
import css from '../../components/control-button.css?inline';
import { createClient } from '../../utils/client';
import { findAnchor } from '../../utils/page/anchor';
import type { PageConfig } from '../../utils/page/page-config';
import { type Corner, mountInShadowRoot } from '../../utils/page/shadow-mount';
import { PANEL_OPENER_SCRIPT } from '../../utils/platform/extension-pages';
import type { RegisteredContext } from '../../utils/removal/panel-context';
import { importPanelOpener } from '../../utils/removal/panel-opener';
import { mountControlButton } from './control-button';

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
            (attach) => (trigger) => attach(trigger, { context, overlay }),
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
