import { useEffect, useState } from 'preact/hooks';
import { PageAlert } from '../../components/common/Notices';
import { type BulkSource, dryRunRequest, firstChoice, losses, startRequest } from '../../utils/bulk/dry-run';
import type { BulkPlanView } from '../../utils/bulk/requests';
import type { BulkRun } from '../../utils/bulk/run-state';
import type { Client } from '../../utils/client';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { t } from '../../utils/platform/i18n';
import type { HelpCenterView } from '../../utils/platform/zoho/views';
import { BadgeChoice } from './BadgeChoice';
import { DryRunPreview } from './DryRunPreview';

export type PlannerApi = Pick<Client, 'listHelpCenters' | 'listOrganizationBadges' | 'prepareBulk' | 'startBulk'>;

/**
 * The help centers Zoho lists, the first chosen. Until Zoho has listed them there is nothing to choose, and a dry run
 * would go without one.
 */
function useHelpCenters(api: Pick<PlannerApi, 'listHelpCenters'>) {
  const [helpCenters, setHelpCenters] = useState<HelpCenterView[]>([]);
  const [helpCenterId, setHelpCenterId] = useState('');
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
  return { helpCenters, helpCenterId, setHelpCenterId, helpCentersLoaded };
}

/** Step 1, who, and its dry run (step 2), from which the run starts. */
export function Planner(props: { api: PlannerApi; onStarted: (run: BulkRun) => void }) {
  const { api } = props;
  const [source, setSource] = useState<BulkSource>('list');
  const [text, setText] = useState('');
  const { helpCenters, helpCenterId, setHelpCenterId, helpCentersLoaded } = useHelpCenters(api);
  const [badge, setBadge] = useState('');
  const [plan, setPlan] = useState<BulkPlanView | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SerializedError | null>(null);

  const dryRun = async (event: Event) => {
    event.preventDefault();
    const asked = dryRunRequest({ source, text, helpCenterId, badge });
    if ('problem' in asked) {
      setError({ kind: 'invalid-request', message: asked.problem });
      return;
    }
    setBusy(true);
    setError(null);
    setPlan(null);
    try {
      const result = await api.prepareBulk(asked.request);
      setPlan(result);
      setChosen(firstChoice(source, badge, result.users));
    } catch (e) {
      setError(serializeError(e));
    } finally {
      setBusy(false);
    }
  };

  const rows = losses(plan?.users ?? [], chosen);

  const start = async () => {
    if (!plan) return;
    setBusy(true);
    try {
      props.onStarted(await api.startBulk(startRequest(plan, rows)));
    } catch (e) {
      setError(serializeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section class="card" aria-labelledby="who">
        <h2 id="who">{t('bulk_who_heading')}</h2>
        <form onSubmit={dryRun}>
          <fieldset>
            <legend>{t('bulk_users_legend')}</legend>
            <label class="radio">
              <input type="radio" name="source" checked={source === 'list'} onChange={() => setSource('list')} />
              {t('bulk_source_list')}
            </label>
            <label class="radio">
              <input type="radio" name="source" checked={source === 'holders'} onChange={() => setSource('holders')} />
              {t('bulk_source_holders')}
            </label>
          </fieldset>
          <div class="field">
            <label for="hc">{t('bulk_help_center_label')}</label>
            {!helpCentersLoaded ? (
              <select id="hc" disabled>
                <option>{t('bulk_help_centers_loading')}</option>
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
                placeholder={t('bulk_help_center_id_placeholder')}
                value={helpCenterId}
                onInput={(e) => setHelpCenterId(e.currentTarget.value.trim())}
              />
            )}
          </div>
          {source === 'list' ? (
            <div class="field">
              <label for="list">{t('bulk_list_label')}</label>
              <textarea
                id="list"
                rows={6}
                value={text}
                onInput={(e) => setText(e.currentTarget.value)}
                spellcheck={false}
              />
              <label for="csv-file" class="hint">
                {t('bulk_csv_upload_label')}
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
            {busy && !plan ? t('bulk_dry_run_reading') : t('bulk_dry_run_button')}
          </button>
        </form>
      </section>

      {plan ? (
        <DryRunPreview
          plan={plan}
          pick={source === 'list'}
          chosen={chosen}
          onChoose={setChosen}
          rows={rows}
          typed={typed}
          onType={setTyped}
          busy={busy}
          onStart={start}
        />
      ) : null}
    </>
  );
}
