/**
 * Puts a UI into the page inside an open shadow root, beside the best anchor the page has (see
 * utils/page/anchor.ts), and keeps it there while the page re-renders. With no anchor shortly after it
 * starts, the UI floats in a free corner of the viewport instead, and moves beside a better anchor when
 * one appears. One host element, so never two controls. A page that re-renders on every mutation
 * cannot drag it into a loop: too many re-attachments in a short time and it floats for good, and a
 * floating host the page keeps removing is put back ever more slowly.
 * What must never move with it (an open frame, which reloads when moved) goes in the overlay: a second host
 * of the same tag, in the page only while it holds something, before <body>, out of the content the page
 * re-renders.
 * Styles go in as one constructed stylesheet for both (utils/page/adopt-styles.ts).
 * Everything ends when the signal aborts.
 */

import { t } from '../platform/i18n';
import { adoptStyles } from './adopt-styles';
import { ANCHOR_RANK, type Anchor, type AnchorKind } from './anchor';

export type Placement = AnchorKind | 'floating';
export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
export const CORNERS: readonly Corner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

export interface ShadowMountOptions {
  /** Tag name of the host element; namespaced so it never clashes with the page. */
  hostTag: string;
  css: string;
  /** Where the UI goes (it is inserted after the anchor), or null while the page has none. */
  findAnchor: (isOwn: (element: Element) => boolean) => Anchor | null;
  /** `overlay`: over the page, outside its content; the UI places what it puts there itself. */
  render: (container: HTMLElement, overlay: HTMLElement) => void;
  unrender: (container: HTMLElement) => void;
  signal: AbortSignal;
  /** How long to wait for an anchor before floating. */
  floatAfterMs?: number;
  /** The corner the admin moved the floating control to, if any. */
  corner?: () => Corner | undefined;
  onCornerChosen?: (corner: Corner) => void;
  /** Told each time the host is put into the page (for tests and benchmarks). */
  onPlaced?: (placement: Placement) => void;
}

export interface ShadowMount {
  host: HTMLElement;
  /** The overlay's container (see above). */
  overlay: HTMLElement;
  placement(): Placement | null;
  /** Looks for a better anchor now (e.g. once the user's name is known). */
  recheck(): void;
}

export const FLOAT_AFTER_MS = 600;
/** More re-attachments than this within CHURN_WINDOW_MS means the page fights the control. */
const CHURN_LIMIT = 8;
const CHURN_WINDOW_MS = 2000;
const MAX_BACKOFF_MS = 30_000;
const INTERACTIVE =
  'a[href], button, input, select, textarea, summary, [role="button"], [role="link"], [role="tab"], [role="menuitem"], [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

export function mountInShadowRoot(options: ShadowMountOptions): ShadowMount {
  const { signal } = options;
  const doc = document;
  const host = doc.createElement(options.hostTag);
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(options.css);
  adoptStyles(shadow, options.css, sheet);
  const overlayHost = doc.createElement(options.hostTag);
  overlayHost.setAttribute('data-overlay', '');
  const overlayShadow = overlayHost.attachShadow({ mode: 'open' });
  adoptStyles(overlayShadow, options.css, sheet);
  const overlay = doc.createElement('div');
  overlayShadow.append(overlay);
  const container = doc.createElement('div');
  const move = doc.createElement('button');
  move.type = 'button';
  move.className = 'br-move';
  move.textContent = '⇆';
  move.setAttribute('aria-label', t('control_move_corner'));
  move.title = t('control_move_corner_title');
  shadow.append(container, move);
  const isOwn = (element: Element) => element === host || host.contains(element);

  let placement: Placement | null = null;
  let churning = false;
  let backoff = 1000;
  let backoffTimer: ReturnType<typeof setTimeout> | undefined;
  const attachTimes: number[] = [];
  // Set by the timer itself: comparing clocks could find it a millisecond early and never float.
  let floatDue = false;

  const attached = (next: Placement) => {
    placement = next;
    const now = Date.now();
    attachTimes.push(now);
    while (attachTimes.length && now - attachTimes[0]! > CHURN_WINDOW_MS) attachTimes.shift();
    if (attachTimes.length > CHURN_LIMIT) churning = true;
    options.onPlaced?.(next);
  };

  const cornerFree = (corner: Corner): boolean => {
    const w = doc.documentElement.clientWidth || window.innerWidth;
    const h = doc.documentElement.clientHeight || window.innerHeight;
    const xs = corner.endsWith('right') ? [w - 24, w - 90, w - 160] : [24, 90, 160];
    const y = corner.startsWith('bottom') ? h - 32 : 32;
    return xs.every((x) => (doc.elementsFromPoint?.(x, y) ?? []).every((el) => isOwn(el) || !el.closest(INTERACTIVE)));
  };

  const chooseCorner = (): Corner => options.corner?.() ?? CORNERS.find(cornerFree) ?? 'bottom-right';

  const float = () => {
    host.setAttribute('data-floating', chooseCorner());
    // Outside <body>: a page that re-renders its body keeps the floating control.
    if (host.parentNode !== doc.documentElement) doc.documentElement.append(host);
    attached('floating');
  };

  /** In the page while it holds something; put back if the page removed it (its frame then reloads). */
  const keepOverlay = () => {
    if (signal.aborted) return;
    if (!overlay.firstChild) overlayHost.remove();
    else if (!overlayHost.isConnected) {
      const body = doc.body?.parentNode === doc.documentElement ? doc.body : null;
      doc.documentElement.insertBefore(overlayHost, body);
    }
  };

  const check = () => {
    if (signal.aborted) return;
    keepOverlay();
    if (churning) {
      if (host.isConnected || backoffTimer) return;
      // The page removes even the floating control: put it back, each time more slowly.
      backoffTimer = setTimeout(() => {
        backoffTimer = undefined;
        if (!signal.aborted && !host.isConnected) float();
      }, backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      return;
    }
    const anchor = options.findAnchor(isOwn);
    if (anchor) {
      const better = placement === null || ANCHOR_RANK[anchor.kind] < ANCHOR_RANK[placement];
      if (host.isConnected && !better) return;
      if (host.previousElementSibling === anchor.element && host.isConnected) return;
      host.removeAttribute('data-floating');
      anchor.element.after(host);
      attached(anchor.kind);
      if (churning) float();
      return;
    }
    if (host.isConnected) return;
    if (floatDue) float();
  };

  options.render(container, overlay);
  move.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    const current = host.getAttribute('data-floating') as Corner | null;
    const next = CORNERS[(CORNERS.indexOf(current ?? 'bottom-right') + 1) % CORNERS.length]!;
    options.onCornerChosen?.(next);
    host.setAttribute('data-floating', next);
  });

  const observer = new MutationObserver(check);
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  const overlayObserver = new MutationObserver(keepOverlay);
  overlayObserver.observe(overlay, { childList: true });
  const floatTimer = setTimeout(() => {
    floatDue = true;
    check();
  }, options.floatAfterMs ?? FLOAT_AFTER_MS);
  const onResize = () => {
    if (placement === 'floating' && !options.corner?.()) host.setAttribute('data-floating', chooseCorner());
  };
  window.addEventListener('resize', onResize, { signal });
  check();

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      overlayObserver.disconnect();
      clearTimeout(floatTimer);
      clearTimeout(backoffTimer);
      options.unrender(container);
      host.remove();
      overlayHost.remove();
    },
    { once: true },
  );
  return { host, overlay, placement: () => placement, recheck: check };
}
