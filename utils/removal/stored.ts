/** What removals keep: the route that worked per organization, and the panels' contexts. */
import { storage } from 'wxt/utils/storage';
import { remembered } from '../platform/remembered-item';
import type { RemovalRoute } from '../platform/zoho/removal-routes';
import type { PanelContext } from './panel-frame';

/** Which removal route worked, per organization (Automatic remembers it). */
export const routeByOrgItem = /* @__PURE__ */ remembered(
  storage.defineItem<Record<string, RemovalRoute>>('local:routeByOrg', {
    fallback: {},
  }),
);

/** Panel contexts the Desk page control registered, each claimable by its frame while fresh. */
export const panelContextsItem = storage.defineItem<
  Record<string, { tabId: number; context: PanelContext; at: number }>
>('session:panelContexts', { fallback: {} });
