/** Advanced settings: the removal route, calls at once, the admin's page patterns, the control's anchor, the panel's window. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { PageAlert } from '../../components/common/Notices';
import { SetByOrganization } from '../../components/policy/Policy';
import type { Client } from '../../utils/client';
import type { SettingsView } from '../../utils/connection/requests';
import { planAdvancedSave } from '../../utils/connection/settings-form';
import { BULK_CONCURRENCY } from '../../utils/connection/stored';
import { PAGE_KIND_CATALOG, pageKindNames } from '../../utils/page/kind-catalog';
import { patternEditorText } from '../../utils/page/pattern-list';
import { PLACEHOLDERS } from '../../utils/page/url-pattern';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { describeOperation } from '../../utils/platform/zoho/desk-api';
import type { RouteSetting } from '../../utils/platform/zoho/removal-routes';
import type { ManagedPolicy } from '../../utils/policy/policy';
import { RadioChoices } from './RadioChoices';

export type AdvancedApi = Pick<Client, 'saveSettings'>;

const ROUTES: [RouteSetting, string, string][] = [
  [
    'auto',
    'Automatic (recommended)',
    "Zoho's documented Users dissociate; the Help Center DELETE only where dissociate is missing. Remembers what works.",
  ],
  [
    'users-dissociate',
    'Users dissociate',
    `${describeOperation('dissociateBadgesFromUsers')} only: the call in Zoho's own API spec.`,
  ],
  [
    'helpcenter-delete',
    'Help Center DELETE',
    `${describeOperation('deleteHelpCenterUserBadges')} only: described by integrators, in none of Zoho's spec files.`,
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
      <h2 id="advanced-title">Advanced</h2>
      <form onSubmit={save}>
        <RadioChoices
          legend="Removal route"
          name="route"
          value={route}
          onChange={setRoute}
          choices={ROUTES}
          disabled={routeLocked}
          describedBy={routeLocked ? 'route-locked' : undefined}
        />
        {routeLocked ? <SetByOrganization id="route-locked" /> : null}
        <div class="field">
          <label for="concurrency">Calls to Zoho at once (bulk removal)</label>
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
            Keep it at or under your edition's limit: Free 5, Express and Standard 10, Professional 15, Enterprise 25.
          </p>
        </div>
        <div class="field">
          <label for="patterns">Help Center user page URL patterns (one per line)</label>
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
            {props.addPattern ? (
              <p>
                The last line is the page you came from. Replace the numbers that change from page to page with
                placeholders, then save.
              </p>
            ) : null}
            For Desk pages the built-in shapes miss. Placeholders: {PLACEHOLDERS.map((p) => `{${p}}`).join(', ')},{' '}
            {'{*}'}. Built in:
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
          <label for="anchor">Put the Remove badges button after (CSS selector, optional)</label>
          <input
            id="anchor"
            type="text"
            value={anchorSelector}
            onInput={(e) => setAnchorSelector(e.currentTarget.value)}
            spellcheck={false}
            placeholder="e.g. .profile-header h2"
            aria-describedby="anchor-hint"
          />
          <p class="hint" id="anchor-hint">
            Leave empty to let the extension choose: next to the user's name or email, else the page's first heading,
            else a button in a free corner of the window.
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
            Open the removal panel in a window of its own where the browser cannot tell whether the Desk page covers it
            (Firefox)
          </label>
          {panelWindow ? (
            <p class="hint" id="panel-window-hint">
              Chrome and Edge show it in the Desk page and let it act only while nothing covers it.
            </p>
          ) : (
            <p class="warning" id="panel-window-hint">
              Off: in Firefox a Desk page could hide the panel and trick your clicks into removing badges.
            </p>
          )}
        </div>
        <PageAlert error={error} />
        <button type="submit">Save advanced settings</button>
        {saved ? (
          <span class="saved" role="status">
            {' '}
            Saved.
          </span>
        ) : null}
      </form>
    </section>
  );
}
