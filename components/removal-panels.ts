/**
 * The panels the Desk page control opens, and how the content script gets them: they are built as their
 * own script (entrypoints/removal-panels.tsx) and loaded into the content script's world on first use.
 */
import type { SerializedError } from '../utils/zoho/errors';
import type { PanelHost } from './control-shell';
import type { ContactPanelApi, PanelApi, RemovalTarget } from './panel-api';

/** Each renders into the host and returns what takes it down. */
export interface RemovalPanels {
  user(host: PanelHost, api: PanelApi, target: RemovalTarget): () => void;
  unresolved(host: PanelHost, api: PanelApi, problem: SerializedError): () => void;
  contact(host: PanelHost, api: ContactPanelApi, contactId: string): () => void;
}

/** Where the panels' script leaves them: the content script's own global, which the page cannot see. */
const SLOT = '__badgeRemoverPanels';
export const REMOVAL_PANELS_SCRIPT = '/removal-panels.js';

type Slot = { [SLOT]?: RemovalPanels };

export function provideRemovalPanels(panels: RemovalPanels): void {
  (globalThis as Slot)[SLOT] = panels;
}

let loading: Promise<RemovalPanels> | null = null;

/**
 * Loads the panels' script once. After a failure the next call asks again, though the browser may
 * answer from its memory of the failed import until the page reloads (which the message says to do).
 */
export function loadRemovalPanels(getURL: (path: typeof REMOVAL_PANELS_SCRIPT) => string): Promise<RemovalPanels> {
  loading ??= (async () => {
    const present = (globalThis as Slot)[SLOT];
    if (present) return present;
    await import(/* @vite-ignore */ getURL(REMOVAL_PANELS_SCRIPT));
    const panels = (globalThis as Slot)[SLOT];
    if (!panels) throw new Error('the panel script loaded but offered no panels');
    return panels;
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
