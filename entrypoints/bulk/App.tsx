import { Component } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { PageAlert } from '../../components/common/Notices';
import { outcomeText } from '../../components/removal/RemovalResult';
import type { BulkPlanView } from '../../utils/bulk/requests';
import { type BulkItem, type BulkRun, CREDITS_PER_USER, countItems, spentCredits } from '../../utils/bulk/run';
import type { Client } from '../../utils/client';
import { toCsv } from '../../utils/platform/csv';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { isZohoId } from '../../utils/platform/ids';
import type { HelpCenterView } from '../../utils/platform/zoho/views';
import { BadgeChoice } from './BadgeChoice';

export interface BulkApi
  extends Pick<
    Client,
    | 'getStatus'
    | 'listHelpCenters'
    | 'listOrganizationBadges'
    | 'prepareBulk'
    | 'startBulk'
    | 'getBulkRun'
    | 'controlBulk'
    | 'undoBulk'
  > {
  watchRun(onChange: (run: BulkRun | null) => void): () => void;
  download(name: string, text: string): void;
  now(): number;
}

const SHOW_EVERY_MS = 250;

/** Above this many users, the admin types the number to confirm. */
export const TYPE_TO_CONFIRM_OVER = 10;

export function BulkApp({ api }: { api: BulkApi }) {
  const [run, setRun] = useState<BulkRun | null | undefined>(undefined);
  const [error, setError] = useState<SerializedError | null>(null);
  const [planning, setPlanning] = useState(false);

  useEffect(() => {
    api.getBulkRun().then(setRun, (e) => setError(serializeError(e)));
    // A run changes many times a second; the page shows the newest state at most every SHOW_EVERY_MS,
    // so drawing the table does not take the machine's time from the run itself.
    let latest: BulkRun | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = api.watchRun((next) => {
      latest = next;
      timer ??= setTimeout(() => {
        timer = null;
        setRun(latest);
      }, SHOW_EVERY_MS);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, []);

  // While a run works, a periodic word keeps the service worker awake (and wakes it if Chrome stopped it).
  useEffect(() => {
    if (run?.status !== 'running') return;
    const timer = setInterval(() => void api.getBulkRun().catch(() => {}), 5_000);
    return () => clearInterval(timer);
  }, [run?.status]);

  const active = run && (run.status === 'running' || run.status === 'paused');
  return (
    <main class="page wide">
      <h1>Bulk removal</h1>
      <p class="lead">
        Remove badges from many Help Center users at once. A dry run shows exactly who loses what before anything
        changes; the run can be paused, resumed or cancelled, survives a browser restart, and every removal is verified
        and recorded in the <a href="audit.html">audit log</a>.
      </p>
      <PageAlert error={error} />
      {run === undefined ? <p>Loading…</p> : null}
      {run && !planning ? <RunView api={api} run={run} onNew={active ? undefined : () => setPlanning(true)} /> : null}
      {run === null || planning ? (
        <Planner
          api={api}
          onStarted={(r) => {
            setRun(r);
            setPlanning(false);
          }}
        />
      ) : null}
    </main>
  );
}

type Source = 'list' | 'holders';

function Planner(props: { api: BulkApi; onStarted: (run: BulkRun) => void }) {
  const { api } = props;
  const [source, setSource] = useState<Source>('list');
  const [text, setText] = useState('');
  const [helpCenters, setHelpCenters] = useState<HelpCenterView[]>([]);
  const [helpCenterId, setHelpCenterId] = useState('');
  const [badge, setBadge] = useState('');
  const [plan, setPlan] = useState<BulkPlanView | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SerializedError | null>(null);

  // Until Zoho has listed the help centers there is nothing to choose, and a dry run would go without one.
  const [helpCentersLoaded, setHelpCentersLoaded] = useState(false);
  useEffect(() => {
    api
      .listHelpCenters()
      .then(
        (list) => {
          setHelpCenters(list);
          setHelpCenterId(list[0]?.id ?? '');
        },
        () => setHelpCenters([]),
      )
      .finally(() => setHelpCentersLoaded(true));
  }, []);

  const dryRun = async (event: Event) => {
    event.preventDefault();
    const hc = isZohoId(helpCenterId) ? helpCenterId : undefined;
    if (source === 'holders' && !hc) {
      setError({ kind: 'invalid-request', message: 'Choose the help center, or type its ID (digits only).' });
      return;
    }
    if (source === 'holders' && !badge.trim()) {
      setError({ kind: 'invalid-request', message: 'Choose the badge whose holders lose it, or type its name or ID.' });
      return;
    }
    setBusy(true);
    setError(null);
    setPlan(null);
    try {
      const result =
        source === 'holders'
          ? await api.prepareBulk({ kind: 'holders', helpCenterId: hc!, badge })
          : await api.prepareBulk({ kind: 'list', text, ...(hc ? { helpCenterId: hc } : {}) });
      setPlan(result);
      // Holders of one badge lose that badge; for a list the admin picks from what the users hold.
      const wanted = badge.trim().toLowerCase();
      setChosen(
        new Set(
          source === 'holders'
            ? result.users.flatMap((u) =>
                u.badges.filter((b) => b.id === wanted || b.name.toLowerCase() === wanted).map((b) => b.id),
              )
            : [],
        ),
      );
    } catch (e) {
      setError(serializeError(e));
    } finally {
      setBusy(false);
    }
  };

  const catalogue = useMemo(() => {
    const byId = new Map<string, { id: string; name: string; holders: number }>();
    for (const u of plan?.users ?? []) {
      for (const b of u.badges) {
        const entry = byId.get(b.id) ?? { id: b.id, name: b.name, holders: 0 };
        entry.holders++;
        byId.set(b.id, entry);
      }
    }
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [plan]);

  const rows = (plan?.users ?? [])
    .map((u) => ({ user: u, losing: u.badges.filter((b) => chosen.has(b.id)) }))
    .filter((r) => r.losing.length > 0);
  const removals = rows.reduce((n, r) => n + r.losing.length, 0);
  const needsTyping = rows.length > TYPE_TO_CONFIRM_OVER;
  const confirmed = rows.length > 0 && (!needsTyping || typed.trim() === String(rows.length));

  const start = async () => {
    setBusy(true);
    try {
      props.onStarted(
        await api.startBulk({
          ...(plan?.helpCenterId ? { helpCenterId: plan.helpCenterId } : {}),
          // The dry run's reads: each untouched user then costs the removal and its read-back, no first read.
          ...(plan ? { plannedAt: plan.plannedAt } : {}),
          items: rows.map((r) => ({
            userId: r.user.userId,
            ...(r.user.email ? { email: r.user.email } : {}),
            name: r.user.name,
            badgeIds: r.losing.map((b) => b.id),
            held: r.user.badges.map((b) => ({ id: b.id, name: b.name })),
          })),
        }),
      );
    } catch (e) {
      setError(serializeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section class="card" aria-labelledby="who">
        <h2 id="who">1. Who</h2>
        <form onSubmit={dryRun}>
          <fieldset>
            <legend>Users</legend>
            <label class="radio">
              <input type="radio" name="source" checked={source === 'list'} onChange={() => setSource('list')} />
              Emails or user IDs (paste, or upload a CSV)
            </label>
            <label class="radio">
              <input type="radio" name="source" checked={source === 'holders'} onChange={() => setSource('holders')} />
              Every user in a help center who holds a badge
            </label>
          </fieldset>
          <div class="field">
            <label for="hc">Help center</label>
            {!helpCentersLoaded ? (
              <select id="hc" disabled>
                <option>Loading help centers…</option>
              </select>
            ) : helpCenters.length ? (
              <select id="hc" value={helpCenterId} onChange={(e) => setHelpCenterId(e.currentTarget.value)}>
                {helpCenters.map((hc) => (
                  <option key={hc.id} value={hc.id}>
                    {hc.name}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id="hc"
                inputMode="numeric"
                placeholder="Help center ID"
                value={helpCenterId}
                onInput={(e) => setHelpCenterId(e.currentTarget.value.trim())}
              />
            )}
          </div>
          {source === 'list' ? (
            <div class="field">
              <label for="list">Emails or user IDs, one per line, or CSV with an email or user ID column</label>
              <textarea
                id="list"
                rows={6}
                value={text}
                onInput={(e) => setText(e.currentTarget.value)}
                spellcheck={false}
              />
              <label for="csv-file" class="hint">
                Or upload a CSV file
              </label>
              <input
                id="csv-file"
                type="file"
                accept=".csv,text/csv,text/plain"
                onChange={async (e) => {
                  const file = e.currentTarget.files?.[0];
                  if (file) setText(await file.text());
                }}
              />
            </div>
          ) : (
            <BadgeChoice listBadges={api.listOrganizationBadges} value={badge} onChange={setBadge} />
          )}
          <PageAlert error={error} />
          <button type="submit" class="primary" disabled={busy || !helpCentersLoaded}>
            {busy && !plan ? 'Reading users and badges…' : 'Dry run'}
          </button>
        </form>
      </section>

      {plan ? (
        <section class="card" aria-labelledby="what">
          <h2 id="what">2. Dry run: who loses which badges</h2>
          {source === 'list' ? (
            <fieldset>
              <legend>Badges to remove</legend>
              {catalogue.length === 0 ? <p class="muted">These users hold no badges.</p> : null}
              {catalogue.map((b) => (
                <label key={b.id} class="radio">
                  <input
                    type="checkbox"
                    checked={chosen.has(b.id)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.currentTarget.checked) next.add(b.id);
                      else next.delete(b.id);
                      setChosen(next);
                    }}
                  />
                  {b.name} <span class="muted">({b.holders} holders)</span>
                </label>
              ))}
            </fieldset>
          ) : null}
          <p role="status">
            <strong>
              {rows.length} users lose {removals} badges.
            </strong>{' '}
            <span class="muted">
              Estimated API credits for the run: about {rows.length * CREDITS_PER_USER} (two calls per user: the removal
              and its read-back; this dry run's reads are spent already). {plan.skipped.length} skipped.
            </span>
          </p>
          <table class="plan">
            <thead>
              <tr>
                <th>User</th>
                <th>Email</th>
                <th>Loses</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.user.userId}>
                  <td>
                    {r.user.name} <span class="muted">{r.user.userId}</span>
                  </td>
                  <td>{r.user.email ?? ''}</td>
                  <td>{r.losing.map((b) => b.name).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {plan.skipped.length ? (
            <details open>
              <summary>Skipped ({plan.skipped.length})</summary>
              <ul>
                {plan.skipped.map((s) => (
                  <li key={s.input}>
                    {s.input}: {s.reason}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {needsTyping ? (
            <div class="field">
              <label for="confirm-count">Type {rows.length} to confirm</label>
              <input
                id="confirm-count"
                inputMode="numeric"
                value={typed}
                onInput={(e) => setTyped(e.currentTarget.value)}
              />
            </div>
          ) : null}
          <button type="button" class="danger" disabled={!confirmed || busy} onClick={start}>
            Remove badges from {rows.length} users
          </button>
        </section>
      ) : null}
    </>
  );
}

function RunView(props: { api: BulkApi; run: BulkRun; onNew?: () => void }) {
  const { api, run } = props;
  const counts = countItems(run);
  const done = counts.total - counts.remaining;
  const [error, setError] = useState<SerializedError | null>(null);
  const [undone, setUndone] = useState<string | null>(null);
  const elapsed = (run.finishedAt ?? api.now()) - run.createdAt;
  const eta = done > 0 && counts.remaining > 0 ? Math.round(((elapsed / done) * counts.remaining) / 1000) : null;
  const act = (action: 'pause' | 'resume' | 'cancel') =>
    api.controlBulk({ action }).catch((e) => setError(serializeError(e)));

  const csv = () =>
    toCsv([
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

  return (
    <section class="card" aria-labelledby="run-title">
      <h2 id="run-title">
        Bulk run:{' '}
        {run.status === 'running'
          ? 'running'
          : run.status === 'paused'
            ? 'paused'
            : run.status === 'cancelled'
              ? 'cancelled'
              : 'done'}
      </h2>
      <progress max={counts.total} value={done} aria-label="Progress" />
      <p role="status" class="counts">
        {counts.removed} removed · {counts.failed} failed · {counts.skipped} skipped · {counts.remaining} remaining
        {eta !== null && run.status === 'running' ? ` · about ${eta} s left` : ''}
      </p>
      {run.credits ? (
        <p class="muted" data-testid="run-credits">
          API credits spent so far: {spentCredits(run.credits).toLocaleString()} · {run.credits.left.toLocaleString()}{' '}
          left today (as Zoho counts them, other API use in the organization included)
        </p>
      ) : null}
      {run.pauseReason ? <p class="warning">Paused: {run.pauseReason}</p> : null}
      <PageAlert error={error} />
      <div class="toolbar">
        {run.status === 'running' ? (
          <button type="button" onClick={() => act('pause')}>
            Pause
          </button>
        ) : null}
        {run.status === 'paused' ? (
          <button type="button" class="primary" onClick={() => act('resume')}>
            Resume
          </button>
        ) : null}
        {run.status === 'running' || run.status === 'paused' ? (
          <button type="button" class="danger" onClick={() => act('cancel')}>
            Cancel
          </button>
        ) : null}
        <button type="button" onClick={() => api.download(`bulk-run-${run.id}.csv`, csv())}>
          Download results (CSV)
        </button>
        {(run.status === 'done' || run.status === 'cancelled') && counts.removed > 0 ? (
          <button
            type="button"
            onClick={async () => {
              try {
                const t = await api.undoBulk({ runId: run.id });
                setUndone(`Undo: ${t.restored} badges re-awarded, ${t.skipped} skipped, ${t.failed} failed.`);
              } catch (e) {
                setError(serializeError(e));
              }
            }}
          >
            Undo this run
          </button>
        ) : null}
        {props.onNew ? (
          <button type="button" onClick={props.onNew}>
            New bulk removal
          </button>
        ) : null}
      </div>
      {undone ? <p role="status">{undone}</p> : null}
      <table class="plan">
        <thead>
          <tr>
            <th>User</th>
            <th>State</th>
            <th>Detail</th>
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
        <td>{item.state}</td>
        <td>
          {item.reason ??
            (item.results ? item.results.map((r) => `${r.name}: ${outcomeText(r.outcome)}`).join('; ') : '')}
        </td>
      </tr>
    );
  }
}
