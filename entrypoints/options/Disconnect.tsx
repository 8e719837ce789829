/** Disconnect, after a confirmation that says what else to delete from this computer. */
import { useState } from 'preact/hooks';
import { PageAlert } from '../../components/common/Notices';
import type { Client } from '../../utils/client';
import { DEFAULT_FORGET, type Forget, type StatusView } from '../../utils/connection/requests';
import { type SerializedError, serializeError } from '../../utils/platform/errors';

export type DisconnectApi = Pick<Client, 'disconnect'>;

const FORGET_CHOICES: [keyof typeof DEFAULT_FORGET, string][] = [
  ['bulkRuns', 'Bulk runs (their lists of users and emails)'],
  ['lookups', 'Remembered lookups (contacts, the typed help center ID, the last search)'],
  ['auditLog', 'The audit log of removals'],
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
    </>
  );
}
