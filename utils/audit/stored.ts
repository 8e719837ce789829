/** The audit log's entries (kept in chunks by utils/audit/audit-store.ts) and how long they are kept. */
import { storage } from 'wxt/utils/storage';
import { remembered } from '../platform/remembered-item';
import type { RemovalReport } from '../removal/report';

export interface AuditEntry extends RemovalReport {
  kind: 'remove' | 'undo';
  /** For an undo: the removal it reverses. */
  undoOf?: string;
  /** For a removal: the undo entries that reversed it. */
  undoneBy?: string[];
  /** The bulk run it was part of. */
  bulkRunId?: string;
  userEmail?: string;
  userName?: string;
  helpCenterName?: string;
}

/** How long audit entries are kept, in days. */
export const auditRetentionDaysItem = /* @__PURE__ */ remembered(
  storage.defineItem<number>('local:auditRetentionDays', { fallback: 180 }),
);
