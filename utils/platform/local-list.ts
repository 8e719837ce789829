/**
 * A list of strings in `storage.local` that a content script reads and follows, straight from the browser's
 * storage: WXT's storage layer would more than double the content script for one read and watch.
 */
import { browser } from 'wxt/browser';

/** Anything but a list of strings (nothing saved yet, or a damaged value) reads as an empty list. */
function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function readLocalList(key: string): Promise<string[]> {
  return asList((await browser.storage.local.get(key))[key]);
}

/** Calls back with the new list whenever it is saved; returns the unwatch. */
export function watchLocalList(key: string, onChange: (list: string[]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[key];
    if (area === 'local' && change) onChange(asList(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
