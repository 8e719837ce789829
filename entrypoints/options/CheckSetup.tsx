import { useState } from 'preact/hooks';
import { PageAlert } from '../../components/common/Notices';
import type { Client } from '../../utils/client';
import type { ProbeStatus, SetupCheck } from '../../utils/connection/setup-check';
import { setupReport } from '../../utils/connection/setup-check';
import { type SerializedError, serializeError } from '../../utils/platform/errors';

export interface CheckSetupApi extends Pick<Client, 'checkSetup'> {
  copy(text: string): Promise<void>;
  /** Extension version, browser and data center, for the report. */
  about(): { version: string; browser: string; dataCenter?: string };
}

const STATUS_TEXT: Record<ProbeStatus, string> = {
  passed: '✓ Passed',
  warning: '! Warning',
  failed: '✕ Failed',
  skipped: '– Skipped',
};

/** Read-only probes of the connected organization, with what each result means and what to do. */
export function CheckSetup({ api }: { api: CheckSetupApi }) {
  const [check, setCheck] = useState<SetupCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<SerializedError | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      setCheck(await api.checkSetup());
    } catch (e) {
      setError(serializeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" id="check-setup" aria-labelledby="check-title">
      <h2 id="check-title">Check setup</h2>
      <p class="hint">
        Reads (never changes) your organization, help centers, one user, that user's badges and the organization's
        badges, and checks each reply against what the extension expects.
      </p>
      <button type="button" onClick={run} disabled={busy}>
        {busy ? 'Checking…' : 'Check setup'}
      </button>
      <PageAlert error={error} />
      {check ? (
        <>
          <table class="probes">
            <caption class="sr-only">Setup check results</caption>
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">Result</th>
                <th scope="col">What it means</th>
                <th scope="col">What to do</th>
              </tr>
            </thead>
            <tbody>
              {check.probes.map((p) => (
                <tr key={p.id} class={`probe-${p.status}`}>
                  <th scope="row">
                    {p.label}
                    <span class="hint block">
                      <code>{p.call}</code>
                    </span>
                  </th>
                  <td>{STATUS_TEXT[p.status]}</td>
                  <td>{p.meaning}</td>
                  <td>{p.action ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            onClick={async () => {
              await api.copy(setupReport(check, api.about()));
              setCopied(true);
            }}
          >
            Copy report
          </button>
          {copied ? (
            <span class="saved" role="status">
              {' '}
              Copied: statuses, error codes and reply shapes only, no names, emails or tokens.
            </span>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
