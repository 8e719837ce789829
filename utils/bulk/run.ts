/**
 * Bulk removal: a queue of users, each losing a chosen set of badges. The whole run is one persisted
 * record, saved as it changes, and each user is saved as in flight before anything is sent for them,
 * so a stopped service worker or a restarted browser resumes where it was, reading again whoever was
 * cut off. Every item ends removed, failed (with its reason) or skipped (with its reason).
 */

import { DAY_MS } from '../audit/audit';
import { BULK_CONCURRENCY } from '../connection/stored';
import { createBatchedUpdater } from '../platform/batched-update';
import { connectionEnded, type ZohoError } from '../platform/errors';
import { sleep } from '../platform/sleep';
import { DESK_OPERATIONS } from '../platform/zoho/desk-api';
import { creditsSpent } from '../platform/zoho/desk-client';
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

/** From `X-Rate-Limit-Remaining-v3` (and the call's weight): the day's credits before the run's first call, and now. */
export interface BulkCredits {
  before: number;
  left: number;
}

/**
 * The run's credits after one more reply. Replies arrive out of order, so the lowest count is the latest; a count
 * above the start means the day's allowance was renewed, and what was spent before carries over.
 */
export function noteCredits(credits: BulkCredits | undefined, remaining: number, weight = 0): BulkCredits {
  if (!credits) return { before: remaining + weight, left: remaining };
  if (remaining + weight > credits.before)
    return { before: remaining + weight + spentCredits(credits), left: remaining };
  return { before: credits.before, left: Math.min(credits.left, remaining) };
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
      : { ...item, state: 'failed', reason: 'Stopped while its removal was under way; the result was not read back.' };
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
      item.state === 'pending' ? { ...item, state: 'skipped', reason: 'Cancelled before it ran.' } : item,
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
        .map((r) => `${r.name}: ${r.outcome.status === 'failed' ? r.outcome.message : 'still present after removal'}`)
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
      reason: reasons.size === 1 && only ? only : 'The user holds none of these badges.',
    };
  }
  return { ...base, state: 'removed' };
}

export interface BulkRunnerDeps {
  load(): Promise<BulkRun | null>;
  save(run: BulkRun): Promise<void>;
  /**
   * `marked` settles once the user is saved as in flight: nothing that changes Zoho goes out before. `onCredits`
   * takes what each reply says of the day's credits.
   */
  removeOne(
    run: BulkRun,
    item: BulkItem,
    marked: () => Promise<void>,
    onCredits: (remaining: number, weight: number | undefined) => void,
  ): Promise<RemovalReport>;
  /** Saves the users whose removal may be under way (see recoverRun). */
  saveInFlight(run: BulkRun, userIds: string[]): Promise<void>;
  /** Records the removal in the audit log. */
  record(run: BulkRun, item: BulkItem, report: RemovalReport): Promise<void>;
  /** The calls in flight the Desk client now allows, lowered by Zoho's TOO_MANY_REQUESTS (undefined: no lower). */
  ceiling?(): number | undefined;
  /**
   * Users worked at once per allowed call (default 1). Above 1 only where the calls themselves are limited to
   * `run.concurrency` (the Desk client's limiter): while one user is between calls, another's call keeps the
   * slot busy.
   */
  usersPerCallSlot?: number;
  now(): number;
  sleep?(ms: number): Promise<void>;
}

/**
 * Works the queue with `run.concurrency` workers (times `usersPerCallSlot`) until it is empty, paused or cancelled.
 * The run is re-read (from memory) before each item, so a pause or cancel from the page takes
 * effect at once. Its saves follow behind; what a restart needs is the in-flight mark, stored
 * before each removal is sent.
 */
export async function workBulkRun(deps: BulkRunnerDeps): Promise<BulkRun | null> {
  let run = await deps.load();
  if (run?.status !== 'running') return run;
  const settling = (run.settlesAt ?? 0) - deps.now();
  if (settling > 0) {
    await (deps.sleep ?? sleep)(settling);
    // A pause or cancel from the page while it waited.
    run = await deps.load();
    if (run?.status !== 'running') return run;
  }
  // Changes from every worker are applied to the latest saved run (a pause or cancel from the page
  // shows there) and saved together.
  const write = createBatchedUpdater(
    async () => (await deps.load()) ?? run!,
    async (next) => {
      run = next;
      await deps.save(next);
    },
  );
  const update = (change: (r: BulkRun) => BulkRun) => write(change);

  // Saves and audit records are not waited for between users (each user's own order is kept, and
  // all are waited for before the run ends); only the running mark must be stored before a removal.
  const pending = new Set<Promise<void>>();
  const track = (saving: Promise<void>) => {
    pending.add(saving);
    saving.then(
      () => pending.delete(saving),
      () => {},
    );
  };

  const workers = Math.min(run.concurrency, BULK_CONCURRENCY.max) * Math.max(1, Math.floor(deps.usersPerCallSlot ?? 1));
  // Counted, not a set: a retried user can be taken again before its earlier result is saved.
  const inFlight = new Map<string, number>();
  /** Users in a stored (or storing) in-flight mark, with that write. */
  const covered = new Map<string, Promise<void>>();
  // A mark covers the users under way and the next ones in the queue, so most users find theirs stored already
  // instead of waiting for a write of their own (the wait that kept call slots idle). A user marked ahead is only
  // read first should the worker stop: one read more, never a removal sent twice.
  const markInFlight = (userId: string) => {
    inFlight.set(userId, (inFlight.get(userId) ?? 0) + 1);
    const stored = covered.get(userId);
    if (stored) return stored;
    // Every write keeps whom the ones before covered: a user may start on the strength of any of them.
    const ids = [...new Set([...covered.keys(), userId, ...upcoming(run!.items, workers)])];
    const saving = deps.saveInFlight(run!, ids);
    for (const id of ids) if (!covered.has(id)) covered.set(id, saving);
    return saving;
  };
  /** Its result is saved: a later mark leaves the user out (a stale mark only costs a read after a stop). */
  const unmark = (userId: string) => {
    const count = (inFlight.get(userId) ?? 0) - 1;
    if (count > 0) {
      inFlight.set(userId, count);
      return;
    }
    inFlight.delete(userId);
    covered.delete(userId);
  };

  const takeNext = async (): Promise<{ item: BulkItem; marked: Promise<void> } | null> => {
    let taken: BulkItem | null = null;
    let applied!: () => void;
    const picked = new Promise<void>((done) => {
      applied = done;
    });
    const updating = update((r) => {
      applied();
      if (r.status !== 'running') return r;
      const index = nextPending(r.items);
      if (index < 0) return r;
      taken = { ...r.items[index]!, state: 'running' };
      const items = r.items.slice();
      items[index] = taken;
      return { ...r, items };
    });
    track(updating);
    await Promise.race([picked, updating]);
    if (!taken) return null;
    const marked = markInFlight((taken as BulkItem).userId);
    track(marked);
    return { item: taken, marked };
  };

  // Counted here as replies arrive, and stored with the next change to the run: a write of its own per reply
  // would cost the run as much as the calls themselves.
  let credits = run.credits;
  const onCredits = (remaining: number, weight: number | undefined) => {
    credits = noteCredits(credits, remaining, weight);
  };
  /** What Zoho's replies taught since the last change: the credits, and a lower concurrency it asked for. */
  const withReplies = (r: BulkRun): BulkRun => {
    let next = credits && r.credits !== credits ? { ...r, credits } : r;
    const ceiling = deps.ceiling?.();
    if (ceiling !== undefined && ceiling < next.concurrency) next = { ...next, concurrency: ceiling };
    return next;
  };

  const replace = (userId: string, next: (i: BulkItem) => BulkItem) =>
    update((r) => withReplies({ ...r, items: r.items.map((i) => (i.userId === userId ? next(i) : i)) }));

  const worker = async () => {
    for (let next = await takeNext(); next; next = await takeNext()) {
      const { item: current, marked } = next;
      // The user stays marked in flight until its result (or its return to the queue) is saved.
      const settle = (next: (i: BulkItem) => BulkItem) => {
        const saving = replace(current.userId, next);
        track(saving.then(() => unmark(current.userId)));
        return saving;
      };
      try {
        const report = creditInterrupted(current, await deps.removeOne(run!, current, () => marked, onCredits));
        const ended = report.results.map((r) => r.outcome).find((o) => o.status === 'failed' && o.awaitsConnection);
        if (ended?.status === 'failed') {
          // The connection ended mid-run: this user goes back to the queue (read first, should anything have
          // changed), and the run waits for the admin to reconnect.
          const removedAny = report.results.some(
            (r) => r.outcome.status === 'removed' || (r.outcome.status === 'failed' && r.outcome.mayHaveLanded),
          );
          // On record only what was verified removed; the rest is settled by the next try.
          if (report.results.some((r) => r.outcome.status === 'removed')) track(deps.record(run!, current, report));
          await settle((i) => ({ ...i, state: 'pending', interrupted: i.interrupted || removedAny || undefined }));
          // Several users meet the ended connection at once: the first reason stays.
          await update((r) => ({
            ...r,
            status: 'paused',
            pauseReason: r.status === 'paused' && r.pauseReason ? r.pauseReason : ended.message,
            pausedFor: 'connection',
          }));
          return;
        }
        track(deps.record(run!, current, report));
        settle((i) => {
          const settled = settleItem(i, report);
          const attempts = (i.attempts ?? 0) + 1;
          // Reading first makes another try safe: badges already gone are not sent again.
          const passing = settled.results?.every((r) => r.outcome.status !== 'failed' || r.outcome.retryable);
          return settled.state === 'failed' && passing && attempts < MAX_ATTEMPTS
            ? {
                ...i,
                state: 'pending',
                attempts,
                // Read again before the next try, and a badge found gone then is this run's removal.
                interrupted:
                  i.interrupted ||
                  settled.results?.some(
                    (r) => r.outcome.status === 'removed' || (r.outcome.status === 'failed' && r.outcome.mayHaveLanded),
                  ),
              }
            : { ...settled, attempts };
        });
      } catch (error) {
        const zoho = error as Partial<ZohoError>;
        const credits = zoho.kind === 'rate-limited' && creditsSpent(zoho);
        if (credits || connectionEnded(zoho.kind)) {
          // Daily credits are gone, or the connection is: pause with the reason; this user goes back to the queue.
          await settle((i) => ({ ...i, state: 'pending' }));
          const resumesAt =
            credits && zoho.retryAfterSeconds !== undefined ? deps.now() + zoho.retryAfterSeconds * 1000 : undefined;
          await update((r) => ({
            ...r,
            status: 'paused',
            pauseReason: zoho.message,
            pausedFor: credits ? 'credits' : 'connection',
            ...(resumesAt !== undefined ? { resumesAt } : {}),
          }));
          return;
        }
        settle((i) => ({
          ...i,
          state: 'failed',
          interrupted: undefined,
          reason: zoho.message ?? String(error),
        }));
      }
    }
  };

  await Promise.all(Array.from({ length: workers }, worker));
  await Promise.all(pending);
  // Nothing is under way any more (done, paused or cancelled).
  await deps.saveInFlight(run, []);
  await update((r) =>
    withReplies(
      r.status === 'running' && countItems(r).remaining === 0 ? { ...r, status: 'done', finishedAt: deps.now() } : r,
    ),
  );
  return run;
}
