/**
 * The removal panel is a sender class of its own (utils/platform/dispatch.ts): whatever runs in it may read and
 * remove only for the one target its context names, the context its own tab's control registered on a trusted
 * click. Checked here for every request a panel sends; wired in utils/handlers.ts.
 */
import { type Connection, connectionItem } from '../connection/stored';
import type { ClassifiedSender } from '../platform/dispatch';
import { ZohoError } from '../platform/errors';
import { t } from '../platform/i18n';
import { dataCenterByDeskOrigin, dataCenterByLocation } from '../platform/zoho/datacenters';
import type { RegisteredContext, RemovalTarget } from './panel-context';
import { PANEL_CONTEXT_TTL_MS, PANEL_NOT_OPENED, PRELOADED_PANEL_TTL_MS } from './panel-frame';
import { type PanelEntry, panelContextsItem } from './stored';

const noLongerValid = () =>
  new ZohoError({
    kind: 'invalid-request',
    message: t('worker_panel_no_longer_valid'),
    action: t('worker_panel_no_longer_valid_action'),
  });

const notOpenedYet = () =>
  new ZohoError({
    kind: 'invalid-request',
    errorCode: PANEL_NOT_OPENED,
    message: t('worker_panel_not_opened'),
    action: t('worker_panel_not_opened_action'),
  });

/** Whether a stored panel may still be claimed (with its context) or, loaded ahead of the click, be opened. */
export function isFresh(entry: PanelEntry, now: number): boolean {
  return now - entry.at < (entry.context ? PANEL_CONTEXT_TTL_MS : PRELOADED_PANEL_TTL_MS);
}

/**
 * Why the Desk page that opened a panel is not the connected organization's, or null: its data center (its host)
 * or the portal its address names differs. Not connected, or nothing to compare, is no reason: the panel then
 * asks to connect, or the page names no portal.
 */
export function otherOrgProblem(
  page: Pick<PanelEntry, 'deskOrigin' | 'portal'>,
  connection: Connection | null,
): ZohoError | null {
  const org = connection?.org;
  if (!connection || !org) return null;
  const action = t('worker_panel_other_org_action', [org.name]);
  const pageDc = page.deskOrigin ? dataCenterByDeskOrigin(page.deskOrigin) : undefined;
  if (pageDc && pageDc.location !== connection.location) {
    const connected = dataCenterByLocation(connection.location)?.label ?? connection.location;
    return new ZohoError({
      kind: 'forbidden',
      message: t('worker_panel_other_data_center', [pageDc.label, org.name, connected]),
      action,
    });
  }
  if (page.portal && org.portalName && page.portal.toLowerCase() !== org.portalName.toLowerCase()) {
    return new ZohoError({
      kind: 'forbidden',
      message: t('worker_panel_other_portal', [page.portal, org.name, org.portalName]),
      action,
    });
  }
  return null;
}

/**
 * The context of the panel that sent this: registered for its tab by a click, fresh, and opened from a page of the
 * connected organization. Anything else is refused, at the claim and at every request after it: a frame loaded
 * ahead of the click, before that click, too.
 */
export async function claimedContext(sender: ClassifiedSender, now: number): Promise<RegisteredContext> {
  if (sender.kind !== 'panel') throw noLongerValid();
  const entry = (await panelContextsItem.getValue())[sender.panelId];
  if (!entry || sender.tabId !== entry.tabId || !isFresh(entry, now)) throw noLongerValid();
  if (!entry.context) throw notOpenedYet();
  const problem = otherOrgProblem(entry, await connectionItem.getValue());
  if (problem) throw problem;
  return entry.context;
}

export interface PanelBindingDeps {
  now: () => number;
  /** The Help Center users of a contact, as the contact's panel was shown them (undefined: not looked up). */
  contactUserIds: (contactId: string) => Promise<string[] | undefined>;
}

const notItsTarget = () =>
  new ZohoError({
    kind: 'forbidden',
    message: t('worker_panel_not_its_target'),
    action: t('worker_panel_not_its_target_action'),
  });

export function panelBinding(deps: PanelBindingDeps) {
  return {
    /** A panel's read or removal is for its own target; other senders pass (their own checks apply). */
    async target(sender: ClassifiedSender, target: RemovalTarget): Promise<void> {
      if (sender.kind !== 'panel') return;
      const context = await claimedContext(sender, deps.now());
      if (
        context.kind === 'user' &&
        context.target.userId === target.userId &&
        (context.target.helpCenterId ?? null) === (target.helpCenterId ?? null)
      )
        return;
      if (context.kind === 'contact' && (await deps.contactUserIds(context.contactId))?.includes(target.userId)) return;
      throw notItsTarget();
    },
    /** A panel reads the contact its context names, and no other. */
    async contact(sender: ClassifiedSender, contactId: string): Promise<void> {
      if (sender.kind !== 'panel') return;
      const context = await claimedContext(sender, deps.now());
      if (context.kind !== 'contact' || context.contactId !== contactId) throw notItsTarget();
    },
  };
}
