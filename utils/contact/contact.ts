/**
 * From a Desk contact to the Help Center user(s) it is: read the contact's email, search Help Center
 * users by it (per help center), and keep only users whose own record names this contact. An email
 * match alone is not enough: another user may share or reuse the address.
 */

import { helpCenterListUnavailable } from '../platform/errors';
import type { DeskClient } from '../platform/zoho/desk-client';
import { listHelpCenters, PAGE_SIZE } from '../platform/zoho/help-center';
import { contact as contactSchema, helpCenterUser, helpCenterUserPage, primaryEmail } from '../platform/zoho/schemas';
import type { HelpCenterView } from '../platform/zoho/views';

/** A Desk contact and the Help Center user it is in each help center (none: not an end user). */
export interface ContactUsersView {
  contact: { id: string; name: string; email?: string };
  memberships: { helpCenter?: HelpCenterView; user: { id: string; name: string; email: string } }[];
}

export async function findContactUsers(client: DeskClient, contactId: string): Promise<ContactUsersView> {
  const { data: contact } = await client.request({
    method: 'GET',
    path: `/api/v1/contacts/${contactId}`,
    schema: contactSchema,
  });
  const name =
    [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.email || `Contact ${contactId}`;
  const view: ContactUsersView = {
    contact: { id: contact.id, name, ...(contact.email ? { email: contact.email } : {}) },
    memberships: [],
  };
  if (!contact.email) return view;

  let helpCenters: (HelpCenterView | undefined)[];
  try {
    helpCenters = await listHelpCenters(client);
  } catch (error) {
    // Without a help-center listing, one search across all of them still finds the user.
    if (!helpCenterListUnavailable(error)) throw error;
    helpCenters = [undefined];
  }

  const email = contact.email.toLowerCase();
  const confirmed = new Map<string, Promise<boolean>>();
  const isThisContact = (userId: string) => {
    let check = confirmed.get(userId);
    if (!check) {
      // List items carry no contactId; the user's own record does.
      check = client
        .request({ method: 'GET', path: `/api/v1/users/${userId}`, schema: helpCenterUser })
        .then(({ data }) => data.contactId === contactId);
      confirmed.set(userId, check);
    }
    return check;
  };

  const perHelpCenter = await Promise.all(
    helpCenters.map(async (helpCenter) => {
      const { data } = await client.request({
        method: 'GET',
        path: '/api/v1/users',
        query: { searchBy: contact.email!, helpCenterId: helpCenter?.id, limit: PAGE_SIZE },
        schema: helpCenterUserPage,
      });
      const candidates = data.data.filter((u) => primaryEmail(u)?.toLowerCase() === email);
      const matches = [];
      for (const user of candidates) {
        if (await isThisContact(user.id)) {
          matches.push({
            ...(helpCenter ? { helpCenter } : {}),
            user: { id: user.id, name: user.name ?? name, email: primaryEmail(user) ?? contact.email! },
          });
        }
      }
      return matches;
    }),
  );
  view.memberships = perHelpCenter.flat();
  return view;
}
