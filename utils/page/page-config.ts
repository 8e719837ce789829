/**
 * What the content script needs to find Desk pages and place the control: nothing personal, nothing trusted.
 * Apart from the request table (utils/page/requests.ts), so the content script bundles no schema.
 */
import type { Corner } from './shadow-mount';

export interface PageConfig {
  patterns: string[];
  deskAddresses: string[];
  anchorSelector: string;
  corner?: Corner;
}

/** The service worker's word to open Desk tabs when the configuration changes. */
export const PAGE_CONFIG_MESSAGE = 'badgeRemoverPageConfig';
