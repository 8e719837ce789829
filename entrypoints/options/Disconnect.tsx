/** Disconnect, after a confirmation that says what else to delete from this computer. */
import { useState } from 'preact/hooks';
import { PageAlert } from '../../components/common/Notices';
import type { Client } from '../../utils/client';
import { DEFAULT_FORGET, type Forget, type StatusView } from '../../utils/connection/requests';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { type MessageKey, t } from '../../utils/platform/i18n';

export type DisconnectApi = Pick<Client, 'disconnect'>;

const FORGET_CHOICES: [keyof typeof DEFAULT_FORGET, MessageKey][] = [
  ['bulkRuns', 'options_forget_bulk_runs'],
  ['lookups', 'options_forget_lookups'],
  ['auditLog', 'options_forget_audit_log'],
];

export function Disconnect(props: { api: DisconnectApi; onStatus: (s: StatusView) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SerializedError | null>(null);
  const [forget, setForget] = useState<Forget>({ ...DEFAULT_FORGET });

  const disconnect = async () => {
    setBusy(true);
    try {
      props.onStatus(await props.api.disconnect({ forget }));
    } catch (e) {
      setError(serializeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageAlert error={error} />
      {confirming ? (
        <div class="confirm">
          <p>{t('options_disconnect_confirm')}</p>
          <fieldset>
            <legend>{t('options_forget_legend')}</legend>
            {FORGET_CHOICES.map(([key, label]) => (
              <label key={key} class="radio">
                <input
                  type="checkbox"
                  checked={forget[key]}
                  onChange={(e) => setForget({ ...forget, [key]: e.currentTarget.checked })}
                />
                {t(label)}
              </label>
            ))}
          </fieldset>
          <button type="button" class="danger" disabled={busy} onClick={disconnect}>
            {t('options_disconnect_yes')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('common_cancel')}
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('options_disconnect')}
        </button>
      )}
    </>
  );
}
