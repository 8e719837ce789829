/**
 * The bulk run's worker loop: works the queue until it is empty, paused or cancelled, saving each user as in
 * flight before anything is sent for them. The run as data, and its pure functions: ./run-state.ts.
 */

import { createBatchedUpdater } from '../platform/batched-update';
import { connectionEnded, type ZohoError } from '../platform/errors';
import { sleep } from '../platform/sleep';
import type { CreditCount } from '../platform/zoho/desk-client';
import { creditsSpent } from '../platform/zoho/desk-errors';
import type { RemovalReport } from '../removal/report';
import {
  afterAttempt,
  type BulkItem,
  type BulkRun,
  countItems,
  creditInterrupted,
  nextPending,
  noteCredits,
  requeueInterrupted,
  upcoming,
} from './run-state';
import { BULK_CONCURRENCY } from './settings';

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
    onCredits: (count: CreditCount) => void,
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
 * The users saved as in flight. A mark covers the users under way and the next ones in the queue, so most users find
 * theirs stored already instead of waiting for a write of their own (the wait that kept call slots idle). A user
 * marked ahead is only read first should the worker stop: one read more, never a removal sent twice.
 */
function inFlightMarks(deps: Pick<BulkRunnerDeps, 'saveInFlight'>, current: () => BulkRun, workers: number) {
  // Counted, not a set: a retried user can be taken again before its earlier result is saved.
  const inFlight = new Map<string, number>();
  /** Users in a stored (or storing) in-flight mark, with that write. */
  const covered = new Map<string, Promise<void>>();
  const markInFlight = (userId: string) => {
    inFlight.set(userId, (inFlight.get(userId) ?? 0) + 1);
    const stored = covered.get(userId);
    if (stored) return stored;
    // Every write keeps whom the ones before covered: a user may start on the strength of any of them.
    const ids = [...new Set([...covered.keys(), userId, ...upcoming(current().items, workers)])];
    const saving = deps.saveInFlight(current(), ids);
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
  return { markInFlight, unmark };
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
  const { markInFlight, unmark } = inFlightMarks(deps, () => run!, workers);

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
  const onCredits = (count: CreditCount) => {
    credits = noteCredits(credits, count);
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
          // The connection ended mid-run: this user goes back to the queue, and the run waits for the admin to
          // reconnect. On record only what was verified removed; the rest is settled by the next try.
          if (report.results.some((r) => r.outcome.status === 'removed')) track(deps.record(run!, current, report));
          await settle((i) => requeueInterrupted(i, report));
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
        settle((i) => afterAttempt(i, report));
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
