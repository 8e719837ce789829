import { describe, expect, it } from 'vitest';
import { workBulkRun } from '../../../utils/bulk/run';
import {
  type BulkCredits,
  type BulkItem,
  type BulkRun,
  cancelRun,
  countItems,
  dryRunSnapshot,
  INTERRUPTED_SETTLE_MS,
  nextPending,
  noteCredits,
  recoverRun,
  spentCredits,
} from '../../../utils/bulk/run-state';
import { ZohoError } from '../../../utils/platform/errors';
import type { CreditCount } from '../../../utils/platform/zoho/desk-client';
import { createLimiter } from '../../../utils/platform/zoho/limiter';
import type { BadgeOutcome, RemovalReport } from '../../../utils/removal/report';

const item = (userId: string, over: Partial<BulkItem> = {}): BulkItem => ({
  userId,
  badgeIds: ['11'],
  state: 'pending',
  ...over,
});
const runOf = (items: BulkItem[], over: Partial<BulkRun> = {}): BulkRun => ({
  id: 'run',
  orgId: '600',
  createdAt: 1,
  status: 'running',
  concurrency: 3,
  items,
  ...over,
});

/** A fake Zoho: users hold badge 11 until removed; removal calls are counted per user. */
/** A one-badge report whose outcome could not be verified. */
function unverified(userId: string, outcome: BadgeOutcome): RemovalReport {
  return {
    auditId: `a-${userId}`,
    orgId: '600',
    userId,
    route: 'users-dissociate',
    results: [{ badgeId: '11', name: 'Rising Star', outcome }],
    verified: false,
    notes: [],
    startedAt: 1,
    finishedAt: 2,
  };
}

function harness(
  start: BulkRun,
  options: {
    fail?: Record<string, Error>;
    held?: Set<string>;
    connectionEndsAt?: string;
    /** Zoho took this user's removal, then the connection ended before the read-back. */
    connectionEndsAfterRemovalAt?: string;
  } = {},
) {
  let stored: BulkRun | null = structuredClone(start);
  const held = options.held ?? new Set(start.items.map((i) => i.userId));
  const removals: string[] = [];
  const recorded: RemovalReport[] = [];
  const unmarked: string[] = [];
  let inFlight: string[] = [];
  let active = 0;
  let peak = 0;
  const deps = {
    load: async () => structuredClone(stored),
    save: async (r: BulkRun) => {
      stored = structuredClone(r);
    },
    now: () => 99,
    sleep: async (_ms: number) => {},
    async record(_run: BulkRun, _it: BulkItem, report: RemovalReport) {
      recorded.push(report);
    },
    saveInFlight: async (_run: BulkRun, userIds: string[]) => {
      inFlight = userIds;
    },
    async removeOne(
      _run: BulkRun,
      it: BulkItem,
      marked: () => Promise<void>,
      _onCredits?: (count: CreditCount) => void,
    ): Promise<RemovalReport> {
      await marked();
      // A stop from here on must find this user saved as in flight, so the restart reads it again.
      if (!inFlight.includes(it.userId)) unmarked.push(it.userId);
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 2));
      active--;
      const failure = options.fail?.[it.userId];
      if (failure) throw failure;
      if (options.connectionEndsAfterRemovalAt === it.userId && held.has(it.userId)) {
        held.delete(it.userId);
        removals.push(it.userId);
        return unverified(it.userId, {
          status: 'failed',
          message: 'Removed according to Zoho, but it could not be verified: session ended',
          retryable: true,
          mayHaveLanded: true,
          awaitsConnection: true,
        });
      }
      // The removal call found no valid token: Zoho was not asked.
      if (options.connectionEndsAt === it.userId)
        return unverified(it.userId, {
          status: 'failed',
          message: 'Your Zoho session ended.',
          retryable: true,
          awaitsConnection: true,
        });
      const wasHeld = held.has(it.userId);
      if (wasHeld) {
        removals.push(it.userId);
        held.delete(it.userId);
      }
      return {
        auditId: `a-${it.userId}`,
        orgId: '600',
        userId: it.userId,
        route: wasHeld ? 'users-dissociate' : null,
        results: [
          {
            badgeId: '11',
            name: 'Rising Star',
            outcome: wasHeld
              ? { status: 'removed' }
              : { status: 'skipped', reason: 'This user does not hold this badge (any more).' },
          },
        ],
        verified: true,
        notes: [],
        startedAt: 1,
        finishedAt: 2,
      };
    },
  };
  return { deps, removals, recorded, unmarked, inFlight: () => inFlight, peak: () => peak, stored: () => stored! };
}

describe("the dry run's snapshot in place of a first read", () => {
  const held = [{ id: '11', name: 'Rising Star' }];
  const run = runOf([], { plannedAt: 1_000 });
  it('stands in for an untouched user while the dry run is under 30 minutes old', () => {
    expect(dryRunSnapshot(run, item('1', { held }), 1_000 + 29 * 60_000)).toEqual(held);
  });
  it.each([
    ['the dry run is 30 minutes old', run, item('1', { held }), 1_000 + 30 * 60_000],
    ['the removal was cut off (interrupted)', run, item('1', { held, interrupted: true }), 2_000],
    ['the user was tried before', run, item('1', { held, attempts: 1 }), 2_000],
    ['no dry run time', runOf([]), item('1', { held }), 2_000],
    ['no snapshot', run, item('1'), 2_000],
  ])('does not when %s: the run reads first', (_why, r, i, now) => {
    expect(dryRunSnapshot(r, i, now)).toBeUndefined();
  });
});

describe("the run's credits, from Zoho's count", () => {
  /** A reply: credits left after the call, its weight, when the call left and when its reply came. */
  const reply = (remaining: number, weight: number, sentAt: number, at: number): CreditCount => ({
    remaining,
    weight,
    sentAt,
    at,
  });
  const noted = (...replies: CreditCount[]) =>
    replies.reduce<BulkCredits | undefined>((c, r) => noteCredits(c, r), undefined)!;

  it("starts from the first reply's count plus that call's weight, and keeps the lowest count seen", () => {
    let credits = noteCredits(undefined, reply(997, 2, 0, 10));
    expect(credits).toEqual({ before: 999, left: 997, since: 10 });
    credits = noteCredits(credits, reply(994, 1, 20, 30));
    // A reply that left Zoho earlier but arrived later says more credits were left: the lower count stands.
    credits = noteCredits(credits, reply(996, 1, 15, 35));
    expect(credits).toMatchObject({ before: 999, left: 994 });
    expect(spentCredits(credits)).toBe(5);
  });

  it('counts exactly when calls that left together are counted in one order and come back in another', () => {
    // 100 left before the run. Zoho counts A (3), then B (2); B comes back first, then A; then C (3) is counted.
    const credits = noted(reply(95, 2, 0, 10), reply(97, 3, 0, 12), reply(92, 3, 11, 20));
    // A's count says more were left than B's start: A left before B came back, so the day started higher.
    expect(credits).toMatchObject({ before: 100, left: 92 });
    expect(spentCredits(credits)).toBe(8);
  });

  it('carries what was spent over a renewal of the daily allowance', () => {
    const credits = noted(reply(10, 2, 0, 5), reply(4, 2, 6, 8));
    expect(spentCredits(credits)).toBe(8);
    // Higher than the start, for a call that left after the first reply came back: the day's allowance renewed.
    const renewed = noteCredits(credits, reply(4999, 1, 9, 12));
    expect(spentCredits(renewed)).toBe(9);
    expect(renewed.left).toBe(4999);
    // A call from before the renewal, back after it, may have been counted on either day: it changes nothing.
    expect(noteCredits(renewed, reply(2, 2, 7, 13))).toEqual(renewed);
    expect(spentCredits(noteCredits(renewed, reply(4996, 3, 12, 14)))).toBe(12);
  });

  it('a run stored before the first reply time was kept reads a higher count as a renewal, as it did', () => {
    const stored: BulkCredits = { before: 999, left: 990 };
    expect(noteCredits(stored, reply(998, 2, 0, 1))).toMatchObject({ before: 1009, left: 998, renewed: true });
  });

  it("a run records the credits Zoho's replies report", async () => {
    const h = harness(runOf([item('100'), item('101')]));
    let remaining = 1000;
    const removeOne = h.deps.removeOne;
    h.deps.removeOne = async (run, it, marked, onCredits) => {
      const report = await removeOne(run, it, marked, onCredits);
      remaining -= 2;
      onCredits?.({ remaining, weight: 2, sentAt: 0, at: 1 });
      remaining -= 1;
      onCredits?.({ remaining, weight: 1, sentAt: 1, at: 2 });
      return report;
    };
    await workBulkRun(h.deps);
    expect(h.stored().credits).toMatchObject({ before: 1000, left: 994 });
  });
});

describe('bulk runs', () => {
  it('marks the next users in flight ahead, so most users need no write of their own, none starts unmarked', async () => {
    const h = harness(runOf(Array.from({ length: 30 }, (_, i) => item(String(100 + i)))));
    const writes: string[][] = [];
    const save = h.deps.saveInFlight;
    h.deps.saveInFlight = async (run, ids) => {
      writes.push(ids);
      await save(run, ids);
    };
    await workBulkRun(h.deps);
    expect(h.removals).toHaveLength(30);
    expect(h.unmarked).toEqual([]);
    // Each write covers the users under way and the next in the queue (3 workers here): far fewer than one a user.
    expect(writes.length).toBeLessThan(30 / 2);
    expect(writes[0]).toEqual(['100', '101', '102', '103']);
    // The last write says nothing is under way.
    expect(writes.at(-1)).toEqual([]);
  });

  it('works every item once, never above the concurrency, and ends done', async () => {
    const h = harness(runOf(Array.from({ length: 20 }, (_, i) => item(String(100 + i)))));
    const run = await workBulkRun(h.deps);
    expect(run?.status).toBe('done');
    expect(countItems(h.stored())).toEqual({ removed: 20, failed: 0, skipped: 0, remaining: 0, total: 20 });
    expect(new Set(h.removals).size).toBe(20);
    expect(h.removals).toHaveLength(20);
    expect(h.peak()).toBe(3);
    expect(h.unmarked).toEqual([]);
    expect(h.inFlight()).toEqual([]);
    expect(h.recorded.map((r) => r.userId).sort()).toEqual(
      h
        .stored()
        .items.map((i) => i.userId)
        .sort(),
    );
  });

  it('with two users per call slot, calls stay within the concurrency while twice the users are worked', async () => {
    const h = harness(runOf(Array.from({ length: 30 }, (_, i) => item(String(200 + i)))));
    const calls = createLimiter(3);
    let activeCalls = 0;
    let peakCalls = 0;
    const call = () =>
      calls.run(async () => {
        peakCalls = Math.max(peakCalls, ++activeCalls);
        await new Promise((r) => setTimeout(r, 1));
        activeCalls--;
      });
    let users = 0;
    let peakUsers = 0;
    const run = await workBulkRun({
      ...h.deps,
      usersPerCallSlot: 2,
      // Read, remove, read back: each a limited call, with the user's own work between them.
      removeOne: async (r, it, marked) => {
        peakUsers = Math.max(peakUsers, ++users);
        try {
          await call();
          const report = await h.deps.removeOne(r, it, marked);
          await call();
          await call();
          return report;
        } finally {
          users--;
        }
      },
    });
    expect(run?.status).toBe('done');
    expect(h.removals.toSorted()).toEqual(Array.from({ length: 30 }, (_, i) => String(200 + i)));
    expect(peakUsers).toBe(6);
    expect(peakCalls).toBe(3);
    expect(h.unmarked).toEqual([]);
  });

  it('records failures with their reason and goes on', async () => {
    const h = harness(runOf([item('1'), item('2')]), {
      fail: {
        '1': new ZohoError({ kind: 'forbidden', message: 'Zoho Desk refused: your Zoho account may not do this.' }),
      },
    });
    await workBulkRun(h.deps);
    expect(h.stored().items.map((i) => [i.userId, i.state, i.reason])).toEqual([
      ['1', 'failed', 'Zoho Desk refused: your Zoho account may not do this.'],
      ['2', 'removed', undefined],
    ]);
  });

  it('pauses when the daily credits run out, keeping the user queued', async () => {
    const h = harness(runOf([item('1'), item('2')], { concurrency: 1 }), {
      fail: { '1': new ZohoError({ kind: 'rate-limited', message: 'credits used up', retryAfterSeconds: 30_000 }) },
    });
    await workBulkRun(h.deps);
    expect(h.stored()).toMatchObject({ status: 'paused', pauseReason: 'credits used up' });
    expect(h.stored().items.map((i) => i.state)).toEqual(['pending', 'pending']);
  });

  it('a connection that ends mid-removal puts the user back and pauses for a reconnect, recording nothing', async () => {
    const h = harness(runOf([item('1'), item('2')], { concurrency: 1 }), { connectionEndsAt: '1' });
    await workBulkRun(h.deps);
    expect(h.stored()).toMatchObject({
      status: 'paused',
      pauseReason: 'Your Zoho session ended.',
      pausedFor: 'connection',
    });
    expect(h.stored().items.map((i) => i.state)).toEqual(['pending', 'pending']);
    expect(h.recorded).toEqual([]);
    expect(h.removals).toEqual([]);
  });

  it('a connection that ends after Zoho took the removal: back in the queue as cut off, then counted removed once', async () => {
    const h = harness(runOf([item('1'), item('2')], { concurrency: 1 }), { connectionEndsAfterRemovalAt: '1' });
    await workBulkRun(h.deps);
    expect(h.stored()).toMatchObject({ status: 'paused', pausedFor: 'connection' });
    expect(h.stored().items[0]).toMatchObject({ state: 'pending', interrupted: true });
    expect(h.recorded).toEqual([]);
    // Reconnected: the run goes on; user 1 is read first, found without the badge, and counted as this run's removal.
    const resumed = harness({ ...h.stored(), status: 'running' }, { held: new Set(['2']) });
    await workBulkRun(resumed.deps);
    expect(resumed.stored().items.map((i) => [i.userId, i.state])).toEqual([
      ['1', 'removed'],
      ['2', 'removed'],
    ]);
    expect([...h.removals, ...resumed.removals]).toEqual(['1', '2']);
  });

  it('resumes after a restart without removing anything twice', async () => {
    // Stopped mid-run: user 1 done, user 2 was running (its removal went through), user 3 waiting.
    const stopped = runOf([item('1', { state: 'removed' }), item('2', { state: 'running' }), item('3')]);
    const h = harness(recoverRun(stopped, 99), { held: new Set(['3']) });
    await workBulkRun(h.deps);
    expect(h.removals).toEqual(['3']);
    expect(h.stored().items.map((i) => i.state)).toEqual(['removed', 'removed', 'removed']);
    expect(h.stored().items[1]!.interrupted).toBeUndefined();
    expect(h.stored().status).toBe('done');
    // The audit log credits the cut-off removal to this run, so an undo re-awards it.
    expect(h.recorded.find((r) => r.userId === '2')?.results[0]?.outcome).toEqual({ status: 'removed' });
  });

  it('a run cut off mid-call sends nothing until what the stopped worker sent has landed', async () => {
    // The stopped worker's calls for user 1 may still be in flight at Zoho, holding the organization's concurrency
    // slots: a call sent into them is refused as too many at once and sent again (seen in Firefox, whose event page
    // restarts at once). So the resumed run waits, then works the queue in order, the cut-off user read first.
    const stopped = runOf([item('1', { state: 'running' }), item('2'), item('3')], { concurrency: 1 });
    const recovered = recoverRun(stopped, 99);
    expect(recovered.settlesAt).toBe(99 + INTERRUPTED_SETTLE_MS);
    expect(recovered.items[0]).toMatchObject({ state: 'pending', interrupted: true });
    const h = harness(recovered, { held: new Set(['2', '3']) });
    let clock = 99;
    const sent: [string, number][] = [];
    const removeOne = h.deps.removeOne;
    const waits: number[] = [];
    await workBulkRun({
      ...h.deps,
      now: () => clock,
      removeOne: (run, it, marked) => {
        sent.push([it.userId, clock]);
        return removeOne(run, it, marked);
      },
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    expect(waits).toEqual([INTERRUPTED_SETTLE_MS]);
    expect(sent).toEqual([
      ['1', 99 + INTERRUPTED_SETTLE_MS],
      ['2', 99 + INTERRUPTED_SETTLE_MS],
      ['3', 99 + INTERRUPTED_SETTLE_MS],
    ]);
    expect(h.stored().items.map((i) => i.state)).toEqual(['removed', 'removed', 'removed']);
  });

  it('a run stopped between users, with nothing in flight, goes on at once', async () => {
    const recovered = recoverRun(runOf([item('1', { state: 'removed' }), item('2')]), 99);
    expect(recovered.settlesAt).toBeUndefined();
    const waits: number[] = [];
    const h = harness(recovered);
    await workBulkRun({ ...h.deps, sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([]);
    expect(h.removals).toEqual(['2']);
  });

  it('a pause while the resumed run waits is kept: nothing is sent', async () => {
    const h = harness(recoverRun(runOf([item('1', { state: 'running' }), item('2')]), 99));
    await workBulkRun({
      ...h.deps,
      sleep: async () => {
        await h.deps.save({ ...(await h.deps.load())!, status: 'paused' });
      },
    });
    expect(h.removals).toEqual([]);
    expect(h.stored().status).toBe('paused');
  });

  it('recovers a paused run the same way, and fails what an ended run left running', () => {
    const paused = recoverRun(runOf([item('1', { state: 'running' })], { status: 'paused' }), 0);
    expect(paused.items[0]).toMatchObject({ state: 'pending', interrupted: true });
    const cancelled = recoverRun(
      runOf([item('1', { state: 'running' }), item('2', { state: 'skipped' })], { status: 'cancelled' }),
      0,
    );
    expect(cancelled.items.map((i) => [i.state, i.reason])).toEqual([
      ['failed', 'Stopped while its removal was under way; the result was not read back.'],
      ['skipped', undefined],
    ]);
  });

  it("spent credits (THRESHOLD_EXCEEDED): pauses with Zoho's reason and when they return; the user goes back", async () => {
    const spent = new ZohoError({
      kind: 'rate-limited',
      status: 429,
      errorCode: 'THRESHOLD_EXCEEDED',
      retryAfterSeconds: 3600,
      message: "Zoho Desk's daily API credits for this organization are used up (they renew in about 1 hour).",
    });
    const h = harness(runOf([item('1'), item('2')], { concurrency: 1 }), { fail: { '2': spent } });
    await workBulkRun(h.deps);
    expect(h.stored()).toMatchObject({
      status: 'paused',
      pausedFor: 'credits',
      pauseReason: spent.message,
      resumesAt: 99 + 3600 * 1000,
    });
    expect(h.stored().items.map((i) => i.state)).toEqual(['removed', 'pending']);
  });

  it('too many calls at once (TOO_MANY_REQUESTS): the run keeps the lower concurrency for the rest of it', async () => {
    let ceiling: number | undefined;
    const h = harness(runOf([item('1'), item('2'), item('3')], { concurrency: 5 }));
    const removeOne = h.deps.removeOne;
    await workBulkRun({
      ...h.deps,
      ceiling: () => ceiling,
      removeOne: async (run, it, marked) => {
        // The Desk client met TOO_MANY_REQUESTS on this user's calls and lowered its ceiling.
        if (it.userId === '2') ceiling = 3;
        return removeOne(run, it, marked);
      },
    });
    expect(h.stored()).toMatchObject({ status: 'done', concurrency: 3 });
  });

  it('picks the first pending item', () => {
    const items = [item('1', { state: 'removed' }), item('2', { state: 'running' }), item('3'), item('4')];
    expect(nextPending(items)).toBe(2);
    expect(nextPending([item('1', { state: 'failed' })])).toBe(-1);
  });

  it('cancel leaves every item with a recorded state', () => {
    const run = cancelRun(runOf([item('1', { state: 'removed' }), item('2', { state: 'running' }), item('3')]), 5);
    expect(run.status).toBe('cancelled');
    expect(run.items.map((i) => [i.state, i.reason])).toEqual([
      ['removed', undefined],
      ['running', undefined],
      ['skipped', 'Cancelled before it ran.'],
    ]);
  });

  it('stops taking items once the saved run is cancelled', async () => {
    const h = harness(
      runOf(
        Array.from({ length: 10 }, (_, i) => item(String(i))),
        { concurrency: 1 },
      ),
    );
    const load = h.deps.load;
    let loads = 0;
    h.deps.load = async () => {
      const r = await load();
      if (++loads === 6 && r) {
        const cancelled = cancelRun(r, 5);
        await h.deps.save(cancelled);
        return cancelled;
      }
      return r;
    };
    await workBulkRun(h.deps);
    const states = h.stored().items.map((i) => i.state);
    expect(states).not.toContain('pending');
    expect(states).toContain('skipped');
    expect(h.stored().status).toBe('cancelled');
  });
});

describe('passing faults', () => {
  it('tries a user again after a 5xx, and gives up with the reason after three tries', async () => {
    const h = harness(runOf([item('1'), item('2')], { concurrency: 1 }));
    let calls = 0;
    const removeOne = h.deps.removeOne;
    h.deps.removeOne = async (run, it, marked) => {
      const report = await removeOne(run, it, marked);
      if (it.userId === '2') return report;
      calls++;
      return {
        ...report,
        results: [
          {
            badgeId: '11',
            name: 'Rising Star',
            outcome: { status: 'failed', message: 'Zoho Desk failed with HTTP 500.', retryable: true },
          },
        ],
      };
    };
    await workBulkRun(h.deps);
    expect(calls).toBe(3);
    expect(h.stored().items.map((i) => [i.userId, i.state, i.attempts])).toEqual([
      ['1', 'failed', 3],
      ['2', 'removed', 1],
    ]);
  });
});
