/**
 * The saved bulk run kept going in the service worker: recovered once after a stop, worked once at a time, paused
 * when the organization turns bulk removal off or the connection ends, and resumed when it may go on.
 */
import { auditRetentionDays, recordRemoval } from '../audit/audit';
import { auditStore } from '../audit/audit-store';
import type { UndoEntry } from '../audit/undo';
import { connectionItem } from '../connection/stored';
import { ZohoError } from '../platform/errors';
import { t } from '../platform/i18n';
import { type ConcurrencyCeiling, type DeskClient, observeCredits } from '../platform/zoho/desk-client';
import { bulkRemovalAllowed } from '../policy/policy';
import { type RemovalDeps, removeBadges } from '../removal/remove';
import { type BulkRunnerDeps, workBulkRun } from './run';
import { type BulkRun, countItems, dryRunSnapshot, expireRun, recoverRun } from './run-state';
import { bulkInFlightItem, bulkRunItem } from './stored';

export interface BulkDeps {
  client: DeskClient;
  /** The Desk client's concurrency ceiling: a run keeps what Zoho's TOO_MANY_REQUESTS taught it. */
  ceiling?: ConcurrencyCeiling;
  now: () => number;
  newId: () => string;
  /** The clock's wait, injected in tests. */
  sleep?: (ms: number) => Promise<void>;
}

/** What a run takes from the other features, wired in utils/handlers.ts. */
export interface BulkWiring {
  /** What a removal needs in the run's organization: the route setting and what Automatic learned. */
  removalDeps(orgId: string): Promise<RemovalDeps>;
  undo: UndoEntry;
}

export function runKeeper(deps: BulkDeps, wiring: BulkWiring) {
  // Items the saved run shows as running belong to an earlier life of this worker: they are
  // recovered once, before anything else here reads or works the run.
  let recovery: Promise<void> | null = null;
  const recovered = () =>
    (recovery ??= (async () => {
      const run = await bulkRunItem.getValue();
      const marked = await bulkInFlightItem.getValue();
      const inFlight = run && marked?.runId === run.id ? marked.userIds : [];
      if (run && (inFlight.length || run.items.some((i) => i.state === 'running'))) {
        await bulkRunItem.setValue(recoverRun(run, deps.now(), inFlight));
      }
      if (marked) await bulkInFlightItem.setValue(null);
    })());

  /** A run change the admin waits on (start, pause, resume, cancel): stored without the pacing gap. */
  const saveRunNow = (run: BulkRun | null) => {
    const saving = bulkRunItem.setValue(run);
    bulkRunItem.hurry();
    return saving;
  };

  /** A run works only in the organization it was planned for: its users and badges are that organization's. */
  const requireRunOrg = async (run: BulkRun) => {
    const org = (await connectionItem.getValue())?.org;
    if (org?.id === run.orgId) return;
    throw new ZohoError({
      kind: 'choose-org',
      message: org
        ? t('bulk_error_other_org', [run.orgId, org.name, org.id])
        : t('bulk_error_other_org_none', [run.orgId]),
      action: t('bulk_error_other_org_action'),
    });
  };

  /** While the organization turns bulk removal off, a run under way pauses, and says why; true then. */
  const pauseIfTurnedOff = async (): Promise<boolean> => {
    if (await bulkRemovalAllowed()) return false;
    const run = await bulkRunItem.getValue();
    if (run?.status === 'running') {
      await saveRunNow({
        ...run,
        status: 'paused',
        pauseReason: t('worker_policy_bulk_off'),
        pausedFor: undefined,
      });
    }
    return true;
  };

  let working: Promise<unknown> | null = null;
  /** Runs whose first credit count is stored. */
  const creditsSaved = new Set<string>();
  /** Works the saved bulk run, once at a time; called on start, resume, and when the worker wakes. */
  const kickBulk = () => {
    working ??= (async () => {
      await recovered();
      if (await pauseIfTurnedOff()) return;
      // Where an earlier life of the worker learned a lower concurrency, the run goes on at it.
      const concurrency = (await bulkRunItem.getValue())?.concurrency;
      if (concurrency !== undefined) deps.ceiling?.setCeiling(concurrency);
      await workBulkRun(runnerDeps(deps, wiring, { saveRunNow, requireRunOrg, creditsSaved }));
    })().finally(() => {
      working = null;
      // The lowered concurrency was the run's; other calls go back to the configured one.
      deps.ceiling?.setCeiling(undefined);
    });
    return working;
  };

  /** The names in a bulk run older than the audit log's retention period go (the audit log drops its own). */
  const expireRunData = async () => {
    const run = await bulkRunItem.getValue();
    if (!run) return;
    const expired = expireRun(run, deps.now(), await auditRetentionDays());
    if (expired !== run) await saveRunNow(expired);
  };

  return {
    recovered,
    saveRunNow,
    requireRunOrg,
    kick: kickBulk,
    /** Daily (alarm) and whenever the run is read. */
    expireRunData,
    /** When the policy changes: a run under way pauses if bulk removal is turned off. */
    followPolicy: pauseIfTurnedOff,
    /**
     * On service-worker start and at the run's alarm: a run that was working when the worker stopped goes on, and
     * one paused for spent credits goes on once Zoho said they return.
     */
    async resume() {
      await recovered();
      const run = await bulkRunItem.getValue();
      if (run?.status === 'paused' && run.pausedFor === 'credits' && run.resumesAt !== undefined) {
        if (run.resumesAt > deps.now()) return;
        await saveRunNow({
          ...run,
          status: 'running',
          pauseReason: undefined,
          pausedFor: undefined,
          resumesAt: undefined,
        });
        return kickBulk();
      }
      if (run?.status === 'running') return kickBulk();
    },
    /**
     * On the first start of a version that keeps runs where content scripts cannot change them: a run stored as
     * running before then waits for the admin, who sees it and resumes it (a Desk page could have written it).
     */
    async holdForReview() {
      await recovered();
      const run = await bulkRunItem.getValue();
      if (run?.status !== 'running') return;
      await saveRunNow({
        ...run,
        status: 'paused',
        pauseReason: t('bulk_paused_by_update'),
      });
    },
    /** A run the ended connection paused goes on once the admin is back in its organization. */
    async orgChosen(orgId: string) {
      const run = await bulkRunItem.getValue();
      if (run?.status === 'paused' && run.pausedFor === 'connection' && run.orgId === orgId) {
        await saveRunNow({ ...run, status: 'running', pauseReason: undefined, pausedFor: undefined });
        kickBulk();
      }
    },
    /** Disconnect: without a connection a working run pauses at its next user; that is waited for first. */
    async disconnected(forgetRun: boolean) {
      await working?.catch(() => {});
      if (!forgetRun) return;
      await saveRunNow(null);
      await bulkInFlightItem.setValue(null);
    },
  };
}

/** How the worker loop loads, saves, removes and records for the saved run. */
function runnerDeps(
  deps: BulkDeps,
  wiring: BulkWiring,
  keeper: {
    saveRunNow(run: BulkRun | null): Promise<void>;
    requireRunOrg(run: BulkRun): Promise<void>;
    /** Runs whose first credit count is stored. */
    creditsSaved: Set<string>;
  },
): BulkRunnerDeps {
  const { saveRunNow, requireRunOrg, creditsSaved } = keeper;
  return {
    load: () => bulkRunItem.getValue(),
    save: (run) => {
      if (run.status === 'running' && countItems(run).remaining > 0) {
        if (!run.credits || creditsSaved.has(run.id)) return bulkRunItem.setValue(run);
        // The run's first credit count is its start line: stored at once, or a restart would draw it again.
        creditsSaved.add(run.id);
        return saveRunNow(run);
      }
      // Stopped, or nothing left to send: the admin is waiting to see it (and its last audit entries).
      auditStore.hurry();
      return saveRunNow(run);
    },
    now: deps.now,
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    // The Desk client holds calls in flight to the concurrency setting; two users per call slot keep
    // every slot busy while users are between their read, removal and read-back.
    usersPerCallSlot: 2,
    removeOne: async (run, item, marked, onCredits) => {
      await requireRunOrg(run);
      const before = dryRunSnapshot(run, item, deps.now());
      return removeBadges(
        {
          ...(await wiring.removalDeps(run.orgId)),
          client: observeCredits(deps.client, onCredits, deps.now),
          beforeChange: marked,
        },
        {
          userId: item.userId,
          ...(run.helpCenterId ? { helpCenterId: run.helpCenterId } : {}),
          badgeIds: item.badgeIds,
          ...(before ? { before } : {}),
        },
      );
    },
    saveInFlight: (run, userIds) => bulkInFlightItem.setValue(userIds.length ? { runId: run.id, userIds } : null),
    ceiling: () => deps.ceiling?.ceiling(),
    record: (run, item, report) =>
      recordRemoval(
        {
          ...report,
          kind: 'remove',
          bulkRunId: run.id,
          ...(item.email ? { userEmail: item.email } : {}),
          ...(item.name ? { userName: item.name } : {}),
        },
        { atOnce: false },
      ),
  };
}
