/**
 * Bulk removal: a queue of users, each losing a chosen set of badges. The whole run is one persisted
 * record, saved as it changes, and each user is saved as in flight before anything is sent for them,
 * so a stopped service worker or a restarted browser resumes where it was, reading again whoever was
 * cut off. Every item ends removed, failed (with its reason) or skipped (with its reason).
 *
 * This file: the run as data, and pure functions of it. The worker loop that works it is ./run.ts.
 */

import { DAY_MS } from '../audit/audit';
import { t } from '../platform/i18n';
import { DESK_OPERATIONS } from '../platform/zoho/desk-api';
import type { CreditCount } from '../platform/zoho/desk-client';
import type { BadgeResult, RemovalReport } from '../removal/report';
import type { BulkItemInput } from './item-input';

export type BulkItemState = 'pending' | 'running' | 'removed' | 'failed' | 'skipped';

/** One user of the run: as the bulk page sent it, and how it went. */
export type BulkItem = BulkItemInput & {
  state: BulkItemState;
  reason?: string;
  results?: BadgeResult[];
  auditId?: string;
  /** It was running when the worker stopped: its removal may have gone through already. */
  interrupted?: boolean;
  /** Tries so far; a passing fault earns one more. */
  attempts?: number;
};

/** Tries per user when the failure was a passing fault (5xx, rate limit, dropped connection). */
export const MAX_ATTEMPTS = 3;

/** How long a run cut off mid-call waits after the restart, so the calls sent before the stop have landed. */
export const INTERRUPTED_SETTLE_MS = 5_000;

export type BulkRunStatus = 'running' | 'paused' | 'cancelled' | 'done';

export interface BulkRun {
  id: string;
  orgId: string;
  helpCenterId?: string;
  createdAt: number;
  /** When the dry run read the badges. */
  plannedAt?: number;
  status: BulkRunStatus;
  pauseReason?: string;
  /**
   * 'connection': paused because the connection ended; it resumes by itself once the admin reconnects. 'credits':
   * the organization's credits for the day are spent; it resumes by itself at `resumesAt`, when Zoho said they return.
   */
  pausedFor?: 'connection' | 'credits';
  resumesAt?: number;
  /** Users worked at once; lowered for the rest of the run each time Zoho answers too many calls at once. */
  concurrency: number;
  items: BulkItem[];
  finishedAt?: number;
  /** The organization's credits as Zoho's replies to this run's calls counted them (absent if Zoho sent none). */
  credits?: BulkCredits;
  /**
   * Cut off mid-call by a stop: nothing is sent before this. The calls of the worker's earlier life may still be in
   * flight at Zoho, landing and holding the organization's concurrency slots; a call sent into them would be refused
   * as too many at once and sent again, and a read sent before them lands could miss a removal.
   */
  settlesAt?: number;
}

/**
 * From `X-Rate-Limit-Remaining-v3` (and the call's weight): the day's credits before the run's first call, and now.
 * `since`: when the first reply of the day's count came back (absent in runs stored before it was kept);
 * `renewed`: the count restarted with a renewal of the daily allowance during the run.
 */
export interface BulkCredits {
  before: number;
  left: number;
  since?: number;
  renewed?: true;
}

/**
 * The run's credits after one more reply. Replies arrive out of order, so the lowest count is the latest. A higher
 * count plus the call's weight than the start is one of two things: a call that left before the first reply came
 * back and was counted ahead of it (the start was higher), or, for a call that left after, a renewal of the day's
 * allowance, over which what was spent carries.
 */
export function noteCredits(credits: BulkCredits | undefined, count: CreditCount): BulkCredits {
  const start = count.remaining + (count.weight ?? 0);
  if (!credits) return { before: start, left: count.remaining, since: count.at };
  const earlier = count.sentAt < (credits.since ?? 0);
  // After a renewal, a call that left before its reply came may have been counted on either day.
  if (earlier && credits.renewed) return credits;
  const left = Math.min(credits.left, count.remaining);
  if (start <= credits.before) return { ...credits, left };
  if (earlier) return { ...credits, before: start, left };
  return { before: start + spentCredits(credits), left: count.remaining, since: count.at, renewed: true };
}

/** Credits the organization spent since the run's first call (other API use in the org during the run included). */
export function spentCredits(credits: BulkCredits): number {
  return credits.before - credits.left;
}

/** How long the dry run's reads stand in for a user's first read; older, the run reads first. */
export const SNAPSHOT_MAX_AGE_MS = 30 * 60_000;

/**
 * The dry run's snapshot of a user's badges, when it may stand in for the first read: the user is untouched (no
 * try yet, nothing interrupted, so no removal of ours can be on its way) and the dry run is recent. Otherwise
 * undefined: the removal reads first, so nothing is ever sent twice.
 */
export function dryRunSnapshot(run: BulkRun, item: BulkItem, now: number): { id: string; name: string }[] | undefined {
  if (!item.held || item.interrupted || (item.attempts ?? 0) > 0) return undefined;
  if (run.plannedAt === undefined || now - run.plannedAt >= SNAPSHOT_MAX_AGE_MS) return undefined;
  return item.held;
}
export const DEFAULT_CONCURRENCY = 5;
/**
 * What the run spends per untouched user, estimated: the removal and its read-back (a list); the dry run's read
 * stands in for a first read. A user read first again (cut off, or a stale dry run) costs one read more.
 */
export const CREDITS_PER_USER =
  DESK_OPERATIONS.dissociateBadgesFromUsers.credits + DESK_OPERATIONS.getUserBadges.credits;

export interface BulkCounts {
  removed: number;
  failed: number;
  skipped: number;
  remaining: number;
  total: number;
}

export function countItems(run: Pick<BulkRun, 'items'>): BulkCounts {
  const counts: BulkCounts = { removed: 0, failed: 0, skipped: 0, remaining: 0, total: run.items.length };
  for (const item of run.items) {
    if (item.state === 'pending' || item.state === 'running') counts.remaining++;
    else counts[item.state]++;
  }
  return counts;
}

/**
 * After a restart, items marked running were cut off. In a live run they go back to the queue, marked so their
 * result is read right, and the whole run waits a little before it sends anything (`settlesAt`): what was sent just
 * before the stop may still be on its way to Zoho. In an ended run nobody will read them again, so they fail, saying
 * so.
 */
export function recoverRun(run: BulkRun, now: number, inFlight: readonly string[] = []): BulkRun {
  const live = run.status === 'running' || run.status === 'paused';
  const cut = new Set(inFlight);
  let cutAny = false;
  const items = run.items.map((item): BulkItem => {
    // In flight but saved as pending: its running mark was not stored yet, its removal may have gone.
    const cutOff = item.state === 'running' || (item.state === 'pending' && cut.has(item.userId));
    if (!cutOff) return item;
    cutAny = true;
    return live
      ? { ...item, state: 'pending', interrupted: true }
      : { ...item, state: 'failed', reason: t('bulk_item_interrupted') };
  });
  return { ...run, items, ...(cutAny && live ? { settlesAt: now + INTERRUPTED_SETTLE_MS } : {}) };
}

/** The next item to work: the first pending one, or -1. */
export const nextPending = (items: readonly BulkItem[]): number => items.findIndex((i) => i.state === 'pending');

/** The user IDs of the next `count` pending items, in queue order. */
export function upcoming(items: readonly BulkItem[], count: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < items.length && ids.length < count; i++) {
    if (items[i]!.state === 'pending') ids.push(items[i]!.userId);
  }
  return ids;
}

/** Cancel: whatever has not started ends as skipped, with the reason. */
export function cancelRun(run: BulkRun, now: number): BulkRun {
  return {
    ...run,
    status: 'cancelled',
    finishedAt: now,
    items: run.items.map((item) =>
      item.state === 'pending' ? { ...item, state: 'skipped', reason: t('bulk_item_cancelled') } : item,
    ),
  };
}

/**
 * A run that ended longer ago than the retention period keeps its counts and IDs but no longer names
 * anyone: emails and names are dropped. A live run, or one within the period, is returned as it is.
 */
export function expireRun(run: BulkRun, now: number, retentionDays: number): BulkRun {
  const ended = run.status === 'done' || run.status === 'cancelled';
  if (!ended || run.finishedAt === undefined || now - run.finishedAt < retentionDays * DAY_MS) return run;
  if (!run.items.some((i) => i.email !== undefined || i.name !== undefined)) return run;
  return { ...run, items: run.items.map(({ email: _email, name: _name, ...item }) => item) };
}

/**
 * A badge that a cut-off earlier attempt took shows as "not held" on the fresh read: for an
 * interrupted item that is this run's removal, and the report (and so the audit log) says so.
 */
export function creditInterrupted(item: BulkItem, report: RemovalReport): RemovalReport {
  if (!item.interrupted) return report;
  return {
    ...report,
    results: report.results.map((r) => (r.outcome.status === 'skipped' ? { ...r, outcome: { status: 'removed' } } : r)),
  };
}

/** An item's end state from its removal report. */
export function settleItem(item: BulkItem, report: RemovalReport): BulkItem {
  const results = report.results;
  const removed = results.filter((r) => r.outcome.status === 'removed').length;
  const problems = results.filter((r) => r.outcome.status === 'failed' || r.outcome.status === 'still-present');
  const base = { ...item, results, auditId: report.auditId, interrupted: undefined };
  if (problems.length) {
    return {
      ...base,
      state: 'failed',
      reason: problems
        .map((r) =>
          t('bulk_item_badge_outcome', [
            r.name,
            r.outcome.status === 'failed' ? r.outcome.message : t('bulk_item_still_present'),
          ]),
        )
        .join('; '),
    };
  }
  if (removed === 0) {
    // Skipped alike (say, every badge already gone since the dry run): that reason says more than a general one.
    const reasons = new Set(report.results.map((r) => (r.outcome.status === 'skipped' ? r.outcome.reason : '')));
    const [only] = reasons;
    return {
      ...base,
      state: 'skipped',
      reason: reasons.size === 1 && only ? only : t('bulk_item_holds_none'),
    };
  }
  return { ...base, state: 'removed' };
}

/** Whether a removal may have taken a badge away: read again before the next try, and a badge gone then is ours. */
function mayHaveRemoved(results: readonly BadgeResult[] | undefined): boolean | undefined {
  return results?.some(
    (r) => r.outcome.status === 'removed' || (r.outcome.status === 'failed' && r.outcome.mayHaveLanded),
  );
}

/** The connection ended mid-removal: the user goes back to the queue, read first should anything have changed. */
export function requeueInterrupted(item: BulkItem, report: RemovalReport): BulkItem {
  return { ...item, state: 'pending', interrupted: item.interrupted || mayHaveRemoved(report.results) || undefined };
}

/** An item after one try: settled, or back in the queue when the failure was a passing one and tries are left. */
export function afterAttempt(item: BulkItem, report: RemovalReport): BulkItem {
  const settled = settleItem(item, report);
  const attempts = (item.attempts ?? 0) + 1;
  // Reading first makes another try safe: badges already gone are not sent again.
  const passing = settled.results?.every((r) => r.outcome.status !== 'failed' || r.outcome.retryable);
  return settled.state === 'failed' && passing && attempts < MAX_ATTEMPTS
    ? { ...item, state: 'pending', attempts, interrupted: item.interrupted || mayHaveRemoved(settled.results) }
    : { ...settled, attempts };
}
