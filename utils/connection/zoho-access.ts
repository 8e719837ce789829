/**
 * Site access to Zoho's hosts. Firefox (and Chrome's "on click" site access) lets the admin withhold it; then the
 * content script is not injected and no call reaches Zoho, so the extension's pages say so and ask for it.
 */
import type { browser } from 'wxt/browser';
import { hostPermissions } from '../platform/zoho/datacenters';

export interface ZohoAccessApi {
  hasZohoAccess(): Promise<boolean>;
  /** Must run in a click's handler: the browser asks the admin. */
  requestZohoAccess(): Promise<boolean>;
  /** Calls back whenever the browser's granted permissions change; returns the stop. */
  watchZohoAccess(onChange: () => void): () => void;
}

export function zohoAccessApi(permissions: typeof browser.permissions): ZohoAccessApi {
  const zoho = { origins: hostPermissions() };
  return {
    hasZohoAccess: () => permissions.contains(zoho),
    requestZohoAccess: () => permissions.request(zoho),
    watchZohoAccess(onChange) {
      permissions.onAdded.addListener(onChange);
      permissions.onRemoved.addListener(onChange);
      return () => {
        permissions.onAdded.removeListener(onChange);
        permissions.onRemoved.removeListener(onChange);
      };
    },
  };
}
