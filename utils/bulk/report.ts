/** The bulk page's view of a run: its title, time left, each user's detail, the results CSV and the undo line. */
import { toCsv } from '../platform/csv';
import { type MessageKey, t } from '../platform/i18n';
import { outcomeText } from '../removal/report';
import type { BulkCounts, BulkItem, BulkItemState, BulkRun, BulkRunStatus } from './run-state';

/** Running or paused: the run can still be paused, resumed or cancelled, and no new one starts. */
export const isLive = (run: Pick<BulkRun, 'status'>): boolean => run.status === 'running' || run.status === 'paused';

/** Anything not known to be live or cancelled reads as done. */
export function statusLabel(status: BulkRunStatus): string {
  if (status === 'running') return t('bulk_status_running');
  if (status === 'paused') return t('bulk_status_paused');
  if (status === 'cancelled') return t('bulk_status_cancelled');
  return t('bulk_status_done');
}

const ITEM_STATES: Record<BulkItemState, MessageKey> = {
  pending: 'bulk_item_state_pending',
  running: 'bulk_item_state_running',
  removed: 'bulk_item_state_removed',
  failed: 'bulk_item_state_failed',
  skipped: 'bulk_item_state_skipped',
};

/** A user's state in the run, in words (the CSV keeps the code). */
export const itemStateLabel = (state: BulkItemState): string => t(ITEM_STATES[state]);

/** Seconds left at the pace so far, or null before the first user ends and once none remain. */
export function secondsLeft(
  run: Pick<BulkRun, 'createdAt' | 'finishedAt'>,
  counts: BulkCounts,
  now: number,
): number | null {
  const done = counts.total - counts.remaining;
  if (done <= 0 || counts.remaining <= 0) return null;
  const elapsed = (run.finishedAt ?? now) - run.createdAt;
  return Math.round(((elapsed / done) * counts.remaining) / 1000);
}

/** Undo only an ended run that removed something. */
export const canUndo = (run: Pick<BulkRun, 'status'>, counts: BulkCounts): boolean =>
  (run.status === 'done' || run.status === 'cancelled') && counts.removed > 0;

/** A user's row: the reason when there is one, else each badge's outcome. */
export function itemDetail(item: BulkItem): string {
  return (
    item.reason ??
    (item.results
      ? item.results.map((r) => t('bulk_item_badge_outcome', [r.name, outcomeText(r.outcome)])).join('; ')
      : '')
  );
}

/** One row per badge result (a user without results still gets a row), for a spreadsheet. */
export function runCsv(run: Pick<BulkRun, 'items'>): string {
  return toCsv([
    ['user_id', 'email', 'name', 'state', 'reason', 'badge_id', 'badge', 'result'],
    ...run.items.flatMap((i) =>
      (i.results?.length ? i.results : [undefined]).map((r) => [
        i.userId,
        i.email,
        i.name,
        i.state,
        i.reason,
        r?.badgeId,
        r?.name,
        r ? outcomeText(r.outcome) : '',
      ]),
    ),
  ]);
}

export const undoSummary = (undone: { restored: number; skipped: number; failed: number }): string =>
  t('bulk_undo_summary', [undone.restored, undone.skipped, undone.failed]);
