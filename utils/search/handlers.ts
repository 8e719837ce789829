import { requireOrg } from '../connection/current-org';
import type { Handlers } from '../platform/dispatch';
import type { DeskClient } from '../platform/zoho/desk-client';
import { listHelpCenters, searchUsers } from '../platform/zoho/help-center';
import { recognizePage } from './recognize-with-zoho';
import type { searchRequests } from './requests';
import { lastSearchItem, typedHelpCenterIdItem } from './stored';

export function searchHandlers(deps: { client: DeskClient }): Handlers<typeof searchRequests> {
  return {
    async searchUsers(search) {
      await requireOrg();
      return searchUsers(deps.client, search);
    },
    async listHelpCenters() {
      await requireOrg();
      return listHelpCenters(deps.client);
    },
    async recognizePage({ url }) {
      await requireOrg();
      return recognizePage(deps.client, url);
    },
  };
}

/** On disconnect: the last search names the organization's users; the typed help center only if asked. */
export const forgetSearches = (all: boolean) =>
  Promise.all([lastSearchItem.removeValue(), ...(all ? [typedHelpCenterIdItem.setValue(null)] : [])]);
