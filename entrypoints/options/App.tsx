import { useEffect, useState } from 'preact/hooks';
import { PageAlert } from '../../components/common/Notices';
import { ZohoAccessNotice } from '../../components/connection/ZohoAccessNotice';
import { PolicyProblem } from '../../components/policy/Policy';
import type { Client } from '../../utils/client';
import type { StatusView } from '../../utils/connection/requests';
import type { ZohoAccessApi } from '../../utils/connection/zoho-access';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { t } from '../../utils/platform/i18n';
import type { PolicyView } from '../../utils/policy/policy';
import type { SettingsView } from '../../utils/settings';
import { Advanced } from './Advanced';
import { CheckSetup, type CheckSetupApi } from './CheckSetup';
import { ConnectForm } from './ConnectForm';
import { ConnectionSection } from './ConnectionSection';
import { DeskAddresses, type DeskAddressesApi } from './DeskAddresses';
import { PrivacyLink } from './PrivacyLink';
import { SecretsExposureNotice } from './SecretsExposureNotice';

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
      | 'getPolicy'
    > {}

export function OptionsApp({
  api,
  addPattern,
  reconnectNow,
  pasteCode,
  addAddress,
}: {
  api: OptionsApi;
  addPattern?: string;
  reconnectNow?: boolean;
  /** A Self Client's Reconnect: the form waits for a new code from Zoho's API console. */
  pasteCode?: boolean;
  /** From the popup on an unrecognized Desk page: the address to offer. */
  addAddress?: string;
}) {
  const [status, setStatus] = useState<StatusView | null>(null);
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [policy, setPolicy] = useState<PolicyView | null>(null);
  const [loadError, setLoadError] = useState<SerializedError | null>(null);

  const reload = async () => {
    try {
      const [s, st, p] = await Promise.all([api.getStatus(), api.getSettings(), api.getPolicy()]);
      setStatus(s);
      setSettings(st);
      setPolicy(p);
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
      <h1>{t('app_name')}</h1>
      <p class="lead">{t('options_lead')}</p>
      <ZohoAccessNotice api={api} skin="page" />
      <PageAlert error={loadError} />
      <PolicyProblem policy={policy} />
      {status && settings ? (
        <>
          <SecretsExposureNotice exposure={status.secretsExposure} />
          {status.connection === 'disconnected' ? (
            <ConnectForm
              api={api}
              status={status}
              settings={settings}
              onStatus={setStatus}
              onSettings={setSettings}
              policy={policy?.set}
            />
          ) : (
            <ConnectionSection
              api={api}
              status={status}
              onStatus={setStatus}
              settings={settings}
              onSettings={setSettings}
              reconnectNow={reconnectNow}
              policy={policy?.set}
              pasteCode={pasteCode}
            />
          )}
          {status.connection === 'connected' ? <CheckSetup api={api} /> : null}
          <DeskAddresses
            api={api}
            addresses={settings.deskAddresses}
            onSettings={(connection) => setSettings((current) => current && { ...current, ...connection })}
            suggested={addAddress}
            locked={policy?.set.deskAddresses !== undefined}
            withoutAccess={settings.deskAddressesWithoutAccess}
          />
          <Advanced
            api={api}
            settings={settings}
            onSettings={setSettings}
            addPattern={addPattern}
            policy={policy?.set}
          />
        </>
      ) : !loadError ? (
        <p>{t('common_loading')}</p>
      ) : null}
      <PrivacyLink />
    </main>
  );
}
