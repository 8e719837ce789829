/**
 * From a Desk contact to the Help Center user(s) it is. Zoho's documented call lists, for each help center, the
 * contact's user there (`GET /contacts/{id}/helpCenters`). Where Zoho lacks that call (404 or 405), the fallback
 * reads the contact's email, searches Help Center users by it (per help center), and keeps only users whose own
 * record names this contact: an email match alone is not enough, since another user may share or reuse the address.
 */

import { helpCenterListUnavailable, ZohoError } from '../platform/errors';
import { t } from '../platform/i18n';
import {
  getContact,
  getContactActivationStatusAcrossHelpCenters,
  getUserDetails,
  getUsers,
  MAX_PAGE_SIZE,
} from '../platform/zoho/desk-api';
import type { DeskClient } from '../platform/zoho/desk-client';
import { listHelpCenters } from '../platform/zoho/help-center';
import { primaryEmail } from '../platform/zoho/schemas';
import type { HelpCenterView } from '../platform/zoho/views';

/** A Desk contact and the Help Center user it is in each help center (none: not an end user). */
export interface ContactUsersView {
  contact: { id: string; name: string; email?: string };
  memberships: { helpCenter?: HelpCenterView; user: { id: string; name: string; email: string } }[];
}

export async function findContactUsers(client: DeskClient, contactId: string): Promise<ContactUsersView> {
  const contact = await getContact(client, contactId);
  const name =
    [contact.firstName, contact.lastName].filter(Boolean).join(' ') ||
    contact.email ||
    t('worker_contact_unnamed', [contactId]);
  const view: ContactUsersView = {
    contact: { id: contact.id, name, ...(contact.email ? { email: contact.email } : {}) },
    memberships: [],
  };
  const person = { name, email: contact.email ?? '' };
  try {
    const entries = await getContactActivationStatusAcrossHelpCenters(client, contactId);
    view.memberships = entries.map((entry) => ({
      ...(entry.helpCenter?.id
        ? {
            helpCenter: {
              id: entry.helpCenter.id,
              name: entry.helpCenter.name || t('worker_help_center_unnamed', [entry.helpCenter.id]),
            },
          }
        : {}),
      user: { id: entry.userId, ...person },
    }));
    return view;
  } catch (error) {
    const absent = error instanceof ZohoError && (error.kind === 'not-found' || error.kind === 'method-not-allowed');
    if (!absent) throw error;
  }
  if (!contact.email) return view;
  view.memberships = await searchByEmail(client, contactId, contact.email, name);
  return view;
}

/** The fallback: Help Center users with the contact's email whose own record names this contact. */
async function searchByEmail(
  client: DeskClient,
  contactId: string,
  contactEmail: string,
  name: string,
): Promise<ContactUsersView['memberships']> {
  let helpCenters: (HelpCenterView | undefined)[];
  try {
    helpCenters = await listHelpCenters(client);
  } catch (error) {
    // Without a help-center listing, one search across all of them still finds the user.
    if (!helpCenterListUnavailable(error)) throw error;
    helpCenters = [undefined];
  }

  const email = contactEmail.toLowerCase();
  const confirmed = new Map<string, Promise<boolean>>();
  const isThisContact = (userId: string) => {
    let check = confirmed.get(userId);
    if (!check) {
      // List items carry no contactId; the user's own record does.
      check = getUserDetails(client, userId).then((user) => user.contactId === contactId);
      confirmed.set(userId, check);
    }
    return check;
  };

  const perHelpCenter = await Promise.all(
    helpCenters.map(async (helpCenter) => {
      const found = await getUsers(client, {
        searchBy: contactEmail,
        helpCenterId: helpCenter?.id,
        limit: MAX_PAGE_SIZE,
      });
      const candidates = found.filter((u) => primaryEmail(u)?.toLowerCase() === email);
      const matches = [];
      for (const user of candidates) {
        if (await isThisContact(user.id)) {
          matches.push({
            ...(helpCenter ? { helpCenter } : {}),
            user: { id: user.id, name: user.name ?? name, email: primaryEmail(user) ?? contactEmail },
          });
        }
      }
      return matches;
    }),
  );
  return perHelpCenter.flat();
}
