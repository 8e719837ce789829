import { useEffect, useState } from 'preact/hooks';
import { PageAlert } from '../../components/common/Notices';
import { TurnedOffByOrganization } from '../../components/policy/Policy';
import { isLive } from '../../utils/bulk/report';
import type { BulkRun } from '../../utils/bulk/run-state';
import type { Client } from '../../utils/client';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { t } from '../../utils/platform/i18n';
import { Planner } from './Planner';
import { type RunApi, RunView } from './RunView';

export { TYPE_TO_CONFIRM_OVER } from '../../utils/bulk/dry-run';

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
      | 'getPolicy'
    >,
    RunApi {
  watchRun(onChange: (run: BulkRun | null) => void): () => void;
}

const SHOW_EVERY_MS = 250;

export function BulkApp({ api }: { api: BulkApi }) {
  const [run, setRun] = useState<BulkRun | null | undefined>(undefined);
  const [error, setError] = useState<SerializedError | null>(null);
  const [planning, setPlanning] = useState(false);
  /** The organization's policy turns bulk removal off: nothing can be planned, started or resumed (the worker refuses). */
  const [turnedOff, setTurnedOff] = useState(false);

  useEffect(() => {
    api.getPolicy().then(
      (policy) => setTurnedOff(policy.set.bulkRemovalAllowed === false),
      () => {},
    );
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

  const active = run && isLive(run);
  return (
    <main class="page wide">
      <h1>{t('bulk_heading')}</h1>
      <Lead />
      <PageAlert error={error} />
      {turnedOff ? <TurnedOffByOrganization what={t('bulk_heading')} /> : null}
      {run === undefined ? <p>{t('bulk_loading')}</p> : null}
      {run && !planning ? (
        <RunView api={api} run={run} onNew={active || turnedOff ? undefined : () => setPlanning(true)} />
      ) : null}
      {!turnedOff && (run === null || planning) ? (
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

/** The lead: one sentence around the link, so each language puts the link where its words go. */
function Lead() {
  const [before, after = ''] = t('bulk_lead', [LINK]).split(LINK);
  return (
    <p class="lead">
      {before}
      <a href="audit.html">{t('bulk_lead_audit_link')}</a>
      {after}
    </p>
  );
}

/** Stands for the link in the sentence: a private-use character, which no message holds and the browser passes as is. */
const LINK = '\uE000';
