/** Advanced settings: the removal route, calls at once, the admin's page patterns, the control's anchor, the panel's window. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { PageAlert } from '../../components/common/Notices';
import { SetByOrganization } from '../../components/policy/Policy';
import { planAdvancedSave } from '../../utils/advanced-form';
import { BULK_CONCURRENCY } from '../../utils/bulk/settings';
import type { Client } from '../../utils/client';
import { PAGE_KIND_CATALOG, pageKindNames } from '../../utils/page/kind-catalog';
import { patternEditorText } from '../../utils/page/pattern-list';
import { PLACEHOLDERS } from '../../utils/page/url-pattern';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { t } from '../../utils/platform/i18n';
import { describeOperation } from '../../utils/platform/zoho/desk-api';
import type { ManagedPolicy } from '../../utils/policy/policy';
import type { RouteSetting } from '../../utils/removal/routes';
import type { SettingsView } from '../../utils/settings';
import { RadioChoices } from './RadioChoices';

export type AdvancedApi = Pick<Client, 'saveSettings'>;

const routes = (): [RouteSetting, string, string][] => [
  ['auto', t('options_route_auto'), t('options_route_auto_hint')],
  [
    'users-dissociate',
    t('options_route_users_dissociate'),
    t('options_route_users_dissociate_hint', [describeOperation('dissociateBadgesFromUsers')]),
  ],
  [
    'helpcenter-delete',
    t('options_route_helpcenter_delete'),
    t('options_route_helpcenter_delete_hint', [describeOperation('deleteHelpCenterUserBadges')]),
  ],
];

// The page's own parser: a selector this browser cannot read is refused before saving.
const parseSelector = (selector: string) => document.createDocumentFragment().querySelector(selector);

export function Advanced(props: {
  api: AdvancedApi;
  settings: SettingsView;
  onSettings: (s: SettingsView) => void;
  /** A line to add to the patterns, for the admin to finish and save. */
  addPattern?: string;
  /** What the organization's policy sets: the removal route shows its value, locked. */
  policy?: ManagedPolicy;
}) {
  const routeLocked = props.policy?.removalRoute !== undefined;
  const [route, setRoute] = useState<RouteSetting>(props.settings.removalRoute);
  const [concurrency, setConcurrency] = useState(String(props.settings.bulkConcurrency));
  const [patterns, setPatterns] = useState(patternEditorText(props.settings.customPagePatterns, props.addPattern));
  const [anchorSelector, setAnchorSelector] = useState(props.settings.anchorSelector);
  const [panelWindow, setPanelWindow] = useState(props.settings.panelWindowWhereUnchecked);
  const patternsField = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!props.addPattern) return;
    patternsField.current?.scrollIntoView({ block: 'center' });
    patternsField.current?.focus();
  }, []);
  const [lineErrors, setLineErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<SerializedError | null>(null);

  const save = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    setError(null);
    const plan = planAdvancedSave(
      { route, concurrency, patterns, anchorSelector, panelWindowWhereUnchecked: panelWindow },
      parseSelector,
    );
    setLineErrors(plan.problems);
    if (!plan.input) return;
    try {
      props.onSettings(await props.api.saveSettings(plan.input));
      setSaved(true);
    } catch (e) {
      setError(serializeError(e));
    }
  };

  return (
    <section class="card" aria-labelledby="advanced-title">
      <h2 id="advanced-title">{t('options_advanced_title')}</h2>
      <form onSubmit={save}>
        <RadioChoices
          legend={t('options_route')}
          name="route"
          value={route}
          onChange={setRoute}
          choices={routes()}
          disabled={routeLocked}
          describedBy={routeLocked ? 'route-locked' : undefined}
        />
        {routeLocked ? <SetByOrganization id="route-locked" /> : null}
        <div class="field">
          <label for="concurrency">{t('options_concurrency')}</label>
          <input
            id="concurrency"
            type="number"
            min={BULK_CONCURRENCY.min}
            max={BULK_CONCURRENCY.max}
            value={concurrency}
            onInput={(e) => setConcurrency(e.currentTarget.value)}
            aria-describedby="concurrency-hint"
          />
          <p class="hint" id="concurrency-hint">
            {t('options_concurrency_hint')}
          </p>
        </div>
        <div class="field">
          <label for="patterns">{t('options_patterns')}</label>
          <textarea
            ref={patternsField}
            id="patterns"
            rows={4}
            value={patterns}
            onInput={(e) => setPatterns(e.currentTarget.value)}
            spellcheck={false}
            aria-describedby="patterns-hint patterns-errors"
            aria-invalid={lineErrors.length ? true : undefined}
          />
          <div id="patterns-errors">
            {lineErrors.map((e) => (
              <p class="field-error" key={e}>
                {e}
              </p>
            ))}
          </div>
          <div class="hint" id="patterns-hint">
            {props.addPattern ? <p>{t('options_patterns_came_from')}</p> : null}
            {t('options_patterns_hint', [[...PLACEHOLDERS.map((p) => `{${p}}`), '{*}'].join(', ')])}
            <ul>
              {pageKindNames
                .flatMap((kind) => PAGE_KIND_CATALOG[kind].builtIns)
                .map((p) => (
                  <li key={p}>
                    <code>{p}</code>
                  </li>
                ))}
            </ul>
          </div>
        </div>
        <div class="field">
          <label for="anchor">{t('options_anchor')}</label>
          <input
            id="anchor"
            type="text"
            value={anchorSelector}
            onInput={(e) => setAnchorSelector(e.currentTarget.value)}
            spellcheck={false}
            placeholder={t('common_for_example', ['.profile-header h2'])}
            aria-describedby="anchor-hint"
          />
          <p class="hint" id="anchor-hint">
            {t('options_anchor_hint')}
          </p>
        </div>
        <div class="field">
          <label class="radio">
            <input
              type="checkbox"
              checked={panelWindow}
              onChange={(e) => setPanelWindow(e.currentTarget.checked)}
              aria-describedby="panel-window-hint"
            />
            {t('options_panel_window')}
          </label>
          {panelWindow ? (
            <p class="hint" id="panel-window-hint">
              {t('options_panel_window_on_hint')}
            </p>
          ) : (
            <p class="warning" id="panel-window-hint">
              {t('options_panel_window_off_warning')}
            </p>
          )}
        </div>
        <PageAlert error={error} />
        <button type="submit">{t('options_advanced_save')}</button>
        {saved ? (
          <span class="saved" role="status">
            {' '}
            {t('common_saved')}
          </span>
        ) : null}
      </form>
    </section>
  );
}
