/**
 * Connect (or reconnect) to Zoho: the client type, its ID and secret, the data center, what to register; for a Self
 * Client, the console's steps and the pasted code instead of a redirect URI.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { CopyableId } from '../../components/common/CopyableId';
import { PageAlert } from '../../components/common/Notices';
import { SetByOrganization } from '../../components/policy/Policy';
import type { Client } from '../../utils/client';
import type { FirefoxRedirect } from '../../utils/connection/redirect-uri';
import type { StatusView } from '../../utils/connection/requests';
import {
  detectLabel,
  javascriptDomain,
  planConnect,
  reconnectsAtOnce,
  secretFieldText,
  suggestedClientType,
} from '../../utils/connection/settings-form';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { t } from '../../utils/platform/i18n';
import { CLIENT_TYPE_INFO, CLIENT_TYPES, type ClientType } from '../../utils/platform/zoho/client-types';
import { DATA_CENTERS } from '../../utils/platform/zoho/datacenters';
import type { ManagedPolicy } from '../../utils/policy/policy';
import type { SettingsView } from '../../utils/settings';
import { RadioChoices } from './RadioChoices';
import { RedirectUris } from './RedirectUris';
import { SelfClientSteps } from './SelfClientSteps';
import { TextField } from './TextField';

export type ConnectFormApi = Pick<Client, 'saveSettings' | 'connect'>;

/** The client type as Zoho's API console names it (the console is in English only). */
const clientTypeLabel = (type: ClientType) => t(`options_client_type_${type}`);

export function ConnectForm(props: {
  api: ConnectFormApi;
  status: StatusView;
  settings: SettingsView;
  onStatus: (s: StatusView) => void;
  onSettings: (s: SettingsView) => void;
  reconnect?: boolean;
  /** Start connecting at once, with the saved settings (a Self Client waits for a new code instead). */
  autoStart?: boolean;
  /** What the organization's policy sets: those fields show its values, locked. */
  policy?: ManagedPolicy;
  /** A Self Client's Reconnect: the code field has the focus, for a new code. */
  pasteCode?: boolean;
}) {
  const { api, status, settings } = props;
  const [clientType, setClientType] = useState<ClientType>(settings.clientType);
  const [clientId, setClientId] = useState(settings.clientId);
  const [secret, setSecret] = useState('');
  const [secretProblem, setSecretProblem] = useState<string | null>(null);
  const info = CLIENT_TYPE_INFO[clientType];
  const secretField = secretFieldText(clientType, secret, settings.hasClientSecret);
  const [dataCenter, setDataCenter] = useState<string>(settings.dataCenter);
  const [code, setCode] = useState('');
  const [codeProblem, setCodeProblem] = useState<string | null>(null);
  const codeField = useRef<HTMLInputElement>(null);
  const [firefoxRedirect, setFirefoxRedirect] = useState<FirefoxRedirect>(settings.firefoxRedirect);
  const redirectUri = status.firefoxRedirects?.[firefoxRedirect] ?? status.redirectUri;
  const [idProblem, setIdProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SerializedError | null>(null);
  const suggested = suggestedClientType(error, clientType);
  const locked = (key: keyof ManagedPolicy) => props.policy?.[key] !== undefined;

  const connect = async (event?: Event) => {
    event?.preventDefault();
    const plan = planConnect(
      { clientType, clientId, secret, dataCenter, code, ...(status.firefoxRedirects ? { firefoxRedirect } : {}) },
      settings.hasClientSecret,
    );
    setIdProblem(plan.idProblem);
    setSecretProblem(plan.secretProblem);
    setCodeProblem(plan.codeProblem);
    setError(null);
    if (!plan.input) return;
    setBusy(true);
    try {
      props.onSettings(await api.saveSettings(plan.input));
      props.onStatus(await api.connect(plan.connect));
    } catch (e) {
      setError(serializeError(e));
    } finally {
      setBusy(false);
    }
  };

  const started = useRef(false);
  useEffect(() => {
    if (props.autoStart && !started.current && reconnectsAtOnce(settings.clientType)) {
      started.current = true;
      void connect();
    }
  }, [props.autoStart]);
  useEffect(() => {
    if (props.pasteCode) codeField.current?.focus();
  }, [props.pasteCode]);

  return (
    <section class="card" aria-labelledby="connect-title">
      <h2 id="connect-title">{t(props.reconnect ? 'options_reconnect_title' : 'options_connect_title')}</h2>
      <form onSubmit={connect} noValidate>
        <RadioChoices
          legend={t('options_client_type')}
          name="client-type"
          value={clientType}
          onChange={setClientType}
          choices={CLIENT_TYPES.map((type) => [type, clientTypeLabel(type), t(`options_client_type_${type}_when`)])}
          disabled={locked('clientType')}
          describedBy={locked('clientType') ? 'client-type-locked' : undefined}
        />
        {locked('clientType') ? <SetByOrganization id="client-type-locked" /> : null}
        {info.redirect ? null : <SelfClientSteps />}
        <TextField
          id="client-id"
          label={t('options_client_id')}
          value={clientId}
          onInput={setClientId}
          placeholder="1000.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
          problem={idProblem}
          hint={t('options_client_id_hint', [clientTypeLabel(clientType)])}
          locked={locked('clientId')}
        />
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
                {t('options_secret_warning')}
              </p>
            ) : (
              <p class="hint" id="client-secret-hint">
                {t('options_secret_hint_mobile')}
              </p>
            )}
          </div>
        ) : null}
        {info.redirect ? null : (
          <TextField
            id="self-client-code"
            label={t('options_code')}
            value={code}
            onInput={setCode}
            inputRef={codeField}
            placeholder="1000.xxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxx"
            problem={codeProblem}
            hint={t('options_code_hint')}
          />
        )}
        <div class="field">
          <label for="data-center">{t('options_data_center')}</label>
          <select
            id="data-center"
            value={dataCenter}
            onChange={(e) => setDataCenter(e.currentTarget.value)}
            disabled={locked('dataCenter')}
            aria-describedby={locked('dataCenter') ? 'data-center-locked' : undefined}
          >
            <option value="auto">{detectLabel(clientType)}</option>
            {DATA_CENTERS.map((dc) => (
              <option key={dc.location} value={dc.location}>
                {dc.label} ({new URL(dc.deskHost).host})
              </option>
            ))}
          </select>
          {locked('dataCenter') ? <SetByOrganization id="data-center-locked" /> : null}
        </div>
        {info.redirect ? (
          <>
            <div class="field">
              <span class="label">{t('options_scopes')}</span>
              <p class="scopes">{status.scopes.join(', ')}</p>
            </div>
            <RedirectUris
              redirectUri={status.redirectUri}
              firefoxRedirects={status.firefoxRedirects}
              picked={firefoxRedirect}
              onPick={setFirefoxRedirect}
            />
          </>
        ) : null}
        {clientType === 'client' ? (
          <div class="field">
            <CopyableId
              label={t('options_javascript_domain')}
              value={javascriptDomain(redirectUri)}
              id="javascript-domain"
            />
          </div>
        ) : null}
        <PageAlert error={error} />
        {suggested ? (
          <button type="button" onClick={() => setClientType(suggested)}>
            {t('options_switch_client_type', [clientTypeLabel(suggested)])}
          </button>
        ) : null}
        <button type="submit" class="primary" disabled={busy}>
          {t(busy ? 'options_connect_waiting' : 'options_connect_button')}
        </button>
      </form>
    </section>
  );
}
