/** A plain removal entry for audit log tests. */
import type { AuditEntry } from '../../../utils/audit/stored';

export const auditEntry = (id: string): AuditEntry => ({
  kind: 'remove',
  auditId: id,
  orgId: '600',
  userId: '42',
  route: 'users-dissociate',
  results: [],
  verified: true,
  notes: [],
  startedAt: 1,
  finishedAt: 2,
});
