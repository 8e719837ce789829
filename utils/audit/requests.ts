import * as z from 'zod/mini';
import { PAGES_ONLY, replies } from '../platform/dispatch';
import { t } from '../platform/i18n';
import type { RemovalReport } from '../removal/report';
import type { AuditEntry } from './stored';

export interface AuditLogView {
  entries: AuditEntry[];
  retentionDays: number;
  /** Bytes the log takes in local storage, where the browser can say. */
  bytesInUse?: number;
}

export const auditRequests = {
  getAuditLog: { from: PAGES_ONLY, input: z.object({}), reply: replies<AuditLogView>() },
  undoRemoval: {
    from: PAGES_ONLY,
    input: z.object({ auditId: z.string().check(z.minLength(1), z.maxLength(100)) }),
    reply: replies<RemovalReport>(),
  },
  setAuditRetention: {
    from: PAGES_ONLY,
    input: z.object({
      days: z.number().check(z.int(), z.minimum(1, { error: () => t('worker_request_keep_a_day') }), z.maximum(3650)),
    }),
    reply: replies<AuditLogView>(),
  },
} as const;
