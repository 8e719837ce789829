import { useEffect, useRef, useState } from 'preact/hooks';
import { CopyableId } from '../../components/common/CopyableId';
import { PageAlert } from '../../components/common/Notices';
import { ZohoAccessNotice } from '../../components/connection/ZohoAccessNotice';
import type { Client } from '../../utils/client';
import { clientIdProblem } from '../../utils/connection/client-id';
import type { OrganizationView } from '../../utils/connection/organizations';
import { DEFAULT_FORGET, type SettingsView, type StatusView } from '../../utils/connection/requests';
import type { ZohoAccessApi } from '../../utils/connection/zoho-access';
import { anchorSelectorProblem } from '../../utils/page/anchor';
import { BUILT_IN_HELPCENTER_USER_PATTERNS } from '../../utils/page/helpcenter-user';
import { compilePattern } from '../../utils/page/url-pattern';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { CLIENT_TYPE_INFO, CLIENT_TYPES, type ClientType } from '../../utils/platform/zoho/client-types';
import { DATA_CENTERS } from '../../utils/platform/zoho/datacenters';
import type { RouteSetting } from '../../utils/platform/zoho/removal-routes';
import { CheckSetup, type CheckSetupApi } from './CheckSetup';
import { DeskAddresses, type DeskAddressesApi } from './DeskAddresses';

export interface OptionsApi
  extends CheckSetupApi,
    DeskAddressesApi,
    ZohoAccessApi,
    Pick<
      Client,
      | 'getStatus'
      | 'getSettings'
      | 'saveSettings'
      | 'connect'
      | 'disconnect'
      | 'listOrganizations'
      | 'chooseOrganization'
    > {}

export function OptionsApp({
  api,
  addPattern,
  reconnectNow,
  addAddress,
}: {
  api: OptionsApi;
  addPattern?: string;
  reconnectNow?: boolean;
  /** From the popup on an unrecognized Desk page: the address to offer. */
  addAddress?: string;
}) {
  const [status, setStatus] = useState<StatusView | null>(null);
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState<SerializedError | null>(null);

  const reload = async () => {
    try {
      const [s, st] = await Promise.all([api.getStatus(), api.getSettings()]);
      setStatus(s);
      setSettings(st);
      setLoadError(null);
    } catch (e) {
      setLoadError(serializeError(e));
    }
  };
  useEffect(() => {
    void reload();
  }, []);

  return (
    <main class="page">
      <h1>Badge Remover for Zoho Desk</h1>
      <p class="lead">
        Connect the extension to your Zoho Desk organization, then remove community badges from Help Center users right
        on their pages.
      </p>
      <ZohoAccessNotice api={api} skin="page" />
      <PageAlert error={loadError} />
      {status && settings ? (
        <>
          {status.connection === 'disconnected' ? (
            <ConnectForm api={api} status={status} settings={settings} onStatus={setStatus} onSettings={setSettings} />
          ) : (
            <Connection
              api={api}
              status={status}
              onStatus={setStatus}
              settings={settings}
              onSettings={setSettings}
              reconnectNow={reconnectNow}
            />
          )}
          {status.connection === 'connected' ? <CheckSetup api={api} /> : null}
          <DeskAddresses api={api} addresses={settings.deskAddresses} onSettings={setSettings} suggested={addAddress} />
          <Advanced api={api} settings={settings} onSettings={setSettings} addPattern={addPattern} />
        </>
      ) : !loadError ? (
        <p>Loading…</p>
      ) : null}
    </main>
  );
}

function ConnectForm(props: {
  api: OptionsApi;
  status: StatusView;
  settings: SettingsView;
  onStatus: (s: StatusView) => void;
  onSettings: (s: SettingsView) => void;
  reconnect?: boolean;
  /** Start connecting at once, with the saved settings. */
  autoStart?: boolean;
}) {
  const { api, status, settings } = props;
  const [clientType, setClientType] = useState<ClientType>(settings.clientType);
  const [clientId, setClientId] = useState(settings.clientId);
  const [secret, setSecret] = useState('');
  const [secretProblem, setSecretProblem] = useState<string | null>(null);
  const info = CLIENT_TYPE_INFO[clientType];
  const [dataCenter, setDataCenter] = useState<string>(settings.dataCenter);
  const [idProblem, setIdProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SerializedError | null>(null);

  const connect = async (event?: Event) => {
    event?.preventDefault();
    const problem = clientIdProblem(clientId);
    const missingSecret =
      info.secret === 'required' && !secret.trim() && !settings.hasClientSecret
        ? `A ${info.label} client needs its client secret.`
        : null;
    setIdProblem(problem);
    setSecretProblem(missingSecret);
    setError(null);
    if (problem || missingSecret) return;
    setBusy(true);
    try {
      props.onSettings(
        await api.saveSettings({
          clientType,
          clientId,
          dataCenter,
          ...(secret.trim() ? { clientSecret: secret } : {}),
        }),
      );
      props.onStatus(await api.connect());
    } catch (e) {
      setError(serializeError(e));
    } finally {
      setBusy(false);
    }
  };

  const started = useRef(false);
  useEffect(() => {
    if (props.autoStart && !started.current) {
      started.current = true;
      void connect();
    }
  }, [props.autoStart]);

  return (
    <section class="card" aria-labelledby="connect-title">
      <h2 id="connect-title">{props.reconnect ? 'Reconnect to Zoho' : 'Connect to Zoho'}</h2>
      <form onSubmit={connect} noValidate>
        <RadioChoices
          legend="Zoho client type"
          name="client-type"
          value={clientType}
          onChange={setClientType}
          choices={CLIENT_TYPES.map((type) => [type, CLIENT_TYPE_INFO[type].label, CLIENT_TYPE_INFO[type].when])}
        />
        <div class="field">
          <label for="client-id">Client ID</label>
          <input
            id="client-id"
            value={clientId}
            onInput={(e) => setClientId(e.currentTarget.value)}
            autoComplete="off"
            spellcheck={false}
            placeholder="1000.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
            aria-invalid={idProblem ? true : undefined}
            aria-describedby={idProblem ? 'client-id-error' : 'client-id-hint'}
          />
          {idProblem ? (
            <p class="field-error" id="client-id-error">
              {idProblem}
            </p>
          ) : (
            <p class="hint" id="client-id-hint">
              From Zoho's API console, the {info.label} client you registered.
            </p>
          )}
        </div>
        {info.secret === 'none' ? null : (
          <div class="field">
            <label for="client-secret">
              {info.secret === 'required' ? 'Client secret' : 'Client secret (optional)'}
            </label>
            <input
              id="client-secret"
              type="password"
              value={secret}
              onInput={(e) => setSecret(e.currentTarget.value)}
              autoComplete="off"
              placeholder={
                settings.hasClientSecret
                  ? 'Saved (hidden); type to replace'
                  : info.secret === 'required'
                    ? "From Zoho's API console"
                    : 'Only if your client needs one'
              }
              aria-invalid={secretProblem ? true : undefined}
              aria-describedby={secretProblem ? 'client-secret-error client-secret-hint' : 'client-secret-hint'}
            />
            {secretProblem ? (
              <p class="field-error" id="client-secret-error">
                {secretProblem}
              </p>
            ) : null}
            {secret.trim() || settings.hasClientSecret || info.secret === 'required' ? (
              <p class="warning" id="client-secret-hint">
                An extension cannot keep a secret confidential: anyone with access to this browser profile can read it.
                Prefer a client type that needs no secret (Mobile-based, with PKCE).
              </p>
            ) : (
              <p class="hint" id="client-secret-hint">
                Leave empty: a Mobile-based client uses PKCE instead.
              </p>
            )}
          </div>
        )}
        <div class="field">
          <label for="data-center">Data center</label>
          <select id="data-center" value={dataCenter} onChange={(e) => setDataCenter(e.currentTarget.value)}>
            <option value="auto">Detect at sign-in</option>
            {DATA_CENTERS.map((dc) => (
              <option key={dc.location} value={dc.location}>
                {dc.label} ({new URL(dc.deskHost).host})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <span class="label">Scopes requested</span>
          <p class="scopes">{status.scopes.join(', ')}</p>
        </div>
        <div class="field">
          <CopyableId label="Redirect URI to register in Zoho's API console" value={status.redirectUri} id="redirect" />
        </div>
        {clientType === 'client' ? (
          <div class="field">
            <CopyableId
              label="JavaScript domain to register"
              value={new URL(status.redirectUri).origin}
              id="javascript-domain"
            />
          </div>
        ) : null}
        <PageAlert error={error} />
        {error?.suggestClientType && error.suggestClientType !== clientType ? (
          <button type="button" onClick={() => setClientType(error.suggestClientType!)}>
            Switch to {CLIENT_TYPE_INFO[error.suggestClientType].label}
          </button>
        ) : null}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Waiting for Zoho…' : 'Connect to Zoho'}
        </button>
      </form>
    </section>
  );
}

function Connection(props: {
  api: OptionsApi;
  status: StatusView;
  settings: SettingsView;
  onStatus: (s: StatusView) => void;
  onSettings: (s: SettingsView) => void;
  reconnectNow?: boolean;
}) {
  const { api, status } = props;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SerializedError | null>(null);
  const [picking, setPicking] = useState(status.connection === 'choose-org');
  const [forget, setForget] = useState<{ auditLog: boolean; bulkRuns: boolean; lookups: boolean }>({
    ...DEFAULT_FORGET,
  });

  const disconnect = async () => {
    setBusy(true);
    try {
      props.onStatus(await api.disconnect({ forget }));
    } catch (e) {
      setError(serializeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {status.connection === 'reconnect' ? <ConnectForm {...props} reconnect autoStart={props.reconnectNow} /> : null}
      <section class="card" aria-labelledby="connection-title">
        <h2 id="connection-title">Connection</h2>
        <dl class="facts">
          <dt>Status</dt>
          <dd>{status.connection === 'reconnect' ? 'Expired: connect again' : 'Connected'}</dd>
          <dt>Data center</dt>
          <dd>{status.dataCenter?.label ?? 'Unknown'}</dd>
          <dt>Organization</dt>
          <dd>
            {status.org ? status.org.name : 'Not chosen yet'}{' '}
            {status.connection === 'connected' ? (
              <button type="button" class="link" onClick={() => setPicking(true)}>
                Change
              </button>
            ) : null}
          </dd>
          <dt>Connected</dt>
          <dd>{status.connectedAt ? new Date(status.connectedAt).toLocaleString() : '–'}</dd>
        </dl>
        {picking || status.connection === 'choose-org' ? (
          <OrgPicker
            api={api}
            current={status.org?.id}
            onChosen={(s) => {
              props.onStatus(s);
              setPicking(false);
            }}
          />
        ) : null}
        <PageAlert error={error} />
        {confirming ? (
          <div class="confirm">
            <p>Disconnect? The extension's Zoho token will be revoked.</p>
            <fieldset>
              <legend>Also delete from this computer</legend>
              {FORGET_CHOICES.map(([key, label]) => (
                <label key={key} class="radio">
                  <input
                    type="checkbox"
                    checked={forget[key]}
                    onChange={(e) => setForget({ ...forget, [key]: e.currentTarget.checked })}
                  />
                  {label}
                </label>
              ))}
            </fieldset>
            <button type="button" class="danger" disabled={busy} onClick={disconnect}>
              Yes, disconnect
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Disconnect
          </button>
        )}
      </section>
    </>
  );
}

const FORGET_CHOICES: [keyof typeof DEFAULT_FORGET, string][] = [
  ['bulkRuns', 'Bulk runs (their lists of users and emails)'],
  ['lookups', 'Remembered lookups (contacts, the typed help center ID, the last search)'],
  ['auditLog', 'The audit log of removals'],
];

function OrgPicker(props: { api: OptionsApi; current?: string; onChosen: (s: StatusView) => void }) {
  const [orgs, setOrgs] = useState<OrganizationView[] | null>(null);
  const [choice, setChoice] = useState(props.current ?? '');
  const [error, setError] = useState<SerializedError | null>(null);
  const load = async () => {
    setError(null);
    try {
      const list = await props.api.listOrganizations();
      setOrgs(list);
      if (!choice) setChoice(list.find((o) => o.isDefault)?.id ?? list[0]?.id ?? '');
    } catch (e) {
      setError(serializeError(e));
    }
  };
  useEffect(() => {
    void load();
  }, []);
  const choose = async () => {
    try {
      props.onChosen(await props.api.chooseOrganization({ orgId: choice }));
    } catch (e) {
      setError(serializeError(e));
    }
  };
  if (error) {
    return (
      <div>
        <PageAlert error={error} />
        <button type="button" onClick={load}>
          Try again
        </button>
      </div>
    );
  }
  if (!orgs) return <p>Loading organizations…</p>;
  return (
    <fieldset class="orgs">
      <legend>Choose the organization to work in</legend>
      {orgs.map((org) => (
        <label key={org.id} class="radio">
          <input
            type="radio"
            name="org"
            value={org.id}
            checked={choice === org.id}
            onChange={() => setChoice(org.id)}
          />
          {org.name} <span class="muted">({org.id})</span>
        </label>
      ))}
      <button type="button" class="primary" disabled={!choice} onClick={choose}>
        Use this organization
      </button>
    </fieldset>
  );
}

/** A group of radio buttons, each named by its label and described by a line on when to choose it. */
function RadioChoices<T extends string>(props: {
  legend: string;
  name: string;
  value: T;
  onChange: (value: T) => void;
  choices: readonly (readonly [T, string, string])[];
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.choices.map(([value, label, hint]) => {
        const id = `${props.name}-${value}`;
        return (
          <div key={value} class="radio">
            <input
              type="radio"
              id={id}
              name={props.name}
              value={value}
              checked={props.value === value}
              onChange={() => props.onChange(value)}
              aria-describedby={`${id}-hint`}
            />
            <span>
              <label for={id}>{label}</label>
              <span class="hint block" id={`${id}-hint`}>
                {hint}
              </span>
            </span>
          </div>
        );
      })}
    </fieldset>
  );
}

const ROUTES: [RouteSetting, string, string][] = [
  [
    'auto',
    'Automatic (recommended)',
    "Zoho's documented Users dissociate; the Help Center DELETE only where dissociate is missing. Remembers what works.",
  ],
  [
    'users-dissociate',
    'Users dissociate',
    "POST /api/v1/users/{id}/badges/dissociate only: the call in Zoho's own API spec.",
  ],
  [
    'helpcenter-delete',
    'Help Center DELETE',
    "DELETE /api/v1/helpcenter/{id}/users/{id}/badges only: described by integrators, in none of Zoho's spec files.",
  ],
];

function Advanced(props: {
  api: OptionsApi;
  settings: SettingsView;
  onSettings: (s: SettingsView) => void;
  /** A line to add to the patterns, for the admin to finish and save. */
  addPattern?: string;
}) {
  const [route, setRoute] = useState<RouteSetting>(props.settings.removalRoute);
  const [concurrency, setConcurrency] = useState(String(props.settings.bulkConcurrency));
  const [patterns, setPatterns] = useState(
    [...props.settings.customPagePatterns, ...(props.addPattern ? [props.addPattern] : [])].join('\n'),
  );
  const [anchorSelector, setAnchorSelector] = useState(props.settings.anchorSelector);
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
    const lines = patterns
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const problems = lines.flatMap((line, i) => {
      const result = compilePattern(line);
      return result.ok ? [] : [`Line ${i + 1}: ${result.error}`];
    });
    const selectorProblem = anchorSelectorProblem(anchorSelector, (s) =>
      document.createDocumentFragment().querySelector(s),
    );
    if (selectorProblem) problems.push(`Anchor: ${selectorProblem}`);
    const bulkConcurrency = Number(concurrency);
    if (!Number.isInteger(bulkConcurrency) || bulkConcurrency < 1 || bulkConcurrency > 25) {
      problems.push('Calls at once: a whole number from 1 to 25.');
    }
    setLineErrors(problems);
    if (problems.length) return;
    try {
      props.onSettings(
        await props.api.saveSettings({
          removalRoute: route,
          customPagePatterns: lines,
          bulkConcurrency,
          anchorSelector: anchorSelector.trim(),
        }),
      );
      setSaved(true);
    } catch (e) {
      setError(serializeError(e));
    }
  };

  return (
    <section class="card" aria-labelledby="advanced-title">
      <h2 id="advanced-title">Advanced</h2>
      <form onSubmit={save}>
        <RadioChoices legend="Removal route" name="route" value={route} onChange={setRoute} choices={ROUTES} />
        <div class="field">
          <label for="concurrency">Calls to Zoho at once (bulk removal)</label>
          <input
            id="concurrency"
            type="number"
            min={1}
            max={25}
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
            For Desk pages the built-in shapes miss. Placeholders: {'{portal}'}, {'{department}'}, {'{helpCenterId}'},{' '}
            {'{userId}'}, {'{portalUserId}'}, {'{contactId}'}, {'{*}'}. Built in:
            <ul>
              {BUILT_IN_HELPCENTER_USER_PATTERNS.map((p) => (
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
