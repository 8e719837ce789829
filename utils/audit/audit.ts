/** The local audit log of removals: what was asked, over which route, and how each badge ended. */
import { createBatchedUpdater } from '../platform/batched-update';
import { t } from '../platform/i18n';
import { policyValues, setByOrganization } from '../policy/policy';
import { auditStore } from './audit-store';
import { type AuditEntry, auditRetentionDaysItem } from './stored';

/** The newest entries kept; older ones drop off so local storage stays small. */
export const AUDIT_LOG_CAP = 5000;

export const DAY_MS = 86_400_000;

/** How long entries are kept: the organization's policy, else the admin's choice. */
export async function auditRetentionDays(): Promise<number> {
  return (await policyValues()).auditRetentionDays ?? (await auditRetentionDaysItem.getValue());
}

/** Every change to the log goes through one batched writer: removals finishing together all land, in one write. */
let hurryBatch = false;
/** A removal's report waits to be sent: the batch's write starts after it. */
let afterReplyBatch = false;
const writeLog = createBatchedUpdater(
  async () => ({ log: await auditStore.read(), days: await auditRetentionDays() }),
  ({ log }) => {
    const saved = auditStore.save(log, { nextTask: afterReplyBatch });
    // Only once the change is in the store: hurrying earlier would speed up the write before it.
    if (hurryBatch) auditStore.hurry();
    hurryBatch = false;
    afterReplyBatch = false;
    return saved;
  },
);

/** `atOnce`: someone waits on this change, so its write skips the gap that paces a bulk run's entries. */
function updateLog(
  change: (log: AuditEntry[], retentionDays: number) => AuditEntry[],
  atOnce = true,
  applied?: () => void,
): Promise<void> {
  return writeLog((state) => {
    if (atOnce) hurryBatch = true;
    if (applied) afterReplyBatch = true;
    return { ...state, log: change(state.log, state.days) };
  }, applied);
}

/** Entries within the retention period, newest kept up to the cap. */
function retained(log: AuditEntry[], retentionDays: number, now: number): AuditEntry[] {
  const oldest = now - retentionDays * DAY_MS;
  return log.filter((e) => e.finishedAt >= oldest).slice(-AUDIT_LOG_CAP);
}

/**
 * Appends one entry, dropping what the retention period no longer covers. Resolves once it is stored; with
 * `inLog`, as soon as it is in the log the worker keeps (every reader of the log sees it from then on), its write
 * starting on the worker's next task, after the reply that waited for this: a write that fails then is said in the
 * console, and its chunk goes again with the log's next write.
 */
export function recordRemoval(entry: AuditEntry, { atOnce = true, inLog = false } = {}): Promise<void> {
  const change = (log: AuditEntry[], days: number) => retained([...log, entry], days, entry.finishedAt);
  if (!inLog) return updateLog(change, atOnce);
  return new Promise<void>((done, fail) => {
    updateLog(change, atOnce, done).catch((error: unknown) => {
      fail(error);
      console.warn('Badge Remover could not store the audit log; it is tried again with its next change:', error);
    });
  });
}

/** Notes on a removal that an undo reversed it. */
export function markUndone(auditId: string, undoId: string): Promise<void> {
  return updateLog((log) =>
    log.map((e) => (e.auditId === auditId ? { ...e, undoneBy: [...(e.undoneBy ?? []), undoId] } : e)),
  );
}

/** A new retention period applies at once. */
export async function setAuditRetention(days: number, now: number): Promise<void> {
  if ((await policyValues()).auditRetentionDays !== undefined) throw setByOrganization(t('worker_audit_retention'));
  await auditRetentionDaysItem.setValue(days);
  await updateLog((log) => retained(log, days, now));
}

/** Drops what the retention period no longer covers; writes only when something expired. */
export async function applyAuditRetention(now: number): Promise<void> {
  const [log, days] = await Promise.all([auditStore.read(), auditRetentionDays()]);
  if (retained(log, days, now).length === log.length) return;
  await updateLog((current, d) => retained(current, d, now));
}

/** The log as the retention period allows it at `now` (expired entries are dropped first). */
export async function readAuditLog(now: number): Promise<AuditEntry[]> {
  await applyAuditRetention(now);
  return auditStore.read();
}

/** Deletes the whole log (Disconnect, when the admin asks). */
export function clearAuditLog(): Promise<void> {
  return updateLog(() => []);
}
