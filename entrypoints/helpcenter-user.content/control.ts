/** The control as every page integration puts it in: the button at once, the chosen panel when it opens. */
import { browser } from 'wxt/browser';
import css from '../../components/control.css?inline';
import { mountControlShell, type PanelHost } from '../../components/control-shell';
import { loadRemovalPanels, type RemovalPanels } from '../../components/removal-panels';
import { findMainHeading } from '../../utils/page/dom-fallback';
import { mountInShadowRoot } from '../../utils/shadow-mount';

const panels = () => loadRemovalPanels((path) => browser.runtime.getURL(path));

export async function mountControl(
  openPanel: (panels: RemovalPanels, host: PanelHost) => () => void,
  signal: AbortSignal,
): Promise<void> {
  let remove = () => {};
  await mountInShadowRoot({
    hostTag: 'badge-remover-control',
    css,
    findAnchor: () => findMainHeading(),
    render: (container) => {
      remove = mountControlShell(container, {
        open: async (host) => openPanel(await panels(), host),
        warmUp: () => void panels().catch(() => {}),
      });
    },
    unrender: () => remove(),
    signal,
  });
}
