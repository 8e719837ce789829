/**
 * "Recognize this page": ask Zoho what each numeric ID in a Desk page's URL is (a Help Center user, a
 * help center, a contact), and propose the URL pattern for pages of that shape. Read-only calls.
 */

import { isDeskOrigin } from '../page/helpcenter-user';
import { type IdRole, idsInTarget, proposePattern } from '../page/recognize';
import { matchTarget } from '../page/url-pattern';
import { userDisplayName } from '../platform/display-names';
import { ZohoError } from '../platform/errors';
import type { DeskClient } from '../platform/zoho/desk-client';
import { contact, helpCenter, helpCenterUser, primaryEmail } from '../platform/zoho/schemas';

/** What Zoho said about each numeric ID in a Desk page's URL, and the pattern proposed for pages like it. */
export interface RecognizedPageView {
  /** The URL's path and #hash, as patterns are matched against it. */
  target: string;
  ids: {
    id: string;
    user?: { name: string; email?: string };
    helpCenter?: { name: string };
    contact?: { name: string; email?: string };
  }[];
  /** Absent when no ID is a Help Center user or a contact. */
  pattern?: string;
  kind?: 'helpcenter-user' | 'contact';
}

/** Answers that only mean "this ID is not one of those". */
const NOT_THIS_KIND = new Set(['not-found', 'invalid-request', 'method-not-allowed']);

async function probe<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ZohoError && NOT_THIS_KIND.has(error.kind)) return undefined;
    throw error;
  }
}

export async function recognizePage(client: DeskClient, url: string): Promise<RecognizedPageView> {
  const target = matchTarget(url, isDeskOrigin);
  if (target === null) {
    throw new ZohoError({
      kind: 'invalid-request',
      message: 'This tab is not a Zoho Desk page.',
      action: 'Open the Help Center user or contact page in Zoho Desk, then try again.',
    });
  }
  const ids = await Promise.all(
    idsInTarget(target).map(async (id) => {
      const [user, hc, person] = await Promise.all([
        probe(() => client.request({ method: 'GET', path: `/api/v1/users/${id}`, schema: helpCenterUser })),
        probe(() => client.request({ method: 'GET', path: `/api/v1/helpCenters/${id}`, schema: helpCenter })),
        probe(() => client.request({ method: 'GET', path: `/api/v1/contacts/${id}`, schema: contact })),
      ]);
      const entry: RecognizedPageView['ids'][number] = { id };
      if (user && user.data.id === id) {
        const email = primaryEmail(user.data);
        entry.user = { name: userDisplayName({ id, name: user.data.name }, email), ...(email ? { email } : {}) };
      }
      if (hc && hc.data.id === id) entry.helpCenter = { name: hc.data.name };
      if (person && person.data.id === id) {
        const c = person.data;
        const name = [c.firstName, c.lastName].filter(Boolean).join(' ') || c.email || `Contact ${id}`;
        entry.contact = { name, ...(c.email ? { email: c.email } : {}) };
      }
      return entry;
    }),
  );
  const roles = new Map<string, IdRole>();
  for (const entry of ids) {
    const role: IdRole | undefined = entry.user
      ? 'user'
      : entry.contact
        ? 'contact'
        : entry.helpCenter
          ? 'helpCenter'
          : undefined;
    if (role) roles.set(entry.id, role);
  }
  const pattern = proposePattern(target, roles);
  const view: RecognizedPageView = { target, ids };
  if (pattern) {
    view.pattern = pattern;
    view.kind = pattern.includes('{contactId}') ? 'contact' : 'helpcenter-user';
  }
  return view;
}
