/** The local audit log of removals: what was asked, over which route, and how each badge ended. */
import { type AuditEntry, auditLogItem } from '../storage';
import { type RemovalDeps, type RemovalRequest, removeBadges } from './remove';
import type { RemovalReport } from './report';

/** The newest entries kept; older ones drop off so local storage stays small. */
export const AUDIT_LOG_CAP = 5000;

let writing: Promise<unknown> = Promise.resolve();

/** Appends one entry. Writes are queued so two removals finishing together both land. */
export function recordRemoval(entry: AuditEntry): Promise<void> {
  const write = writing.then(async () => {
    const log = await auditLogItem.getValue();
    await auditLogItem.setValue([...log, entry].slice(-AUDIT_LOG_CAP));
  });
  writing = write.catch(() => {});
  return write;
}

export function readAuditLog(): Promise<AuditEntry[]> {
  return auditLogItem.getValue();
}

export interface RemovalContext {
  userName?: string;
  userEmail?: string;
  helpCenterName?: string;
}

/** Removes, then records the report: every removal the service worker makes goes through here. */
export async function removeBadgesAndRecord(
  deps: RemovalDeps,
  req: RemovalRequest,
  context: RemovalContext = {},
): Promise<RemovalReport> {
  const report = await removeBadges(deps, req);
  await recordRemoval({ ...report, kind: 'remove', ...context });
  return report;
}
