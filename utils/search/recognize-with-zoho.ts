/**
 * "Recognize this page": ask Zoho what each numeric ID in a Desk page's URL is (a Help Center user, a
 * help center, a contact), and propose the URL pattern for pages of that shape. Read-only calls.
 */

import type { PageKindName } from '../page/kind-catalog';
import { type IdRole, idsInTarget, proposePattern } from '../page/recognize-url';
import { compilePattern, matchTarget } from '../page/url-pattern';
import { userDisplayName } from '../platform/display-names';
import { ZohoError } from '../platform/errors';
import { t } from '../platform/i18n';
import { getContact, getHelpCenter, getUserDetails } from '../platform/zoho/desk-api';
import type { DeskClient } from '../platform/zoho/desk-client';
import { isDeskOrigin } from '../platform/zoho/desk-web';
import { primaryEmail } from '../platform/zoho/schemas';

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
  kind?: PageKindName;
}

/**
 * Answers that only mean "this ID is not one of those": Zoho may answer an ID of another kind with 404, 422 or a
 * plain 403. A 403 about the organization or the license is about every probe, and stops the recognition.
 */
function notThisKind(error: unknown): boolean {
  if (!(error instanceof ZohoError)) return false;
  if (error.kind === 'forbidden') return error.errorCode === undefined || error.errorCode === 'FORBIDDEN';
  return error.kind === 'not-found' || error.kind === 'invalid-request' || error.kind === 'method-not-allowed';
}

async function probe<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (notThisKind(error)) return undefined;
    throw error;
  }
}

export async function recognizePage(client: DeskClient, url: string): Promise<RecognizedPageView> {
  const target = matchTarget(url, isDeskOrigin);
  if (target === null) {
    throw new ZohoError({
      kind: 'invalid-request',
      message: t('worker_search_not_desk_tab'),
      action: t('worker_search_not_desk_tab_action'),
    });
  }
  const ids = await Promise.all(
    idsInTarget(target).map(async (id) => {
      const [user, hc, person] = await Promise.all([
        probe(() => getUserDetails(client, id)),
        probe(() => getHelpCenter(client, id)),
        probe(() => getContact(client, id)),
      ]);
      const entry: RecognizedPageView['ids'][number] = { id };
      if (user && user.id === id) {
        const email = primaryEmail(user);
        entry.user = { name: userDisplayName({ id, name: user.name }, email), ...(email ? { email } : {}) };
      }
      if (hc && hc.id === id) entry.helpCenter = { name: hc.name };
      if (person && person.id === id) {
        const c = person;
        const name =
          [c.firstName, c.lastName].filter(Boolean).join(' ') || c.email || t('worker_contact_unnamed', [id]);
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
  const compiled = pattern ? compilePattern(pattern) : undefined;
  if (compiled?.ok) {
    view.pattern = compiled.pattern.source;
    view.kind = compiled.pattern.kind;
  }
  return view;
}
