/** The control as every page integration puts it in: the button at once, the chosen panel when it opens. */
import { browser } from 'wxt/browser';
import css from '../../components/control.css?inline';
import { mountControlShell, type PanelHost } from '../../components/control-shell';
import { loadRemovalPanels, type RemovalPanels } from '../../components/removal-panels';
import { findAnchor } from '../../utils/page/anchor';
import { readPlacement, saveCorner } from '../../utils/page-placement';
import { type Corner, mountInShadowRoot } from '../../utils/shadow-mount';

const panels = () => loadRemovalPanels((path) => browser.runtime.getURL(path));

export interface ControlHints {
  /** The user's name and email, once known: the element showing them is the preferred anchor. */
  names?: Promise<string[]>;
}

export async function mountControl(
  openPanel: (panels: RemovalPanels, host: PanelHost) => () => void,
  signal: AbortSignal,
  hints: ControlHints = {},
): Promise<void> {
  const placement = await readPlacement();
  if (signal.aborted) return;
  let corner: Corner | undefined = placement.corner;
  let names: string[] = [];
  let remove = () => {};
  const mount = mountInShadowRoot({
    hostTag: 'badge-remover-control',
    css,
    findAnchor: (isOwn) => findAnchor(document, { selector: placement.selector, names, isOwn }),
    render: (container) => {
      remove = mountControlShell(container, {
        open: async (host) => openPanel(await panels(), host),
        warmUp: () => void panels().catch(() => {}),
      });
    },
    unrender: () => remove(),
    corner: () => corner,
    onCornerChosen: (chosen) => {
      corner = chosen;
      void saveCorner(chosen).catch(() => {});
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
