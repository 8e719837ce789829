/**
 * The service worker's handlers, gathered from the features, and the few ways the features meet: a change
 * of connection reaches the bulk run and the lookups, and every removal is recorded in the audit log.
 * The background entrypoint only builds the dependencies and registers `dispatch`.
 */
import { clearAuditLog, recordRemoval } from './audit/audit';
import { type AuditDeps, auditHandlers } from './audit/handlers';
import { type BulkDeps, bulkFeature } from './bulk/handlers';
import { type ConnectionDeps, connectionHandlers } from './connection/handlers';
import { contactHandlers, forgetContacts } from './contact/handlers';
import { pageHandlers } from './page/handlers';
import type { Handlers } from './platform/dispatch';
import { type RemovalServiceDeps, removalFeature } from './removal/handlers';
import type { Requests } from './requests';
import { forgetSearches, searchHandlers } from './search/handlers';

export type ServiceDeps = ConnectionDeps & RemovalServiceDeps & BulkDeps & AuditDeps;

export function createHandlers(deps: ServiceDeps): Handlers<Requests> & {
  resumeBulk(): Promise<unknown>;
  expireData(): Promise<void>;
  holdBulkRunForReview(): Promise<void>;
} {
  const removal = removalFeature(deps, (report, context) => recordRemoval({ ...report, kind: 'remove', ...context }));
  const bulk = bulkFeature(deps);
  const connection = connectionHandlers(deps, {
    orgChosen: bulk.orgChosen,
    async disconnected(forget) {
      await removal.disconnected();
      await bulk.disconnected(forget.bulkRuns);
      await Promise.all([forgetContacts(), forgetSearches(forget.lookups)]);
      if (forget.auditLog) await clearAuditLog();
    },
  });
  return {
    ...connection,
    ...removal.handlers,
    ...contactHandlers(deps),
    ...searchHandlers(deps),
    ...bulk.handlers,
    ...auditHandlers(deps),
    ...pageHandlers(),
    resumeBulk: bulk.resume,
    holdBulkRunForReview: bulk.holdForReview,
    expireData: bulk.expireData,
  };
}
