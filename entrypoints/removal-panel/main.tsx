/**
 * The removal panel, in the extension's own origin: a frame the Desk page's "Remove badges" button opens.
 * What it shows and does comes from the service worker (the context the button registered), never from the
 * page; every click and key it acts on lands in this frame, where the Desk page's scripts cannot reach.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { VisibilityGateContext } from '../../components/common/GatedButton';
import { PanelChoicesContext, UnresolvedPanel } from '../../components/removal/RemoveBadgesPanel';
import { createClient } from '../../utils/client';
import { serializeError } from '../../utils/platform/errors';
import { panelIdOf } from '../../utils/platform/extension-pages';
import { portSender } from '../../utils/platform/request-client';
import { dataCenterByDeskOrigin } from '../../utils/platform/zoho/datacenters';
import {
  askOnceClaimed,
  claimsFrom,
  coarseHeight,
  NO_CLAIMS,
  PANEL_MESSAGE,
  type PanelMessage,
  panelChoicesStore,
  panelPlace,
} from '../../utils/removal/panel-frame';
import {
  type IntersectionObserverFactory,
  OPEN_GATE,
  tracksVisibility,
  visibilityGate,
  watchWithObserver,
} from '../../utils/removal/visibility-gate';
import '../../components/control.css';
import '../../components/panel.css';
import { localizeDocument, t } from '../../utils/platform/i18n';
import { ContextPanel } from './panels';
import './panel-page.css';

localizeDocument(document, 'panel_page_title');
const app = document.getElementById('app')!;
const titleId = 'br-panel-title';

/** Framed by a Zoho Desk page and nothing else above it, or a window of its own; anywhere else, nothing shows. */
const place = panelPlace(
  { top: window.top === window, ancestorOrigins: location.ancestorOrigins, referrer: document.referrer },
  (origin) => dataCenterByDeskOrigin(origin) !== undefined,
);
const parentOrigin = place && 'framedBy' in place ? place.framedBy : null;
/** Not framed: a window the service worker opened for a Desk page on the organization's own domain. */
const ownWindow = place !== null && 'window' in place;
const tell = (message: PanelMessage) => {
  if (parentOrigin) window.parent.postMessage({ [PANEL_MESSAGE]: message }, parentOrigin);
};
const panelId = panelIdOf(location.href);
/** The admin's choices, for this frame if it reloads; gone once the admin closes the panel. */
const choices = panelChoicesStore(sessionStorageIfAllowed(), panelId);
const close = () => {
  choices.clear();
  if (ownWindow) window.close();
  else tell({ action: 'close' });
};

function sessionStorageIfAllowed(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/**
 * Tab and Shift+Tab go round inside the panel: past its last control focus would leave the frame for the page
 * the panel covers.
 */
function keepFocusInside(event: KeyboardEvent) {
  if (event.key !== 'Tab') return;
  const dialog = event.currentTarget as HTMLElement;
  const controls = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
  const active = document.activeElement as HTMLElement | null;
  event.preventDefault();
  if (controls.length === 0) return dialog.focus();
  const after = (el: HTMLElement) =>
    Boolean(active && active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  const next = event.shiftKey
    ? ([...controls].reverse().find((el) => el !== active && !after(el)) ?? controls.at(-1)!)
    : (controls.find((el) => el !== active && after(el)) ?? controls[0]!);
  next.focus();
}

function Dialog(props: { children: preact.ComponentChildren }) {
  return (
    <div
      class="br-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={keepFocusInside}
    >
      {props.children}
    </div>
  );
}

function refuse() {
  render(
    <Dialog>
      <h2 id={titleId}>{t('panel_page_title')}</h2>
      <p>{t('panel_refused')}</p>
    </Dialog>,
    app,
  );
}

async function main() {
  if (!parentOrigin && !ownWindow) return refuse();
  // Escape the panel did not handle itself (it stops the ones it does) closes it.
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  // The panel's own height, not the document's: that is at least the frame's, so the frame could never shrink.
  // Rounded up to coarse steps: the page learns nothing from it about which step shows.
  new ResizeObserver(() => tell({ action: 'size', height: coarseHeight(app.getBoundingClientRect().height) })).observe(
    app,
  );
  // Framed, a Desk page could hide the panel and lure clicks onto it: Review and confirm act only while the browser
  // reports the panel visible (utils/removal/visibility-gate.ts). The worker refused a frame in a browser that
  // cannot tell, unless the admin chose frames there (Advanced). In a window of its own no page covers it.
  const canTell = tracksVisibility(globalThis);
  const gate =
    parentOrigin && canTell
      ? visibilityGate({
          watch: (on) => watchWithObserver(IntersectionObserver as unknown as IntersectionObserverFactory, app)(on),
          now: () => performance.now(),
        })
      : OPEN_GATE;
  // Over a port kept open: each request costs less than a runtime message of its own.
  const api = createClient(portSender(browser.runtime));
  // Heard from before the first ask: a claim posted while that ask is on its way is not missed.
  const claims = parentOrigin ? claimsFrom(window, window.parent, parentOrigin) : NO_CLAIMS;
  try {
    const context = await askOnceClaimed(claims, () =>
      api.getPanelContext({
        panelId,
        ...(parentOrigin ? { framedBy: parentOrigin } : {}),
        tracksVisibility: canTell,
      }),
    );
    render(
      <VisibilityGateContext.Provider value={gate}>
        <PanelChoicesContext.Provider value={choices}>
          <Dialog>
            <ContextPanel api={api} context={context} titleId={titleId} onClose={close} />
          </Dialog>
        </PanelChoicesContext.Provider>
      </VisibilityGateContext.Provider>,
      app,
    );
  } catch (error) {
    // A window of its own is only ever opened with a context: without one, nobody's button opened it.
    if (ownWindow) return refuse();
    render(
      <Dialog>
        <UnresolvedPanel api={api} problem={serializeError(error)} titleId={titleId} onClose={close} />
      </Dialog>,
      app,
    );
  }
  tell({ action: 'ready' });
}

void main();
