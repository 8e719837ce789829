/**
 * What the "Remove badges" button opens (entrypoints/desk-page/control-button.ts; the contract between them:
 * utils/removal/panel-opener.ts): the frame of the removal panel.
 * The panel itself is an extension page (entrypoints/removal-panel) in that frame: what the admin chooses and
 * confirms happens in the extension's origin, where the Desk page's scripts cannot click, type or read.
 * A module apart from the content script, which loads it once it has put the button in (control.ts).
 * The open panel sits in the overlay, not beside the button: a page that re-renders its content takes the
 * button with it (the mount puts it back), and a frame taken out of the page and put back reloads.
 * The frame loads ahead of the click (the pointer over the button, its focus, the page idle), hidden, inert and
 * empty: the service worker hands it nothing until a trusted click opens it (`preloadPanel`, `openPanel`), and the
 * click then only reveals it. At most one such frame per control; it goes with the control.
 */
import css from '../../components/control-panel.css?inline';
import { adoptStyles } from '../../utils/page/adopt-styles';
import { t } from '../../utils/platform/i18n';
import { PANEL_CLAIMED, type PanelMessage, panelMessage } from '../../utils/removal/panel-frame';
import type { PanelOpener } from '../../utils/removal/panel-opener';

/**
 * What the opener's script (./index.ts) gives it: the worker's answers, and where the open panel goes, as the content
 * script said (utils/removal/panel-opener.ts, `OpenerPlace`).
 */
export interface PanelOpenerOptions {
  /**
   * Registers what the panel will work on and gives the frame's URL, or null when the panel opened in a window
   * of its own; called on a trusted click only. `preloaded`: the URL of the frame loaded ahead, if there is one:
   * the answer is that URL when the click opens that frame.
   */
  panelUrl: (preloaded: string | null) => Promise<string | null>;
  /**
   * The URL of a frame to load ahead of the click, which may claim nothing until then; null where the panel would
   * not open in a frame. Without it, the frame loads on the click.
   */
  preloadUrl?: () => Promise<string | null>;
  /** Runs `load` once the page is idle; returns what cancels it. */
  whenIdle?: (load: () => void) => () => void;
  /** The extension's origin: the only sender of the frame's messages. */
  extensionOrigin: string;
  /** Where the open panel goes: over the page, outside the content it re-renders (see shadow-mount.ts). */
  overlay: HTMLElement;
}

/** The tallest the frame grows before its own page scrolls. */
const MAX_FRAME_HEIGHT = 520;
const PANEL_WIDTH = 400;
/** Between the button and the panel, and between the panel and the window's edges. */
const GAP = 6;
const MARGIN = 8;
/** How long a closed panel's frame stays (hidden) before it is removed. */
const FRAME_REMOVAL_DELAY_MS = 300;
/** The longest the idle load waits for an idle moment, and where the browser has no idle callback, how long. */
const IDLE_TIMEOUT_MS = 2000;
const IDLE_FALLBACK_MS = 1000;

/** Runs `load` once the page is idle (`requestIdleCallback`, else a timeout); returns what cancels it. */
export function whenIdle(load: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(load, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(load, IDLE_FALLBACK_MS);
  return () => clearTimeout(id);
}

/** A panel frame loaded ahead of the click: its box, hidden and inert, and the frame once its URL came. */
interface Ahead {
  box: HTMLElement;
  frame: Promise<{ frame: HTMLIFrameElement; url: string } | null>;
}

export interface PanelPlacement {
  /** One of top and bottom: below the button, or above it where there is more room. */
  top?: number;
  bottom?: number;
  left: number;
  width: number;
  maxHeight: number;
}

/**
 * Where the panel goes for a button at `button` (viewport coordinates) in a window of that size: under the
 * button's start edge (its left, its right where the page reads right to left), or its end edge where the window
 * ends first.
 */
export function panelPlacement(
  button: { top: number; bottom: number; left: number; right: number },
  window: { width: number; height: number },
  direction: 'ltr' | 'rtl' = 'ltr',
): PanelPlacement {
  const width = Math.max(0, Math.min(PANEL_WIDTH, window.width - 2 * MARGIN));
  const start =
    direction === 'rtl'
      ? button.right - width < MARGIN
        ? button.left
        : button.right - width
      : button.left + width > window.width - MARGIN
        ? button.right - width
        : button.left;
  const left = Math.max(MARGIN, Math.min(start, window.width - width - MARGIN));
  const below = window.height - button.bottom - GAP - MARGIN;
  const above = button.top - GAP - MARGIN;
  // Never squeezed to nothing: with the button scrolled out of sight the panel still shows a usable part.
  const room = (space: number) => Math.max(120, Math.min(MAX_FRAME_HEIGHT, space));
  return below >= MAX_FRAME_HEIGHT || below >= above
    ? { top: button.bottom + GAP, left, width, maxHeight: room(below) }
    : { bottom: window.height - button.top + GAP, left, width, maxHeight: room(above) };
}

/** Keeps the panel beside the button wherever the page moves it, until `signal` aborts. */
function followButton(box: HTMLElement, button: HTMLElement, signal: AbortSignal) {
  let last = '';
  const step = () => {
    if (signal.aborted) return;
    const rect = button.getBoundingClientRect();
    // Out of the page for a moment (the page re-rendered, the mount puts it back): stay where it was.
    if (button.isConnected && (rect.width || rect.height)) {
      const root = document.documentElement;
      const place = panelPlacement(
        rect,
        { width: root.clientWidth || window.innerWidth, height: root.clientHeight || window.innerHeight },
        // The page's direction, as the button inherits it: in a page read right to left the panel opens leftwards.
        getComputedStyle(button).direction === 'rtl' ? 'rtl' : 'ltr',
      );
      const key = JSON.stringify(place);
      if (key !== last) {
        last = key;
        const px = (n: number | undefined) => (n === undefined ? '' : `${n}px`);
        Object.assign(box.style, {
          top: px(place.top),
          bottom: px(place.bottom),
          left: px(place.left),
          width: px(place.width),
          maxHeight: px(place.maxHeight),
        });
      }
    }
    requestAnimationFrame(step);
  };
  step();
}

/** The opener of the panel for that button, in the page until `remove`. */
export function attachPanelOpener(trigger: HTMLButtonElement, options: PanelOpenerOptions): PanelOpener {
  // What the button controls, by reference: an id cannot reach out of this shadow root, an element can.
  const overlayRoot = options.overlay.getRootNode();
  const controlled = overlayRoot instanceof ShadowRoot ? overlayRoot.host : options.overlay;
  if (overlayRoot instanceof ShadowRoot) adoptStyles(overlayRoot, css);

  let shown: { box: HTMLElement; stop: AbortController } | null = null;
  let ahead: Ahead | null = null;
  /** Off once the worker said there is no frame to load ahead (a window), or the control went. */
  let mayLoadAhead = options.preloadUrl !== undefined;
  let givingFocusBack = false;

  /** Loads a frame ahead of the click, hidden, inert and empty, unless there is one already or the panel shows. */
  const loadAhead = () => {
    if (!mayLoadAhead || ahead || shown || givingFocusBack) return;
    // Named apart from the open panel's box and frame until the click opens them.
    const box = aheadBox();
    const loading: Ahead = {
      box,
      frame: options.preloadUrl!().then(
        (url) => {
          if (url === null || !mayLoadAhead) {
            mayLoadAhead = false;
            return null;
          }
          const frame = element('iframe', 'br-frame-ahead');
          frame.title = t('control_frame_title');
          frame.tabIndex = -1;
          frame.src = url;
          frame.style.height = '0px';
          box.append(frame);
          // Into the page once there is a frame to load (the click may have put the box there already).
          if (!box.isConnected) options.overlay.append(box);
          return { frame, url };
        },
        // The click then loads the frame, as without one loaded ahead.
        () => null,
      ),
    };
    ahead = loading;
    void loading.frame.then((loaded) => {
      if (!loaded && ahead === loading) ahead = null;
    });
  };

  const close = () => {
    if (!shown) return;
    shown.stop.abort();
    // Hidden at once, removed a moment later: the key press or click that closed it may still be on its way
    // to the frame, and a frame removed under an input event leaves the browser waiting for its answer.
    const { box } = shown;
    box.className = 'br-panel-closing';
    box.style.display = 'none';
    setTimeout(() => box.remove(), FRAME_REMOVAL_DELAY_MS);
    shown = null;
    trigger.setAttribute('aria-expanded', 'false');
    trigger.ariaControlsElements = null;
    // Focus given back is not the admin coming near: a frame loading ahead now would hold up a click to
    // reopen (measured: 216 ms against 35 ms cold). The next approach, or the page's next idle moment, loads it.
    givingFocusBack = true;
    trigger.focus();
    givingFocusBack = false;
    cancelIdle();
    cancelIdle = idleLoad();
  };

  const show = () => {
    const stop = new AbortController();
    // The frame loaded ahead is this click's, to open or to drop: a later approach loads another.
    const taken = ahead;
    ahead = null;
    const box = openBox(taken?.box);
    const waiting = element('p', 'br-opening', t('control_opening'));
    waiting.setAttribute('role', 'status');
    waiting.prepend(spinner());
    box.prepend(waiting);
    // Escape before the frame has focus (while it loads) closes too; inside the frame, the panel handles it.
    box.addEventListener('keydown', (event) => event.key === 'Escape' && close(), { signal: stop.signal });
    shown = { box, stop };
    if (!box.isConnected) options.overlay.append(box);
    followButton(box, trigger, stop.signal);
    trigger.setAttribute('aria-expanded', 'true');
    trigger.ariaControlsElements = [controlled];

    // After the frame loading ahead has its id (so the worker never sees the two at once), the click registers.
    const preloaded = taken ? taken.frame : Promise.resolve(null);
    preloaded
      .then((loaded) => options.panelUrl(loaded?.url ?? null).then((url) => ({ url, loaded })))
      .then(
        ({ url, loaded }) => {
          if (stop.signal.aborted) return;
          if (url === null) {
            loaded?.frame.remove();
            close();
            return;
          }
          const opensLoaded = loaded !== null && loaded.url === url;
          if (loaded && !opensLoaded) loaded.frame.remove();
          const frame = opensLoaded ? loaded.frame : element('iframe', 'br-frame');
          followPanel(frame, { waiting, close, extensionOrigin: options.extensionOrigin, signal: stop.signal });
          if (opensLoaded) {
            openLoaded(frame, options.extensionOrigin);
            return;
          }
          frame.title = t('control_frame_title');
          frame.src = url;
          frame.style.height = '0px';
          frame.addEventListener('load', () => frame.focus(), { signal: stop.signal });
          box.append(frame);
        },
        (error: unknown) => {
          if (stop.signal.aborted) return;
          waiting.replaceWith(loadFailure(error, close));
        },
      );
  };

  const idleLoad = () => (options.preloadUrl ? (options.whenIdle ?? whenIdle)(loadAhead) : () => {});
  let cancelIdle = idleLoad();

  return {
    toggle: () => (shown ? close() : show()),
    approach: loadAhead,
    remove: () => {
      cancelIdle();
      mayLoadAhead = false;
      ahead?.box.remove();
      ahead = null;
      shown?.stop.abort();
      shown?.box.remove();
      shown = null;
      trigger.setAttribute('aria-expanded', 'false');
      trigger.ariaControlsElements = null;
    },
  };
}

/** The box of a frame loaded ahead: hidden, inert and out of the accessibility tree until the click opens it. */
function aheadBox(): HTMLElement {
  const box = element('div', 'br-panel-ahead');
  box.style.display = 'none';
  box.setAttribute('inert', '');
  box.setAttribute('aria-hidden', 'true');
  return box;
}

/** The open panel's box: the one loaded ahead, shown, or a new one. */
function openBox(ahead: HTMLElement | undefined): HTMLElement {
  const box = ahead ?? element('div', 'br-panel');
  box.className = 'br-panel';
  box.style.display = '';
  box.removeAttribute('inert');
  box.removeAttribute('aria-hidden');
  return box;
}

/** The panel frame's messages: close, its height, and that it is ready (focus moves into it). */
function followPanel(
  frame: HTMLIFrameElement,
  panel: { waiting: HTMLElement; close: () => void; extensionOrigin: string; signal: AbortSignal },
): void {
  const onMessage = (event: MessageEvent) => {
    const message: PanelMessage | null = panelMessage(event, frame, panel.extensionOrigin);
    if (!message) return;
    if (message.action === 'close') panel.close();
    else if (message.action === 'size') frame.style.height = `${Math.min(message.height, MAX_FRAME_HEIGHT)}px`;
    else {
      panel.waiting.remove();
      frame.focus();
    }
  };
  window.addEventListener('message', onMessage, { signal: panel.signal });
}

/** The frame loaded ahead becomes the open panel's. */
function openLoaded(frame: HTMLIFrameElement, extensionOrigin: string): void {
  frame.className = 'br-frame';
  frame.removeAttribute('tabindex');
  // Its page asks the worker again, which now answers: the click registered this frame's panel.
  frame.contentWindow?.postMessage(PANEL_CLAIMED, extensionOrigin);
}

function loadFailure(error: unknown, close: () => void): HTMLElement {
  const box = element('div', 'br-error');
  box.setAttribute('role', 'alert');
  box.append(
    element('p', '', t('control_open_failed', [error instanceof Error ? error.message : String(error)])),
    element('p', 'br-muted', t('control_reload_hint')),
  );
  const closeButton = element('button', '', t('control_close'));
  closeButton.type = 'button';
  closeButton.addEventListener('click', (event) => event.isTrusted && close());
  box.append(closeButton);
  return box;
}

function spinner(): HTMLElement {
  const span = element('span', 'br-spinner');
  span.setAttribute('aria-hidden', 'true');
  return span;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
