/** The panels of the Desk page control, as the panel script offers them to the content script. */
import { type ComponentChild, render } from 'preact';
import { ContactPanel } from './ContactPanel';
import type { PanelHost } from './control-shell';
import css from './panel.css?inline';
import { RemoveBadgesPanel, UnresolvedPanel } from './RemoveBadgesPanel';
import type { RemovalPanels } from './removal-panels';

export const deskPanels: RemovalPanels = {
  user: (host, api, target) =>
    show(host, <RemoveBadgesPanel api={api} target={target} titleId={host.titleId} onClose={host.close} />),
  unresolved: (host, api, problem) =>
    show(host, <UnresolvedPanel api={api} problem={problem} titleId={host.titleId} onClose={host.close} />),
  contact: (host, api, contactId) =>
    show(host, <ContactPanel api={api} contactId={contactId} titleId={host.titleId} onClose={host.close} />),
};

function show(host: PanelHost, panel: ComponentChild): () => void {
  addPanelStyles(host.body.getRootNode());
  render(panel, host.body);
  return () => render(null, host.body);
}

let sheet: CSSStyleSheet | undefined;

/** The control's shadow root has the button's styles; the flow's join them when it first opens there. */
function addPanelStyles(root: Node) {
  if (!(root instanceof ShadowRoot)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
