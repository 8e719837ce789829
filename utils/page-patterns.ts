/**
 * The admin's page patterns as the content script reads them: straight from `storage.local`.
 * WXT's storage layer would more than double the content script for this one read and watch.
 * The options side writes through `pagePatternsItem` (utils/storage.ts), under the same key.
 */
import { browser } from 'wxt/browser';

export const PAGE_PATTERNS_KEY = 'pagePatterns';

/** Anything but a list of strings (nothing saved yet, or a damaged value) reads as no patterns. */
function asPatterns(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
}

export async function readPagePatterns(): Promise<string[]> {
  const stored = await browser.storage.local.get(PAGE_PATTERNS_KEY);
  return asPatterns(stored[PAGE_PATTERNS_KEY]);
}

/** Calls back with the new patterns whenever they are saved; returns the unwatch. */
export function watchPagePatterns(onChange: (patterns: string[]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[PAGE_PATTERNS_KEY];
    if (area === 'local' && change) onChange(asPatterns(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
