/**
 * Who a Help Center user page shows: the user the URL names, or the one with the email the page shows, whom the
 * service worker looks up (or leaves to the admin's click: past the lookup bound, utils/page/lookup-bound.ts, or
 * after a lookup that may pass).
 */

import { waitFor } from '../../platform/wait-for';
import { emailContext, namesShown } from '../../removal/identified';
import type { Identified, IdentifyApi } from '../kind';
import type { HelpCenterUserPage } from './detect';
import { findUserEmailOnPage } from './dom-fallback';

type Env = { api: IdentifyApi; document: Document; signal: AbortSignal };

export async function identifyHelpCenterUser(
  page: HelpCenterUserPage,
  { api, document, signal }: Env,
): Promise<Identified> {
  const helpCenter = page.helpCenterId ? { helpCenterId: page.helpCenterId } : {};
  if (page.userId) {
    const target = { userId: page.userId, ...helpCenter };
    // The name and email the page shows for this user: where the control is best placed.
    const names = api.identifyUser(target).then(namesShown);
    return { context: { kind: 'user', target }, names };
  }
  const email = await waitFor(() => findUserEmailOnPage(document), signal, document);
  // With no answer from the worker, the click looks the email up (and says why, if it still cannot).
  const identified = await api.identifyByEmail({ email, ...helpCenter }).catch(() => null);
  return identified
    ? { context: identified.context, names: Promise.resolve(identified.names) }
    : { context: emailContext(email, page.helpCenterId), names: Promise.resolve([email]) };
}
