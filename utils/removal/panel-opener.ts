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
