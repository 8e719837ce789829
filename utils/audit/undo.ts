/**
 * Undo of a recorded removal: re-award only what this extension removed (verified) and what is still
 * absent now, never more; verify by reading back; record the undo as its own audit entry.
 */

import { ZohoError } from '../platform/errors';
import { t } from '../platform/i18n';
import { associateBadgesToUsers, getUserBadges } from '../platform/zoho/desk-api';
import type { DeskClient } from '../platform/zoho/desk-client';
import type { BadgeOutcome, BadgeResult, RemovalReport } from '../removal/report';
import { markUndone, recordRemoval } from './audit';
import type { AuditEntry } from './stored';

/** What an undo needs besides the organization; read at each call (tests move the clock as they go). */
export interface UndoDeps {
  client: DeskClient;
  now: () => number;
  newId: () => string;
}

/** Undoes one recorded removal in that organization: the audit page's undo and a bulk run's undo alike. */
export type UndoEntry = (orgId: string, entry: AuditEntry) => Promise<RemovalReport>;

export const entryUndo =
  (deps: UndoDeps): UndoEntry =>
  (orgId, entry) =>
    undoRemoval({ client: deps.client, orgId, now: deps.now, newId: deps.newId }, entry);

/** Undos under way in this worker: a second undo of the same entry, sent while the first works, is refused. */
const undoing = new Set<string>();

export async function undoRemoval(
  deps: { client: DeskClient; orgId: string; now: () => number; newId: () => string },
  entry: AuditEntry,
): Promise<RemovalReport> {
  if (entry.kind !== 'remove')
    throw new ZohoError({ kind: 'invalid-request', message: t('worker_undo_only_removals') });
  // Once: a second undo would re-award what someone removed again since.
  if (entry.undoneBy?.length || undoing.has(entry.auditId)) {
    throw new ZohoError({
      kind: 'invalid-request',
      message: t('worker_undo_done_already'),
      action: t('worker_undo_done_already_action'),
    });
  }
  undoing.add(entry.auditId);
  try {
    return await undoOnce(deps, entry);
  } finally {
    undoing.delete(entry.auditId);
  }
}

async function undoOnce(
  deps: { client: DeskClient; orgId: string; now: () => number; newId: () => string },
  entry: AuditEntry,
): Promise<RemovalReport> {
  if (entry.orgId !== deps.orgId) {
    throw new ZohoError({
      kind: 'invalid-request',
      message: t('worker_undo_other_org'),
      action: t('worker_undo_other_org_action'),
    });
  }
  const startedAt = deps.now();
  const removed = entry.results.filter((r) => r.outcome.status === 'removed');
  const held = new Set((await getUserBadges(deps.client, entry.userId)).map((b) => b.id));
  const settled = new Map<string, BadgeOutcome>();
  for (const r of entry.results) {
    if (r.outcome.status !== 'removed')
      settled.set(r.badgeId, { status: 'skipped', reason: t('worker_undo_not_removed') });
    else if (held.has(r.badgeId)) settled.set(r.badgeId, { status: 'skipped', reason: t('worker_undo_held_again') });
  }
  const toAward = removed.filter((r) => !settled.has(r.badgeId)).map((r) => r.badgeId);
  const notes: string[] = [];
  let verified = true;

  if (toAward.length) {
    const refused = new Map<string, BadgeOutcome>();
    let callError: ZohoError | null = null;
    try {
      for (const r of await associateBadgesToUsers(deps.client, entry.userId, toAward)) {
        if (!r.success) {
          const code = r.errors?.errorCode;
          refused.set(r.id, {
            status: 'failed',
            ...(code ? { errorCode: code } : {}),
            message: t('worker_undo_refused', [code ?? t('worker_removal_no_error_code')]),
          });
        }
      }
    } catch (error) {
      callError = error instanceof ZohoError ? error : new ZohoError({ kind: 'server', message: String(error) });
      if (callError.kind === 'network') notes.push(t('worker_undo_connection_dropped'));
    }
    let after: Set<string> | null = null;
    try {
      after = new Set((await getUserBadges(deps.client, entry.userId)).map((b) => b.id));
    } catch (error) {
      verified = false;
      notes.push(t('worker_removal_check_failed', [error instanceof Error ? error.message : String(error)]));
    }
    for (const id of toAward) {
      if (after?.has(id)) settled.set(id, { status: 'restored' });
      else if (callError && callError.kind !== 'network') {
        settled.set(id, {
          status: 'failed',
          ...(callError.errorCode ? { errorCode: callError.errorCode } : {}),
          message: callError.message,
        });
      } else if (refused.has(id)) settled.set(id, refused.get(id)!);
      else if (after) settled.set(id, { status: 'still-absent' });
      else settled.set(id, { status: 'failed', message: t('worker_undo_unverified') });
    }
  }

  const results: BadgeResult[] = entry.results.map((r) => ({
    badgeId: r.badgeId,
    name: r.name,
    outcome: settled.get(r.badgeId)!,
  }));
  const report: RemovalReport = {
    auditId: deps.newId(),
    orgId: entry.orgId,
    ...(entry.helpCenterId ? { helpCenterId: entry.helpCenterId } : {}),
    userId: entry.userId,
    route: null,
    results,
    verified,
    notes,
    startedAt,
    finishedAt: deps.now(),
  };
  await recordRemoval({
    ...report,
    kind: 'undo',
    undoOf: entry.auditId,
    ...(entry.userEmail ? { userEmail: entry.userEmail } : {}),
    ...(entry.userName ? { userName: entry.userName } : {}),
    ...(entry.helpCenterName ? { helpCenterName: entry.helpCenterName } : {}),
  });
  await markUndone(entry.auditId, report.auditId);
  return report;
}
