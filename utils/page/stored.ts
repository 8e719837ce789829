/**
 * What the options page stores for page detection and placement. Content scripts read the same keys
 * straight from `storage.local` (utils/page/admin-patterns.ts, desk-addresses.ts, placement.ts), so
 * they never load the settings item with its neighbours.
 */
import { storage } from 'wxt/utils/storage';
import { PAGE_PATTERNS_KEY } from './admin-patterns';
import { DESK_ADDRESSES_KEY } from './desk-addresses';
import { ANCHOR_SELECTOR_KEY } from './placement';

/** Admin-added URL patterns for Help Center user pages (utils/page/url-pattern.ts). */
export const pagePatternsItem = storage.defineItem<string[]>(`local:${PAGE_PATTERNS_KEY}`, { fallback: [] });

/** The organization's own Desk addresses (utils/page/desk-addresses.ts). */
export const deskAddressesItem = storage.defineItem<string[]>(`local:${DESK_ADDRESSES_KEY}`, { fallback: [] });

/** The admin's anchor selector for the control (Advanced). */
export const anchorSelectorItem = storage.defineItem<string>(`local:${ANCHOR_SELECTOR_KEY}`, { fallback: '' });
