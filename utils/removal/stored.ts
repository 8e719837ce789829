/** What removals keep: the route that worked per organization, and the panels' contexts. */

import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { zohoId } from '../platform/dispatch';
import { remembered } from '../platform/remembered-item';
import { trustedItem } from '../platform/trusted-storage';
import type { RemovalRoute } from '../platform/zoho/removal-routes';
import type { PanelContext } from './panel-frame';

/** Which removal route worked, per organization (Automatic remembers it). */
export const routeByOrgItem = /* @__PURE__ */ remembered(
  trustedItem<Record<string, RemovalRoute>>('routeByOrg', {
    fallback: {},
    schema: z.record(zohoId, z.enum(['helpcenter-delete', 'users-dissociate'])),
  }),
);

/** Panel contexts the Desk page control registered, each claimable by its frame while fresh. */
export const panelContextsItem = storage.defineItem<
  Record<string, { tabId: number; context: PanelContext; at: number }>
>('session:panelContexts', { fallback: {} });
