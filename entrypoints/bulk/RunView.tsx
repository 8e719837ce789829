import { Component } from 'preact';
import { useState } from 'preact/hooks';
import { PageAlert } from '../../components/common/Notices';
import {
  canUndo,
  isLive,
  itemDetail,
  itemStateLabel,
  runCsv,
  secondsLeft,
  statusLabel,
  undoSummary,
} from '../../utils/bulk/report';
import { type BulkItem, type BulkRun, countItems, spentCredits } from '../../utils/bulk/run-state';
import type { Client } from '../../utils/client';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { formatDate, t } from '../../utils/platform/i18n';

export interface RunApi extends Pick<Client, 'controlBulk' | 'undoBulk'> {
  download(name: string, text: string): void;
  now(): number;
}

/** The current (or last) run: its progress, its controls, its results and their undo. */
export function RunView(props: { api: RunApi; run: BulkRun; onNew?: () => void }) {
  const { api, run } = props;
  const counts = countItems(run);
  const done = counts.total - counts.remaining;
  const [error, setError] = useState<SerializedError | null>(null);
  const [undone, setUndone] = useState<string | null>(null);
  const eta = secondsLeft(run, counts, api.now());
  const act = (action: 'pause' | 'resume' | 'cancel') =>
    api.controlBulk({ action }).catch((e) => setError(serializeError(e)));

  return (
    <section class="card" aria-labelledby="run-title">
      <h2 id="run-title">{t('bulk_run_heading', [statusLabel(run.status)])}</h2>
      <progress max={counts.total} value={done} aria-label={t('bulk_progress_label')} />
      <p role="status" class="counts">
        {t('bulk_run_counts', [counts.removed, counts.failed, counts.skipped, counts.remaining])}
        {eta !== null && run.status === 'running' ? ` · ${t('bulk_run_time_left', [eta])}` : ''}
      </p>
      {run.credits ? (
        <p class="muted" data-testid="run-credits">
          {t('bulk_run_credits', [spentCredits(run.credits), run.credits.left])}
        </p>
      ) : null}
      {run.pauseReason ? (
        <p class="warning">
          {t('bulk_run_paused', [run.pauseReason])}
          {run.status === 'paused' && run.resumesAt !== undefined
            ? ` ${t('bulk_run_resumes_at', [formatDate(run.resumesAt)])}`
            : ''}
        </p>
      ) : null}
      <PageAlert error={error} />
      <div class="toolbar">
        {run.status === 'running' ? (
          <button type="button" onClick={() => act('pause')}>
            {t('bulk_pause')}
          </button>
        ) : null}
        {run.status === 'paused' ? (
          <button type="button" class="primary" onClick={() => act('resume')}>
            {t('bulk_resume')}
          </button>
        ) : null}
        {isLive(run) ? (
          <button type="button" class="danger" onClick={() => act('cancel')}>
            {t('bulk_cancel')}
          </button>
        ) : null}
        <button type="button" onClick={() => api.download(`bulk-run-${run.id}.csv`, runCsv(run))}>
          {t('bulk_download_results')}
        </button>
        {canUndo(run, counts) ? (
          <button
            type="button"
            onClick={async () => {
              try {
                setUndone(undoSummary(await api.undoBulk({ runId: run.id })));
              } catch (e) {
                setError(serializeError(e));
              }
            }}
          >
            {t('bulk_undo_run')}
          </button>
        ) : null}
        {props.onNew ? (
          <button type="button" onClick={props.onNew}>
            {t('bulk_new_run')}
          </button>
        ) : null}
      </div>
      {undone ? <p role="status">{undone}</p> : null}
      <table class="plan">
        <thead>
          <tr>
            <th>{t('bulk_column_user')}</th>
            <th>{t('bulk_column_state')}</th>
            <th>{t('bulk_column_detail')}</th>
          </tr>
        </thead>
        <tbody>
          {run.items.map((i) => (
            <RunRow key={i.userId} item={i} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * One user's row. Each change of the run arrives as a fresh copy of every item; a row draws again only
 * when its user's state or outcome changed, so a redraw of 500 rows touches the few that moved.
 */
class RunRow extends Component<{ item: BulkItem }> {
  override shouldComponentUpdate({ item: next }: { item: BulkItem }) {
    const { item } = this.props;
    return (
      item.state !== next.state ||
      item.reason !== next.reason ||
      item.results?.length !== next.results?.length ||
      item.name !== next.name ||
      item.email !== next.email
    );
  }

  override render() {
    const { item } = this.props;
    return (
      <tr data-state={item.state}>
        <td>
          {item.name ?? item.userId} <span class="muted">{item.email ?? ''}</span>
        </td>
        <td>{itemStateLabel(item.state)}</td>
        <td>{itemDetail(item)}</td>
      </tr>
    );
  }
}
