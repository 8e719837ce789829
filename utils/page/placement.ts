/**
 * What the content script reads for placing the control, straight from `storage.local` like the page
 * patterns (utils/page/admin-patterns.ts): the admin's anchor selector (saved by the options page) and the
 * corner the admin moved the floating control to.
 */
import { browser } from 'wxt/browser';
import type { Corner } from './shadow-mount';

export const ANCHOR_SELECTOR_KEY = 'anchorSelector';
const CORNER_KEY = 'floatingCorner';
const CORNER_VALUES: readonly string[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

export async function readPlacement(): Promise<{ selector?: string; corner?: Corner }> {
  const stored = await browser.storage.local.get([ANCHOR_SELECTOR_KEY, CORNER_KEY]);
  const selector = stored[ANCHOR_SELECTOR_KEY];
  const corner = stored[CORNER_KEY];
  return {
    ...(typeof selector === 'string' && selector.trim() ? { selector: selector.trim() } : {}),
    ...(typeof corner === 'string' && CORNER_VALUES.includes(corner) ? { corner: corner as Corner } : {}),
  };
}

export function saveCorner(corner: Corner): Promise<void> {
  return browser.storage.local.set({ [CORNER_KEY]: corner });
}
