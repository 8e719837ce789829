/** What removals keep: the route that worked per organization, and the panels' contexts. */

import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { zohoId } from '../platform/dispatch';
import { remembered } from '../platform/remembered-item';
import { trustedItem } from '../platform/trusted-storage';
import type { RegisteredContext } from './panel-context';
import type { RemovalRoute } from './routes';

/** Which removal route worked, per organization (Automatic remembers it). */
export const routeByOrgItem = /* @__PURE__ */ remembered(
  trustedItem<Record<string, RemovalRoute>>('routeByOrg', {
    fallback: {},
    schema: z.record(zohoId, z.enum(['helpcenter-delete', 'users-dissociate'])),
  }),
);

/**
 * A panel context the Desk page control registered, claimable by its panel while fresh; or, with no context yet, the
 * panel whose frame the control loaded ahead of the click (`preloadPanel`): it may claim nothing until that click.
 */
export interface PanelEntry {
  tabId: number;
  context?: RegisteredContext;
  at: number;
  /** The origin of the Desk page whose control registered it: the panel's frame must be framed by it. */
  deskOrigin?: string;
  /** The Desk portal the page's address named (`/agent/{portal}/…`), if it named one. */
  portal?: string;
  /** In a window of the extension, not framed at all. */
  inWindow?: boolean;
}

/** Read by every request a panel sends (utils/removal/panel-binding.ts): kept in the worker's memory too. */
export const panelContextsItem = /* @__PURE__ */ remembered(
  storage.defineItem<Record<string, PanelEntry>>('session:panelContexts', { fallback: {} }),
);
