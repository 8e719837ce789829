/**
 * The service worker's handlers, gathered from the features, and the few ways the features meet: a change
 * of connection reaches the bulk run and the lookups, and every removal is recorded in the audit log.
 * The background entrypoint only builds the dependencies and registers `dispatch`.
 */
import { applyAuditRetention, clearAuditLog, recordRemoval } from './audit/audit';
import { type AuditDeps, auditHandlers } from './audit/handlers';
import { entryUndo, type UndoDeps } from './audit/undo';
import { type BulkDeps, bulkFeature } from './bulk/handlers';
import {
  type ConnectionDeps,
  connectionHandlers,
  connectionSettings,
  followDeskAddresses,
} from './connection/handlers';
import { connectionItem } from './connection/stored';
import { contactHandlers, forgetContacts } from './contact/handlers';
import { pageHandlers } from './page/handlers';
import { createLookupBound, isOrgAgentPage, LOOKUP_DEFERRED } from './page/lookup-bound';
import type { ClassifiedSender, Handlers } from './platform/dispatch';
import { ZohoError } from './platform/errors';
import { policyHandlers } from './policy/handlers';
import { deskAddressesInForce } from './policy/policy';
import { type RemovalServiceDeps, removalFeature } from './removal/handlers';
import { emailContext } from './removal/identified';
import { panelBinding } from './removal/panel-binding';
import { panelSnapshots } from './removal/panel-snapshot';
import type { Requests } from './requests';
import { forgetSearches, searchHandlers } from './search/handlers';
import { settingsHandlers } from './settings';

export type ServiceDeps = ConnectionDeps & RemovalServiceDeps & BulkDeps & AuditDeps & UndoDeps;

/** The worker asking itself (a contact's users, cached where the panel read them). */
const TRUSTED: ClassifiedSender = { kind: 'extension-page' };

export function createHandlers(given: ServiceDeps): Handlers<Requests> & {
  resumeBulk(): Promise<unknown>;
  expireData(): Promise<void>;
  holdBulkRunForReview(): Promise<void>;
  followPolicy(): Promise<void>;
} {
  // Every feature's Desk calls are watched: a change or a failure ends the panels' snapshots of what users hold.
  // The rest of the deps is read as given, at each use (tests change the clock as they go).
  const snapshots = panelSnapshots(() => given.now());
  const client = snapshots.watch(given.client);
  const deps = new Proxy(given, { get: (target, key) => (key === 'client' ? client : Reflect.get(target, key)) });
  const removal = removalFeature(
    deps,
    // The report shows once the entry is in the worker's log, its write to storage under way.
    (report, context) => recordRemoval({ ...report, kind: 'remove', ...context }, { inLog: true }),
    snapshots,
  );
  // One undo, for the audit page and a bulk run's undo alike.
  const undo = entryUndo(deps);
  const bulk = bulkFeature(deps, { removalDeps: removal.removalDeps, undo });
  /** Personal data past the retention period goes: old audit entries, and the names in an old bulk run. */
  const expireData = async () => {
    await applyAuditRetention(deps.now());
    await bulk.expireRunData();
  };
  const connection = connectionHandlers(deps, {
    orgChosen: bulk.orgChosen,
    async disconnected(forget) {
      await removal.disconnected();
      await bulk.disconnected(forget.bulkRuns);
      await Promise.all([forgetContacts(), forgetSearches(forget.lookups)]);
      if (forget.auditLog) await clearAuditLog();
    },
  });
  const contact = contactHandlers(deps);
  // A panel reads and removes for its own target alone; a contact's panel for that contact's users.
  const panel = panelBinding({
    now: deps.now,
    async contactUserIds(contactId) {
      const view = await contact.getContactUsers({ contactId }, TRUSTED);
      return view.memberships.map((m) => m.user.id);
    },
  });
  // Lookups a Desk page's content script asks for before a click are bounded (utils/page/lookup-bound.ts).
  const bound = createLookupBound(deps.now);
  const mayLookUp = async (sender: ClassifiedSender, who: string) => {
    if (sender.kind !== 'content-script') return true;
    const portal = (await connectionItem.getValue())?.org?.portalName;
    return Boolean(sender.url && isOrgAgentPage(sender.url, portal) && bound.take(sender.tabId, who));
  };
  const search = searchHandlers(deps);
  return {
    ...connection,
    ...settingsHandlers(connectionSettings(deps)),
    ...removal.handlers,
    ...contact,
    ...search,
    async identifyUser(target, sender) {
      // A user seen already costs Zoho nothing: only a call counts against the bound.
      if (!(await removal.known(target.userId)) && !(await mayLookUp(sender, target.userId))) {
        throw new ZohoError({
          kind: 'invalid-request',
          errorCode: LOOKUP_DEFERRED,
          message: 'Looked up once you click Remove badges.',
        });
      }
      return removal.handlers.identifyUser(target, sender);
    },
    async identifyByEmail(input, sender) {
      if (!(await mayLookUp(sender, input.email.toLowerCase()))) {
        return { context: emailContext(input.email, input.helpCenterId), names: [input.email] };
      }
      return removal.handlers.identifyByEmail(input, sender);
    },
    async getUserBadges(target, sender) {
      await panel.target(sender, target);
      return removal.handlers.getUserBadges(target, sender);
    },
    async removeBadges(request, sender) {
      await panel.target(sender, request);
      return removal.handlers.removeBadges(request, sender);
    },
    async getContactUsers(input, sender) {
      await panel.contact(sender, input.contactId);
      return contact.getContactUsers(input, sender);
    },
    ...bulk.handlers,
    async getBulkRun(input, sender) {
      await applyAuditRetention(deps.now());
      return bulk.handlers.getBulkRun(input, sender);
    },
    ...auditHandlers(deps, undo),
    ...pageHandlers(deskAddressesInForce),
    ...policyHandlers(),
    resumeBulk: bulk.resume,
    holdBulkRunForReview: bulk.holdForReview,
    /** Daily (alarm), and whenever the bulk run is read. */
    expireData,
    /** At every start and when the policy changes: each feature follows what it now sets. */
    async followPolicy() {
      const followed = await Promise.allSettled([
        followDeskAddresses(deps.deskAddressAccess),
        bulk.followPolicy(),
        expireData(),
      ]);
      const failed = followed.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}
