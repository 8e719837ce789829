/** The audit log: reading it, its retention, and undoing one removal. */
import { requireOrg } from '../connection/current-org';
import type { Handlers } from '../platform/dispatch';
import { ZohoError } from '../platform/errors';
import { t } from '../platform/i18n';
import { auditRetentionDays, readAuditLog, setAuditRetention } from './audit';
import { auditStore } from './audit-store';
import type { AuditLogView, auditRequests } from './requests';
import type { UndoEntry } from './undo';

export interface AuditDeps {
  now: () => number;
  /** Bytes the given keys take in local storage, where the browser can tell (for the audit log's size). */
  storageBytes?: (keys: string[]) => Promise<number | undefined>;
}

/** `undo`: built once in utils/handlers.ts, shared with the bulk run's undo. */
export function auditHandlers(deps: AuditDeps, undo: UndoEntry): Handlers<typeof auditRequests> {
  const auditView = async (): Promise<AuditLogView> => ({
    entries: await readAuditLog(deps.now()),
    retentionDays: await auditRetentionDays(),
    ...(deps.storageBytes ? { bytesInUse: await deps.storageBytes(await auditStore.keys()) } : {}),
  });
  return {
    getAuditLog: () => auditView(),

    async undoRemoval({ auditId }) {
      const orgId = await requireOrg();
      const entry = (await readAuditLog(deps.now())).find((e) => e.auditId === auditId);
      if (!entry) throw new ZohoError({ kind: 'invalid-request', message: t('worker_audit_entry_gone') });
      return undo(orgId, entry);
    },

    async setAuditRetention({ days }) {
      await setAuditRetention(days, deps.now());
      return auditView();
    },
  };
}
