/** The integration for Help Center user pages: find the user, put the control beside their name. */
import { browser } from 'wxt/browser';
import type { RemovalTarget } from '../../components/removal/RemoveBadgesPanel';
import { createClient } from '../../utils/client';
import type { HelpCenterUserPage } from '../../utils/page';
import { findUserEmailOnPage } from '../../utils/page/dom-fallback';
import { LOOKUP_DEFERRED } from '../../utils/page/lookup-bound';
import type { PageConfig } from '../../utils/page/page-config';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { waitFor } from '../../utils/platform/wait-for';
import { mountControl } from './control';

export async function mountHelpCenterUserPage(page: HelpCenterUserPage, config: PageConfig, signal: AbortSignal) {
  const resolved = await resolveTarget(page, signal);
  if (signal.aborted) return;
  await mountControl(
    'target' in resolved
      ? { kind: 'user', target: resolved.target }
      : 'email' in resolved
        ? { kind: 'email', email: resolved.email, ...resolved.helpCenter }
        : { kind: 'unresolved', problem: resolved.problem },
    config,
    signal,
    {
      names:
        'target' in resolved ? namesOf(resolved) : 'email' in resolved ? Promise.resolve([resolved.email]) : undefined,
    },
  );
}

/** The name and email the page shows for this user: where the control is best placed. */
async function namesOf(resolved: { target: RemovalTarget; user?: { name: string; email?: string } }) {
  const user = resolved.user ?? (await createClient(browser.runtime).identifyUser(resolved.target));
  return [user.name, ...(user.email ? [user.email] : [])];
}

/**
 * The URL's user id, or else the email the page shows, looked up through the service worker.
 * When that fails the control still appears and says why (not connected, no such user).
 */
async function resolveTarget(
  page: HelpCenterUserPage,
  signal: AbortSignal,
): Promise<
  | { target: RemovalTarget; user?: { name: string; email?: string } }
  | { email: string; helpCenter: { helpCenterId?: string } }
  | { problem: SerializedError }
> {
  const helpCenter = page.helpCenterId ? { helpCenterId: page.helpCenterId } : {};
  if (page.userId) return { target: { userId: page.userId, ...helpCenter } };
  const email = await waitFor(() => findUserEmailOnPage(document), signal);
  try {
    const user = await createClient(browser.runtime).findUserByEmail({ email, ...helpCenter });
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
