/** Who a Help Center user page shows: the user the URL names, or the one with the email the page shows. */

import { LOOKUP_DEFERRED } from '../../page/lookup-bound';
import { type SerializedError, serializeError } from '../../platform/errors';
import { waitFor } from '../../platform/wait-for';
import type { RegisteredContext, RemovalTarget } from '../../removal/panel-context';
import type { Identified, IdentifyApi } from '../kind';
import type { HelpCenterUserPage } from './detect';
import { findUserEmailOnPage } from './dom-fallback';

type Env = { api: IdentifyApi; document: Document; signal: AbortSignal };

export async function identifyHelpCenterUser(page: HelpCenterUserPage, env: Env): Promise<Identified> {
  const resolved = await resolveTarget(page, env);
  const context: RegisteredContext =
    'target' in resolved
      ? { kind: 'user', target: resolved.target }
      : 'email' in resolved
        ? { kind: 'email', email: resolved.email, ...resolved.helpCenter }
        : { kind: 'unresolved', problem: resolved.problem };
  const names =
    'target' in resolved
      ? namesOf(env.api, resolved)
      : 'email' in resolved
        ? Promise.resolve([resolved.email])
        : undefined;
  return { context, ...(names ? { names } : {}) };
}

/** The name and email the page shows for this user: where the control is best placed. */
async function namesOf(api: IdentifyApi, resolved: { target: RemovalTarget; user?: { name: string; email?: string } }) {
  const user = resolved.user ?? (await api.identifyUser(resolved.target));
  return [user.name, ...(user.email ? [user.email] : [])];
}

/**
 * The URL's user id, or else the email the page shows, looked up through the service worker.
 * When that fails the control still appears and says why (not connected, no such user).
 */
async function resolveTarget(
  page: HelpCenterUserPage,
  { api, document, signal }: Env,
): Promise<
  | { target: RemovalTarget; user?: { name: string; email?: string } }
  | { email: string; helpCenter: { helpCenterId?: string } }
  | { problem: SerializedError }
> {
  const helpCenter = page.helpCenterId ? { helpCenterId: page.helpCenterId } : {};
  if (page.userId) return { target: { userId: page.userId, ...helpCenter } };
  const email = await waitFor(() => findUserEmailOnPage(document), signal, document);
  try {
    const user = await api.findUserByEmail({ email, ...helpCenter });
    if (user) return { target: { userId: user.id, ...helpCenter }, user };
    return {
      problem: {
        kind: 'not-found',
        message: `No Help Center user with the email ${email} was found${page.helpCenterId ? ' in this help center' : ''}.`,
      },
    };
  } catch (error) {
    const problem = serializeError(error);
    // Past the lookup bound (utils/page/lookup-bound.ts) the panel looks the email up once the admin clicks.
    if (problem.errorCode === LOOKUP_DEFERRED) return { email, helpCenter };
    return { problem };
  }
}
