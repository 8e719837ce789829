/**
 * What page detection and the control's placement keep, in the trusted area (utils/platform/trusted-storage.ts).
 * A content script reads none of it: the service worker hands it what it needs by a read-only request
 * (utils/page/requests.ts), and tells open Desk tabs when it changes.
 */
import * as z from 'zod/mini';
import { trustedItem } from '../platform/trusted-storage';
import { CORNERS, type Corner } from './shadow-mount';

const list = (item: z.ZodMiniType<string>, max: number) => z.array(item).check(z.maxLength(max));

/** Admin-added URL patterns for Help Center user and contact pages (utils/page/url-pattern.ts). */
export const pagePatternsItem = trustedItem<string[]>('pagePatterns', {
  fallback: [],
  schema: list(z.string().check(z.maxLength(500)), 50),
});

/** The organization's own Desk addresses (utils/page/desk-addresses.ts): https origins only. */
export const deskAddressesItem = trustedItem<string[]>('deskAddresses', {
  fallback: [],
  schema: list(z.string().check(z.regex(/^https:\/\/[a-z0-9.-]+(:\d{1,5})?$/i), z.maxLength(300)), 50),
});

/** The admin's anchor selector for the control (Advanced). */
export const anchorSelectorItem = trustedItem<string>('anchorSelector', {
  fallback: '',
  schema: z.string().check(z.maxLength(300)),
});

/** The corner the admin moved the floating control to. */
export const floatingCornerItem = trustedItem<Corner | null>('floatingCorner', {
  fallback: null,
  schema: z.enum(CORNERS as unknown as [Corner, ...Corner[]]),
});
