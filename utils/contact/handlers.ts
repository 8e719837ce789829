import { requireOrg } from '../connection/current-org';
import type { Handlers } from '../platform/dispatch';
import type { DeskClient } from '../platform/zoho/desk-client';
import { findContactUsers } from './contact';
import type { contactRequests } from './requests';
import { contactUsersItem } from './stored';

export function contactHandlers(deps: { client: DeskClient }): Handlers<typeof contactRequests> {
  return {
    async getContactUsers({ contactId }) {
      const orgId = await requireOrg();
      const key = `${orgId}:${contactId}`;
      const cached = (await contactUsersItem.getValue())[key];
      if (cached) return cached;
      const view = await findContactUsers(deps.client, contactId);
      await contactUsersItem.setValue({ ...(await contactUsersItem.getValue()), [key]: view });
      return view;
    },
  };
}

/** On disconnect: contacts and users are the organization's. */
export const forgetContacts = () => contactUsersItem.removeValue();
