/** Bulk removal in the service worker: the dry run, the run (kept going across worker stops) and its undo. */
import { readAuditLog } from '../audit/audit';
import { requireOrg } from '../connection/current-org';
import type { Handlers } from '../platform/dispatch';
import { ZohoError } from '../platform/errors';
import { t } from '../platform/i18n';
import { listOrganizationBadges } from '../platform/zoho/help-center';
import { createLimiter } from '../platform/zoho/limiter';
import { requireBulkAllowed } from '../policy/policy';
import { planFromHolders, planFromRecipients } from './plan';
import { parseRecipients } from './recipients';
import type { bulkRequests } from './requests';
import { type BulkDeps, type BulkWiring, runKeeper } from './run-keeper';
import { type BulkRun, cancelRun } from './run-state';
import { readBulkSettings } from './settings';
import { bulkRunItem } from './stored';

export type { BulkDeps, BulkWiring };

export function bulkFeature(deps: BulkDeps, wiring: BulkWiring) {
  const keeper = runKeeper(deps, wiring);
  const { recovered, saveRunNow, requireRunOrg, expireRunData } = keeper;

  const handlers: Handlers<typeof bulkRequests> = {
    async listOrganizationBadges() {
      await requireBulkAllowed();
      await requireOrg();
      return listOrganizationBadges(deps.client);
    },

    async prepareBulk(source) {
      await requireBulkAllowed();
      await requireOrg();
      if (source.kind === 'holders') {
        return {
          ...(await planFromHolders(deps.client, source.helpCenterId, source.badge)),
          helpCenterId: source.helpCenterId,
          plannedAt: deps.now(),
        };
      }
      const list = parseRecipients(source.text);
      const plan = await planFromRecipients(deps.client, list.recipients, source.helpCenterId);
      return {
        users: plan.users,
        skipped: [
          ...list.problems.map((p) => ({ input: t('bulk_input_line', [p.line, p.text]), reason: p.reason })),
          ...plan.skipped,
        ],
        ...(source.helpCenterId ? { helpCenterId: source.helpCenterId } : {}),
        plannedAt: deps.now(),
      };
    },

    async startBulk({ helpCenterId, items, plannedAt }) {
      await requireBulkAllowed();
      const orgId = await requireOrg();
      await recovered();
      const current = await bulkRunItem.getValue();
      if (current && (current.status === 'running' || current.status === 'paused')) {
        throw new ZohoError({
          kind: 'invalid-request',
          message: t('bulk_error_run_under_way'),
          action: t('bulk_error_run_under_way_action'),
        });
      }
      const run: BulkRun = {
        id: deps.newId(),
        orgId,
        ...(helpCenterId ? { helpCenterId } : {}),
        createdAt: deps.now(),
        ...(plannedAt !== undefined ? { plannedAt } : {}),
        status: 'running',
        concurrency: (await readBulkSettings()).bulkConcurrency,
        items: items.map((i) => ({ ...i, state: 'pending' })),
      };
      await saveRunNow(run);
      keeper.kick();
      return run;
    },

    async getBulkRun() {
      await recovered();
      await expireRunData();
      return bulkRunItem.getValue();
    },

    async controlBulk({ action }) {
      await recovered();
      const run = await bulkRunItem.getValue();
      if (!run) throw new ZohoError({ kind: 'invalid-request', message: t('bulk_error_no_run') });
      const finished = run.status === 'done' || run.status === 'cancelled';
      if (finished) throw new ZohoError({ kind: 'invalid-request', message: t('bulk_error_run_ended') });
      if (action === 'resume') {
        await requireBulkAllowed();
        await requireRunOrg(run);
      }
      const next =
        action === 'cancel'
          ? cancelRun(run, deps.now())
          : {
              ...run,
              status: action === 'pause' ? ('paused' as const) : ('running' as const),
              pauseReason: undefined,
              pausedFor: undefined,
              resumesAt: undefined,
            };
      await saveRunNow(next);
      if (next.status === 'running') keeper.kick();
      return next;
    },

    async undoBulk({ runId }) {
      await requireBulkAllowed();
      const orgId = await requireOrg();
      const entries = (await readAuditLog(deps.now())).filter(
        (e) => e.bulkRunId === runId && e.kind === 'remove' && !e.undoneBy?.length,
      );
      const totals = { restored: 0, skipped: 0, failed: 0 };
      const limiter = createLimiter((await readBulkSettings()).bulkConcurrency);
      await Promise.all(
        entries.map((entry) =>
          limiter.run(async () => {
            const report = await wiring.undo(orgId, entry);
            for (const r of report.results) {
              if (r.outcome.status === 'restored') totals.restored++;
              else if (r.outcome.status === 'skipped') totals.skipped++;
              else totals.failed++;
            }
          }),
        ),
      );
      return totals;
    },
  };

  return {
    handlers,
    expireRunData: keeper.expireRunData,
    followPolicy: keeper.followPolicy,
    resume: keeper.resume,
    holdForReview: keeper.holdForReview,
    orgChosen: keeper.orgChosen,
    disconnected: keeper.disconnected,
  };
}
