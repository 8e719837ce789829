/**
 * The panel opener (entrypoints/desk-panel-opener/) and the Desk page button that loads it
 * (entrypoints/desk-page/control-button.ts): what one gives the other. The opener is a script built on its own, which
 * leaves its one export in a global of the content script's world. Page scripts see another world (Chrome's
 * isolated world, Firefox's sandbox), so they can neither read it nor put one there first; only the window's named
 * elements reach through, and they are never the global's own property.
 */

import type { RegisteredContext } from './panel-context';

/** What the panel opener does for the button it is attached to (entrypoints/desk-panel-opener/). */
export interface PanelOpener {
  /** The admin's trusted click: opens the panel, or closes the open one. */
  toggle(): void;
  /** The admin coming near: a frame loads ahead of the click. */
  approach(): void;
  /** Takes the open panel and any frame loaded ahead with it. */
  remove(): void;
}

/** What the content script gives the opener: the worker's answers, and where the open panel goes. */
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

/** What the content script knows for the opener: what the panel will work on, and where the open panel goes. */
export interface OpenerPlace {
  context: RegisteredContext;
  overlay: HTMLElement;
}

/** The opener for that button, as its script offers it: it asks the worker for the panel itself. */
export type OfferedPanelOpener = (trigger: HTMLButtonElement, place: OpenerPlace) => PanelOpener;

const GLOBAL = 'badgeRemoverPanelOpener';

/** Called by the opener's own script, once it runs. */
export function offerPanelOpener(attach: OfferedPanelOpener): void {
  (globalThis as Record<string, unknown>)[GLOBAL] = attach;
}

/**
 * The opener, running its script first unless it ran already (registered beside the content script): `url` is the
 * script's web-accessible address.
 */
export async function importPanelOpener(url: string): Promise<OfferedPanelOpener> {
  // Its own property only: the global's prototype chain holds the window's named elements (`id`), which the page makes.
  const offered = () =>
    Object.hasOwn(globalThis, GLOBAL) ? (globalThis as Record<string, unknown>)[GLOBAL] : undefined;
  if (typeof offered() !== 'function') await import(/* @vite-ignore */ url);
  const attach = offered();
  if (typeof attach !== 'function') throw new Error(`${url} did not load`);
  return attach as OfferedPanelOpener;
}
