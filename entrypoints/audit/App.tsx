import { useEffect, useState } from 'preact/hooks';
import { RemovalResult } from '../../components/removal/RemovalResult';
import { type AuditFilter, auditToCsv, filterAudit, undoableBadges } from '../../utils/audit/audit-view';
import type { AuditLogView } from '../../utils/audit/requests';
import type { AuditEntry } from '../../utils/audit/stored';
import type { Client } from '../../utils/client';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { formatDate, formatNumber, plural, t } from '../../utils/platform/i18n';
import { outcomeText, type RemovalReport } from '../../utils/removal/report';
import { ROUTE_LABELS } from '../../utils/removal/routes';

export interface AuditApi extends Pick<Client, 'getAuditLog' | 'undoRemoval' | 'setAuditRetention' | 'getPolicy'> {
  download(name: string, type: string, text: string): void;
}

const kb = (bytes: number) =>
  formatNumber(bytes / 1024, { style: 'unit', unit: 'kilobyte', minimumFractionDigits: 1, maximumFractionDigits: 1 });

const MIN_DAYS = 1;
const MAX_DAYS = 3650;
/** Stands for the number field in the retention sentence (a private-use character no message holds). */
const FIELD = '\uE000';

export function AuditApp({ api }: { api: AuditApi }) {
  const [log, setLog] = useState<AuditLogView | null>(null);
  const [filter, setFilter] = useState<AuditFilter>({});
  const [error, setError] = useState<SerializedError | null>(null);
  const [retention, setRetention] = useState('');
  /** The organization's policy sets the retention: shown, locked. */
  const [retentionLocked, setRetentionLocked] = useState(false);

  const load = async () => {
    try {
      const view = await api.getAuditLog();
      setLog(view);
      setRetention(String(view.retentionDays));
    } catch (e) {
      setError(serializeError(e));
    }
  };
  useEffect(() => {
    void load();
    api.getPolicy().then(
      (policy) => setRetentionLocked(policy.set.auditRetentionDays !== undefined),
      () => {},
    );
  }, []);

  // The number field stands where the language puts it in the sentence.
  const retentionWords = t('audit_retention_label', [FIELD]).split(FIELD);
  const shown = log ? filterAudit(log.entries, filter).slice().reverse() : [];
  const stamp = new Date().toISOString().slice(0, 10);
  const field = (key: keyof AuditFilter) => ({
    value: filter[key] ?? '',
    onInput: (e: Event) => setFilter({ ...filter, [key]: (e.currentTarget as HTMLInputElement).value || undefined }),
  });

  return (
    <main class="page wide">
      <h1>{t('audit_heading')}</h1>
      <p class="lead">{t('audit_lead')}</p>
      {error ? (
        <div class="alert" role="alert">
          <p>{error.message}</p>
          {error.action ? <p class="muted">{error.action}</p> : null}
        </div>
      ) : null}
      {log ? (
        <>
          <section class="card">
            <div class="filters">
              <label>
                {t('audit_filter_user')}{' '}
                <input type="search" placeholder={t('audit_filter_user_placeholder')} {...field('user')} />
              </label>
              <label>
                {t('audit_filter_badge')}{' '}
                <input type="search" placeholder={t('audit_filter_badge_placeholder')} {...field('badge')} />
              </label>
              <label>
                {t('audit_filter_from')} <input type="date" {...field('from')} />
              </label>
              <label>
                {t('audit_filter_to')} <input type="date" {...field('to')} />
              </label>
            </div>
            <p class="muted" role="status">
              {plural('audit_entries_shown', log.entries.length, [shown.length, log.entries.length])}
              {log.bytesInUse !== undefined ? ` · ${t('audit_storage_used', [kb(log.bytesInUse)])}` : ''}
            </p>
            <div class="toolbar">
              <button
                type="button"
                onClick={() => api.download(`badge-remover-audit-${stamp}.csv`, 'text/csv', auditToCsv(shown))}
              >
                {t('audit_export_csv')}
              </button>
              <button
                type="button"
                onClick={() =>
                  api.download(`badge-remover-audit-${stamp}.json`, 'application/json', JSON.stringify(shown, null, 2))
                }
              >
                {t('audit_export_json')}
              </button>
              <form
                class="retention"
                onSubmit={async (e) => {
                  e.preventDefault();
                  const days = Number(retention);
                  if (!Number.isInteger(days) || days < MIN_DAYS || days > MAX_DAYS) {
                    return setError({
                      kind: 'invalid-request',
                      message: t('audit_retention_range', [MIN_DAYS, MAX_DAYS]),
                    });
                  }
                  try {
                    setLog(await api.setAuditRetention({ days }));
                    setError(null);
                  } catch (err) {
                    setError(serializeError(err));
                  }
                }}
              >
                <label>
                  {retentionWords[0]}
                  <input
                    type="number"
                    min={MIN_DAYS}
                    max={MAX_DAYS}
                    value={retention}
                    onInput={(e) => setRetention(e.currentTarget.value)}
                    disabled={retentionLocked}
                    aria-describedby={retentionLocked ? 'retention-locked' : undefined}
                  />
                  {retentionWords[1]}
                </label>
                {retentionLocked ? (
                  // Said here, not with components/policy: that chunk here made the bundler put zod in with Preact,
                  // into a chunk every page (the removal panel too) loads.
                  <span class="hint" id="retention-locked">
                    {t('common_set_by_organization')}
                  </span>
                ) : (
                  <button type="submit">{t('audit_save')}</button>
                )}
              </form>
            </div>
          </section>
          {shown.length === 0 ? <p class="muted">{t('audit_no_match')}</p> : null}
          <ol class="entries">
            {shown.map((entry) => (
              <Entry key={entry.auditId} entry={entry} api={api} onChanged={load} />
            ))}
          </ol>
        </>
      ) : !error ? (
        <p>{t('audit_loading')}</p>
      ) : null}
    </main>
  );
}

function Entry(props: { entry: AuditEntry; api: AuditApi; onChanged: () => void }) {
  const { entry } = props;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RemovalReport | null>(null);
  const [error, setError] = useState<SerializedError | null>(null);
  const undoable = undoableBadges(entry);
  const who = [entry.userName, entry.userEmail].filter(Boolean).join(' · ') || t('audit_user_id', [entry.userId]);

  const undo = async () => {
    setBusy(true);
    try {
      setResult(await props.api.undoRemoval({ auditId: entry.auditId }));
      setConfirming(false);
    } catch (e) {
      setError(serializeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="card entry">
      <div class="entry-head">
        <strong>{entry.kind === 'undo' ? t('audit_kind_undo') : t('audit_kind_removal')}</strong>
        <span>{who}</span>
        <time class="muted" dateTime={new Date(entry.finishedAt).toISOString()}>
          {formatDate(entry.finishedAt)}
        </time>
      </div>
      <p class="muted">
        {t('audit_user_id', [entry.userId])}
        {entry.helpCenterId ? ` · ${entry.helpCenterName ?? t('audit_help_center')} ${entry.helpCenterId}` : ''} ·{' '}
        {t('audit_org_id', [entry.orgId])}
        {entry.route ? ` · ${ROUTE_LABELS[entry.route]}` : ''}
      </p>
      <ul class="entry-results">
        {entry.results.map((r) => (
          <li key={r.badgeId}>
            <span class="name">{r.name}</span> <span class="muted">({r.badgeId})</span>: {outcomeText(r.outcome)}
          </li>
        ))}
      </ul>
      {entry.undoneBy?.length ? <p class="muted">{t('audit_undone')}</p> : null}
      {result ? (
        <div class="br-root undo-result">
          <RemovalResult report={result} />
          <button type="button" onClick={props.onChanged}>
            {t('audit_refresh')}
          </button>
        </div>
      ) : undoable.length ? (
        confirming ? (
          <div class="confirm">
            <p>{plural('audit_undo_confirm', undoable.length, [undoable.length, who])}</p>
            <button type="button" class="danger" disabled={busy} onClick={undo}>
              {busy ? t('audit_reawarding') : t('audit_yes_undo')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {t('audit_cancel')}
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('audit_undo')}
          </button>
        )
      ) : null}
      {error ? (
        <div class="alert" role="alert">
          <p>{error.message}</p>
        </div>
      ) : null}
    </li>
  );
}
