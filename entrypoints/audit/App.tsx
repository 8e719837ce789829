import { useEffect, useState } from 'preact/hooks';
import { RemovalResult } from '../../components/removal/RemovalResult';
import { type AuditFilter, auditToCsv, filterAudit, undoableBadges } from '../../utils/audit/audit-view';
import type { AuditLogView } from '../../utils/audit/requests';
import type { AuditEntry } from '../../utils/audit/stored';
import type { Client } from '../../utils/client';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { SET_BY_ORGANIZATION } from '../../utils/policy/words';
import { outcomeText, type RemovalReport } from '../../utils/removal/report';
import { ROUTE_LABELS } from '../../utils/removal/routes';

export interface AuditApi extends Pick<Client, 'getAuditLog' | 'undoRemoval' | 'setAuditRetention' | 'getPolicy'> {
  download(name: string, type: string, text: string): void;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

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

  const shown = log ? filterAudit(log.entries, filter).slice().reverse() : [];
  const stamp = new Date().toISOString().slice(0, 10);
  const field = (key: keyof AuditFilter) => ({
    value: filter[key] ?? '',
    onInput: (e: Event) => setFilter({ ...filter, [key]: (e.currentTarget as HTMLInputElement).value || undefined }),
  });

  return (
    <main class="page wide">
      <h1>Audit log</h1>
      <p class="lead">
        Every removal and undo made with this extension, kept on this computer. Undo re-awards only what a removal took
        away and the user still lacks.
      </p>
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
                User <input type="search" placeholder="ID, email or name" {...field('user')} />
              </label>
              <label>
                Badge <input type="search" placeholder="ID or name" {...field('badge')} />
              </label>
              <label>
                From <input type="date" {...field('from')} />
              </label>
              <label>
                To <input type="date" {...field('to')} />
              </label>
            </div>
            <p class="muted" role="status">
              {shown.length} of {log.entries.length} entries
              {log.bytesInUse !== undefined ? ` · ${kb(log.bytesInUse)} of local storage` : ''}
            </p>
            <div class="toolbar">
              <button
                type="button"
                onClick={() => api.download(`badge-remover-audit-${stamp}.csv`, 'text/csv', auditToCsv(shown))}
              >
                Export CSV
              </button>
              <button
                type="button"
                onClick={() =>
                  api.download(`badge-remover-audit-${stamp}.json`, 'application/json', JSON.stringify(shown, null, 2))
                }
              >
                Export JSON
              </button>
              <form
                class="retention"
                onSubmit={async (e) => {
                  e.preventDefault();
                  const days = Number(retention);
                  if (!Number.isInteger(days) || days < 1 || days > 3650) {
                    return setError({ kind: 'invalid-request', message: 'Keep entries between 1 and 3650 days.' });
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
                  Keep entries for{' '}
                  <input
                    type="number"
                    min={1}
                    max={3650}
                    value={retention}
                    onInput={(e) => setRetention(e.currentTarget.value)}
                    disabled={retentionLocked}
                    aria-describedby={retentionLocked ? 'retention-locked' : undefined}
                  />{' '}
                  days
                </label>
                {retentionLocked ? (
                  // Said here, not with components/policy: that chunk here made the bundler put zod in with Preact,
                  // into a chunk every page (the removal panel too) loads.
                  <span class="hint" id="retention-locked">
                    {SET_BY_ORGANIZATION}
                  </span>
                ) : (
                  <button type="submit">Save</button>
                )}
              </form>
            </div>
          </section>
          {shown.length === 0 ? <p class="muted">No entries match.</p> : null}
          <ol class="entries">
            {shown.map((entry) => (
              <Entry key={entry.auditId} entry={entry} api={api} onChanged={load} />
            ))}
          </ol>
        </>
      ) : !error ? (
        <p>Loading…</p>
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
  const who = [entry.userName, entry.userEmail].filter(Boolean).join(' · ') || `User ${entry.userId}`;

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
        <strong>{entry.kind === 'undo' ? 'Undo' : 'Removal'}</strong>
        <span>{who}</span>
        <time class="muted" dateTime={new Date(entry.finishedAt).toISOString()}>
          {new Date(entry.finishedAt).toLocaleString()}
        </time>
      </div>
      <p class="muted">
        User {entry.userId}
        {entry.helpCenterId ? ` · ${entry.helpCenterName ?? 'Help Center'} ${entry.helpCenterId}` : ''} · Org{' '}
        {entry.orgId}
        {entry.route ? ` · ${ROUTE_LABELS[entry.route]}` : ''}
      </p>
      <ul class="entry-results">
        {entry.results.map((r) => (
          <li key={r.badgeId}>
            <span class="name">{r.name}</span> <span class="muted">({r.badgeId})</span>: {outcomeText(r.outcome)}
          </li>
        ))}
      </ul>
      {entry.undoneBy?.length ? <p class="muted">Undone.</p> : null}
      {result ? (
        <div class="br-root undo-result">
          <RemovalResult report={result} />
          <button type="button" onClick={props.onChanged}>
            Refresh the log
          </button>
        </div>
      ) : undoable.length ? (
        confirming ? (
          <div class="confirm">
            <p>
              Re-award {undoable.length === 1 ? '1 badge' : `${undoable.length} badges`} to {who}? Badges the user holds
              again already are left as they are.
            </p>
            <button type="button" class="danger" disabled={busy} onClick={undo}>
              {busy ? 'Re-awarding…' : 'Yes, undo'}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Undo
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
