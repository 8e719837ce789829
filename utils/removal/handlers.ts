/** Reading a user's badges, removing them (recorded), and the panel the Desk page control opens. */
import { requireOrg } from '../connection/current-org';
import type { Handlers } from '../platform/dispatch';
import { readUser, userBadgesView } from '../platform/zoho/help-center';
import { emailContext, namesShown } from './identified';
import { contextForEmail, type PanelOpeningDeps, panelOpening, settled } from './panel-opening';
import type { PanelSnapshots } from './panel-snapshot';
import { type RemovalDeps, removeBadges } from './remove';
import type { RemovalReport } from './report';
import type { removalRequests } from './requests';
import type { RemovalRoute } from './routes';
import { readRemovalSettings } from './settings';
import { routeByOrgItem } from './stored';

/** Who the user was, for the audit entry. */
export interface RemovalContext {
  userName?: string;
  userEmail?: string;
  helpCenterName?: string;
}

/** The removal's and the panel's (./panel-opening.ts) deps are the same. */
export type RemovalServiceDeps = PanelOpeningDeps;

/** What a removal needs for this organization: the route setting and what Automatic learned. */
async function removalDeps(
  deps: Pick<RemovalServiceDeps, 'client' | 'now' | 'newId'>,
  orgId: string,
): Promise<RemovalDeps> {
  return {
    client: deps.client,
    orgId,
    routeSetting: (await readRemovalSettings()).removalRoute,
    rememberedRoute: (await routeByOrgItem.getValue())[orgId],
    rememberRoute: async (route: RemovalRoute) => {
      await routeByOrgItem.setValue({ ...(await routeByOrgItem.getValue()), [orgId]: route });
    },
    now: deps.now,
    newId: deps.newId,
  };
}

/** Keeps a removal's report: the audit log, wired in utils/handlers.ts. */
export type RecordRemoval = (report: RemovalReport, context: RemovalContext) => Promise<void>;

/** `snapshots` watches the Desk client in `deps` (utils/handlers.ts): the panels' reads that stand in for a first read. */
export function removalFeature(deps: RemovalServiceDeps, record: RecordRemoval, snapshots: PanelSnapshots) {
  // Who a user is, as last read, so the audit log can name them without another call to Zoho.
  const seenUsers = new Map<string, RemovalContext>();
  /** Notes a user's name and email as Zoho gave them, keeping what else was seen of them. */
  const rememberUser = (userId: string, user: { name: string; email?: string }) =>
    seenUsers.set(userId, {
      ...seenUsers.get(userId),
      userName: user.name,
      ...(user.email ? { userEmail: user.email } : {}),
    });

  const handlers: Handlers<typeof removalRequests> = {
    async getUserBadges(target, sender) {
      await requireOrg();
      const read = () => userBadgesView(deps.client, target);
      // The panel's read, as this worker made it, is kept for that panel's removal (./panel-snapshot.ts).
      const view = sender.kind === 'panel' ? await snapshots.keep(sender.panelId, target, read) : await read();
      seenUsers.set(target.userId, {
        userName: view.user.name,
        ...(view.user.email ? { userEmail: view.user.email } : {}),
        ...(view.helpCenter ? { helpCenterName: view.helpCenter.name } : {}),
      });
      return view;
    },

    async identifyUser(target) {
      await requireOrg();
      const seen = seenUsers.get(target.userId);
      if (seen?.userName) return { name: seen.userName, ...(seen.userEmail ? { email: seen.userEmail } : {}) };
      const user = await readUser(deps.client, target);
      rememberUser(target.userId, user);
      return { name: user.name, ...(user.email ? { email: user.email } : {}) };
    },

    async identifyByEmail({ email, helpCenterId }) {
      const { context, user } = await contextForEmail(deps.client, { email, helpCenterId });
      if (!settled(context)) return { context: emailContext(email, helpCenterId), names: [email] };
      if (!user) return { context, names: [email] };
      rememberUser(user.id, user);
      return { context, names: namesShown(user) };
    },

    async removeBadges(request, sender) {
      // Taken before anything else: one snapshot stands in for one removal at most.
      const before = sender.kind === 'panel' ? snapshots.take(sender.panelId, request) : undefined;
      const orgId = await requireOrg();
      const report = await removeBadges(await removalDeps(deps, orgId), { ...request, ...(before ? { before } : {}) });
      await record(report, seenUsers.get(request.userId) ?? {});
      return report;
    },
    ...panelOpening(deps),
  };

  return {
    handlers,
    /** What a removal needs in that organization (a bulk run's too). */
    removalDeps: (orgId: string) => removalDeps(deps, orgId),
    /** Whether the user was read already: naming them again costs Zoho nothing. */
    known: async (userId: string) => Boolean(seenUsers.get(userId)?.userName),
    /** On disconnect: who was seen, and the route learned, belong to the organization. */
    async disconnected() {
      seenUsers.clear();
      snapshots.clear();
      await routeByOrgItem.removeValue();
    },
  };
}
