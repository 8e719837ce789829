/** The connection once made: its facts, the organization picker, Disconnect; and Reconnect when it expired. */
import { useState } from 'preact/hooks';
import type { StatusView } from '../../utils/connection/requests';
import { formatDate, t } from '../../utils/platform/i18n';
import type { ManagedPolicy } from '../../utils/policy/policy';
import type { SettingsView } from '../../utils/settings';
import { ConnectForm, type ConnectFormApi } from './ConnectForm';
import { Disconnect, type DisconnectApi } from './Disconnect';
import { OrgPicker, type OrgPickerApi } from './OrgPicker';

export type ConnectionApi = ConnectFormApi & OrgPickerApi & DisconnectApi;

export function ConnectionSection(props: {
  api: ConnectionApi;
  status: StatusView;
  settings: SettingsView;
  onStatus: (s: StatusView) => void;
  onSettings: (s: SettingsView) => void;
  reconnectNow?: boolean;
  /** What the organization's policy sets (the reconnect form shows it locked). */
  policy?: ManagedPolicy;
  /** A Self Client's Reconnect: a new code is pasted. */
  pasteCode?: boolean;
}) {
  const { api, status } = props;
  const [picking, setPicking] = useState(status.connection === 'choose-org');

  return (
    <>
      {status.connection === 'reconnect' ? (
        <ConnectForm {...props} reconnect autoStart={props.reconnectNow} pasteCode={props.pasteCode} />
      ) : null}
      <section class="card" aria-labelledby="connection-title">
        <h2 id="connection-title">{t('options_connection_title')}</h2>
        <dl class="facts">
          <dt>{t('options_connection_status')}</dt>
          <dd>
            {t(status.connection === 'reconnect' ? 'options_connection_expired' : 'options_connection_connected')}
          </dd>
          <dt>{t('options_data_center')}</dt>
          <dd>{status.dataCenter?.label ?? t('options_connection_unknown')}</dd>
          <dt>{t('options_connection_organization')}</dt>
          <dd>
            {status.org ? status.org.name : t('options_connection_org_not_chosen')}{' '}
            {status.connection === 'connected' ? (
              <button type="button" class="link" onClick={() => setPicking(true)}>
                {t('options_connection_change')}
              </button>
            ) : null}
          </dd>
          <dt>{t('options_connection_connected_at')}</dt>
          <dd>{status.connectedAt ? formatDate(status.connectedAt) : '–'}</dd>
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
        <Disconnect api={api} onStatus={props.onStatus} />
      </section>
    </>
  );
}
