/** The audit log's entries (kept in chunks by utils/audit/audit-store.ts) and how long they are kept. */
import * as z from 'zod/mini';
import { remembered } from '../platform/remembered-item';
import { trustedItem } from '../platform/trusted-storage';
import { type RemovalReport, removalReportFields } from '../removal/report';

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

/** A stored entry, checked when read back. */
export const auditEntrySchema: z.ZodMiniType<AuditEntry> = z.object({
  ...removalReportFields,
  kind: z.enum(['remove', 'undo']),
  undoOf: z.optional(z.string().check(z.maxLength(100))),
  undoneBy: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(100))),
  bulkRunId: z.optional(z.string().check(z.maxLength(100))),
  userEmail: z.optional(z.string().check(z.maxLength(320))),
  userName: z.optional(z.string().check(z.maxLength(500))),
  helpCenterName: z.optional(z.string().check(z.maxLength(500))),
});

/** How long audit entries are kept, in days. */
export const auditRetentionDaysItem = /* @__PURE__ */ remembered(
  trustedItem<number>('auditRetentionDays', {
    fallback: 180,
    schema: z.number().check(z.int(), z.minimum(1), z.maximum(3650)),
  }),
);
