/** Filtering and exporting the audit log: pure functions the audit page uses. */
import { toCsv } from '../platform/csv';
import { ROUTE_LABELS } from '../removal/routes';
import type { AuditEntry } from './stored';

export interface AuditFilter {
  /** Matches the user's ID, email or name. */
  user?: string;
  /** Matches a badge's ID or name. */
  badge?: string;
  /** Inclusive day bounds, `YYYY-MM-DD` in local time. */
  from?: string;
  to?: string;
}

const dayStart = (day: string) => new Date(`${day}T00:00:00`).getTime();

export function filterAudit(entries: readonly AuditEntry[], filter: AuditFilter): AuditEntry[] {
  const user = filter.user?.trim().toLowerCase();
  const badge = filter.badge?.trim().toLowerCase();
  const from = filter.from ? dayStart(filter.from) : -Infinity;
  const to = filter.to ? dayStart(filter.to) + 86_400_000 : Infinity;
  return entries.filter(
    (e) =>
      e.finishedAt >= from &&
      e.finishedAt < to &&
      (!user || [e.userId, e.userEmail, e.userName].some((v) => v?.toLowerCase().includes(user))) &&
      (!badge || e.results.some((r) => r.badgeId === badge || r.name.toLowerCase().includes(badge))),
  );
}

/** One row per badge, so a spreadsheet can filter and count. */
export function auditToCsv(entries: readonly AuditEntry[]): string {
  const header = [
    'time',
    'action',
    'audit_id',
    'undo_of',
    'org_id',
    'help_center_id',
    'help_center',
    'user_id',
    'user_email',
    'user_name',
    'route',
    'badge_id',
    'badge_name',
    'result',
    'reason',
    'error_code',
    'verified',
  ];
  const rows = entries.flatMap((e) =>
    e.results.map((r) => [
      new Date(e.finishedAt).toISOString(),
      e.kind,
      e.auditId,
      e.undoOf,
      e.orgId,
      e.helpCenterId,
      e.helpCenterName,
      e.userId,
      e.userEmail,
      e.userName,
      e.route ? ROUTE_LABELS[e.route] : '',
      r.badgeId,
      r.name,
      r.outcome.status,
      r.outcome.status === 'failed' ? r.outcome.message : r.outcome.status === 'skipped' ? r.outcome.reason : '',
      r.outcome.status === 'failed' ? r.outcome.errorCode : '',
      e.verified ? 'yes' : 'no',
    ]),
  );
  return toCsv([header, ...rows]);
}

/** Badges an undo of this entry would re-award (if still absent): the ones it removed. */
export const undoableBadges = (entry: AuditEntry) =>
  entry.kind === 'remove' && !entry.undoneBy?.length ? entry.results.filter((r) => r.outcome.status === 'removed') : [];
