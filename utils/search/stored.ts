/** What the popup's lookup remembers. */
import { storage } from 'wxt/utils/storage';
import { zohoId } from '../platform/dispatch';
import { trustedItem } from '../platform/trusted-storage';
import type { SavedSearch } from './popup-search';

/** The popup's last search and results, shown at once when it reopens (fresh data then replaces them). */
export const lastSearchItem = storage.defineItem<SavedSearch | null>('session:lastSearch', {
  fallback: null,
});

/** A help center ID the admin typed because Zoho would not list help centers. */
export const typedHelpCenterIdItem = trustedItem<string | null>('typedHelpCenterId', {
  fallback: null,
  schema: zohoId,
});
