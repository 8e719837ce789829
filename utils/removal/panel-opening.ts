/**
 * Opening the removal panel from a Desk page: its frame loaded ahead of the click, the click that opens it (in that
 * frame or a window of the extension), and the panel page's claim of the context it works on.
 */

import { requireOrg } from '../connection/current-org';
import type { Handlers } from '../platform/dispatch';
import { serializeError, ZohoError } from '../platform/errors';
import { t } from '../platform/i18n';
import { dataCenterByDeskOrigin } from '../platform/zoho/datacenters';
import type { DeskClient } from '../platform/zoho/desk-client';
import { deskPagePortal } from '../platform/zoho/desk-web';
import { findUserByEmail } from '../platform/zoho/help-center';
import type { UserBadgesView } from '../platform/zoho/views';
import { claimedContext, isFresh } from './panel-binding';
import type { PanelContext } from './panel-context';
import type { removalRequests } from './requests';
import { readRemovalSettings } from './settings';
import { type PanelEntry, panelContextsItem } from './stored';

export interface PanelOpeningDeps {
  client: DeskClient;
  now: () => number;
  newId: () => string;
  /** Opens the panel page for that panel in a window of its own; resolves to that window's tab. */
  openPanelWindow?: (panelId: string) => Promise<number>;
}

export function panelOpening(
  deps: PanelOpeningDeps,
): Pick<Handlers<typeof removalRequests>, 'preloadPanel' | 'openPanel' | 'getPanelContext'> {
  /**
   * Changes the stored panels one change at a time: a frame loaded ahead and the click that opens it may be asked
   * for together, and neither may drop the other's entry.
   */
  let panelsChanged = Promise.resolve();
  const updatePanels = (change: (pending: Record<string, PanelEntry>) => Record<string, PanelEntry>) => {
    const next = panelsChanged.then(async () => panelContextsItem.setValue(change(await panelContextsItem.getValue())));
    panelsChanged = next.catch(() => {});
    return next;
  };

  /**
   * Whether this page's panel opens in a window of the extension, not a frame. On the organization's own domain the
   * browser lets no extension page into a frame (its web-accessible pages name Zoho's hosts only), so the panel opens
   * in a window of the extension, bound to that window. So it does where the browser cannot tell whether the page
   * covers the frame (Firefox), unless the admin chose not. A page that claims it can tell gets a frame, whose own
   * check getPanelContext reads.
   */
  const opensInWindow = async (sender: { deskOrigin: string }, tracksVisibility: boolean) =>
    deps.openPanelWindow !== undefined &&
    (!dataCenterByDeskOrigin(sender.deskOrigin) ||
      (!tracksVisibility && (await readRemovalSettings()).panelWindowWhereUnchecked));

  return {
    async preloadPanel({ tracksVisibility }, sender) {
      if (sender.kind !== 'content-script')
        throw new ZohoError({ kind: 'invalid-request', message: t('worker_panel_not_from_desk') });
      // A panel that would open in a window has no frame to load ahead.
      if (await opensInWindow(sender, tracksVisibility)) return { panelId: null };
      const panelId = deps.newId();
      const now = deps.now();
      // No context: the frame may claim nothing until a click opens it (openPanel). It replaces the tab's earlier
      // frame loaded ahead (gone with its page), never the tab's open panel.
      await updatePanels((pending) => ({
        ...Object.fromEntries(
          Object.entries(pending).filter(([, p]) => isFresh(p, now) && (p.tabId !== sender.tabId || p.context)),
        ),
        [panelId]: { tabId: sender.tabId, at: now },
      }));
      return { panelId };
    },

    async openPanel({ context, tracksVisibility, preloaded }, sender) {
      if (sender.kind !== 'content-script')
        throw new ZohoError({ kind: 'invalid-request', message: t('worker_panel_not_from_desk') });
      const now = deps.now();
      const inWindow = await opensInWindow(sender, tracksVisibility);
      // The frame this tab's control loaded ahead, if it is still waiting: the click opens that one.
      const ahead = preloaded === undefined ? undefined : (await panelContextsItem.getValue())[preloaded];
      const panelId =
        !inWindow && ahead && ahead.tabId === sender.tabId && !ahead.context && isFresh(ahead, now)
          ? preloaded!
          : deps.newId();
      const tabId = inWindow ? await deps.openPanelWindow!(panelId) : sender.tabId;
      // The portal the page's address names (the one it loaded with), checked against the connection's at claim.
      const portal = sender.url ? deskPagePortal(sender.url) : undefined;
      // One panel per tab: opening one ends the tab's earlier one, whose frame may not claim any more.
      await updatePanels((pending) => ({
        ...Object.fromEntries(Object.entries(pending).filter(([, p]) => isFresh(p, now) && p.tabId !== tabId)),
        [panelId]: {
          tabId,
          context,
          at: now,
          deskOrigin: sender.deskOrigin,
          ...(portal ? { portal } : {}),
          ...(inWindow ? { inWindow } : {}),
        },
      }));
      return { panelId, mode: inWindow ? ('window' as const) : ('frame' as const) };
    },

    async getPanelContext({ panelId, framedBy, tracksVisibility }, sender) {
      // Claimed by the panel its URL names, in the tab whose control registered it, while fresh: again when that
      // frame reloads (a page can move it), so the panel goes on where it was. Framed, only by the Desk page whose
      // control registered it (the handshake where the browser lists no ancestors); in a window, not framed.
      if (sender.kind !== 'panel' || sender.panelId !== panelId)
        throw new ZohoError({ kind: 'invalid-request', message: t('worker_panel_no_longer_valid') });
      const registered = await claimedContext(sender, deps.now());
      const entry = (await panelContextsItem.getValue())[panelId]!;
      const placed = entry.inWindow ? framedBy === undefined : framedBy !== undefined && framedBy === entry.deskOrigin;
      if (!placed) {
        throw new ZohoError({
          kind: 'forbidden',
          message: t('worker_panel_misplaced'),
          action: t('worker_panel_click_again_on_desk_page'),
        });
      }
      // In the page, where this browser cannot tell whether the page covers it: only if the admin chose so.
      if (!entry.inWindow && !tracksVisibility && (await readRemovalSettings()).panelWindowWhereUnchecked) {
        throw new ZohoError({
          kind: 'forbidden',
          message: t('worker_panel_opens_in_window'),
          action: t('worker_panel_click_again_on_desk_page'),
        });
      }
      if (registered.kind !== 'email') return registered;
      // The lookup the bound deferred to this click: done once, and kept for the panel (should its frame reload).
      const { context } = await contextForEmail(deps.client, registered);
      if (settled(context)) {
        await updatePanels((pending) =>
          pending[panelId] ? { ...pending, [panelId]: { ...pending[panelId]!, context } } : pending,
        );
      }
      return context;
    },
  };
}

/**
 * Whether an email's lookup is done with: the user found, or Zoho has none. Any other failure (a throttle, a network
 * fault) may pass, so the email is looked up again.
 */
export const settled = (context: PanelContext): boolean =>
  context.kind !== 'unresolved' || context.problem.kind === 'not-found';

/**
 * The Help Center user with a Desk page's email, as a panel context, and that user as Zoho gave them; a failure is
 * the context's problem (the panel shows it).
 */
export async function contextForEmail(
  client: DeskClient,
  { email, helpCenterId }: { email: string; helpCenterId?: string },
): Promise<{ context: PanelContext; user?: UserBadgesView['user'] }> {
  try {
    await requireOrg();
    const user = await findUserByEmail(client, email, helpCenterId);
    if (user)
      return {
        context: { kind: 'user', target: { userId: user.id, ...(helpCenterId ? { helpCenterId } : {}) } },
        user,
      };
    return {
      context: {
        kind: 'unresolved',
        problem: {
          kind: 'not-found',
          message: helpCenterId
            ? t('worker_removal_no_user_with_email_in_help_center', [email])
            : t('worker_removal_no_user_with_email', [email]),
        },
      },
    };
  } catch (error) {
    return { context: { kind: 'unresolved', problem: serializeError(error) } };
  }
}
