/** Connect (or reconnect) to Zoho: the client type, its ID and secret, the data center, what to register. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { CopyableId } from '../../components/common/CopyableId';
import { PageAlert } from '../../components/common/Notices';
import { SetByOrganization } from '../../components/policy/Policy';
import type { Client } from '../../utils/client';
import type { SettingsView, StatusView } from '../../utils/connection/requests';
import {
  javascriptDomain,
  planConnect,
  secretFieldText,
  suggestedClientType,
} from '../../utils/connection/settings-form';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { CLIENT_TYPE_INFO, CLIENT_TYPES, type ClientType } from '../../utils/platform/zoho/client-types';
import { DATA_CENTERS } from '../../utils/platform/zoho/datacenters';
import type { ManagedPolicy } from '../../utils/policy/policy';
import { RadioChoices } from './RadioChoices';

export type ConnectFormApi = Pick<Client, 'saveSettings' | 'connect'>;

export function ConnectForm(props: {
  api: ConnectFormApi;
  status: StatusView;
  settings: SettingsView;
  onStatus: (s: StatusView) => void;
  onSettings: (s: SettingsView) => void;
  reconnect?: boolean;
  /** Start connecting at once, with the saved settings. */
  autoStart?: boolean;
  /** What the organization's policy sets: those fields show its values, locked. */
  policy?: ManagedPolicy;
}) {
  const { api, status, settings } = props;
  const [clientType, setClientType] = useState<ClientType>(settings.clientType);
  const [clientId, setClientId] = useState(settings.clientId);
  const [secret, setSecret] = useState('');
  const [secretProblem, setSecretProblem] = useState<string | null>(null);
  const info = CLIENT_TYPE_INFO[clientType];
  const secretField = secretFieldText(clientType, secret, settings.hasClientSecret);
  const [dataCenter, setDataCenter] = useState<string>(settings.dataCenter);
  const [idProblem, setIdProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SerializedError | null>(null);
  const suggested = suggestedClientType(error, clientType);
  const locked = (key: keyof ManagedPolicy) => props.policy?.[key] !== undefined;

  const connect = async (event?: Event) => {
    event?.preventDefault();
    const plan = planConnect({ clientType, clientId, secret, dataCenter }, settings.hasClientSecret);
    setIdProblem(plan.idProblem);
    setSecretProblem(plan.secretProblem);
    setError(null);
    if (!plan.input) return;
    setBusy(true);
    try {
      props.onSettings(await api.saveSettings(plan.input));
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
          disabled={locked('clientType')}
          describedBy={locked('clientType') ? 'client-type-locked' : undefined}
        />
        {locked('clientType') ? <SetByOrganization id="client-type-locked" /> : null}
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
            aria-describedby={`${idProblem ? 'client-id-error' : 'client-id-hint'}${locked('clientId') ? ' client-id-locked' : ''}`}
            disabled={locked('clientId')}
          />
          {locked('clientId') ? <SetByOrganization id="client-id-locked" /> : null}
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
        {secretField ? (
          <div class="field">
            <label for="client-secret">{secretField.label}</label>
            <input
              id="client-secret"
              type="password"
              value={secret}
              onInput={(e) => setSecret(e.currentTarget.value)}
              autoComplete="off"
              placeholder={secretField.placeholder}
              aria-invalid={secretProblem ? true : undefined}
              aria-describedby={secretProblem ? 'client-secret-error client-secret-hint' : 'client-secret-hint'}
            />
            {secretProblem ? (
              <p class="field-error" id="client-secret-error">
                {secretProblem}
              </p>
            ) : null}
            {secretField.warn ? (
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
        ) : null}
        <div class="field">
          <label for="data-center">Data center</label>
          <select
            id="data-center"
            value={dataCenter}
            onChange={(e) => setDataCenter(e.currentTarget.value)}
            disabled={locked('dataCenter')}
            aria-describedby={locked('dataCenter') ? 'data-center-locked' : undefined}
          >
            <option value="auto">Detect at sign-in</option>
            {DATA_CENTERS.map((dc) => (
              <option key={dc.location} value={dc.location}>
                {dc.label} ({new URL(dc.deskHost).host})
              </option>
            ))}
          </select>
          {locked('dataCenter') ? <SetByOrganization id="data-center-locked" /> : null}
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
              value={javascriptDomain(status.redirectUri)}
              id="javascript-domain"
            />
          </div>
        ) : null}
        <PageAlert error={error} />
        {suggested ? (
          <button type="button" onClick={() => setClientType(suggested)}>
            Switch to {CLIENT_TYPE_INFO[suggested].label}
          </button>
        ) : null}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Waiting for Zoho…' : 'Connect to Zoho'}
        </button>
      </form>
    </section>
  );
}
