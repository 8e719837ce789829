import { useState } from 'preact/hooks';
import { PageAlert } from '../../components/common/Notices';
import type { Client } from '../../utils/client';
import type { ProbeStatus, SetupCheck } from '../../utils/connection/setup-check';
import { setupReport } from '../../utils/connection/setup-check';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { type MessageKey, t } from '../../utils/platform/i18n';

export interface CheckSetupApi extends Pick<Client, 'checkSetup'> {
  copy(text: string): Promise<void>;
  /** Extension version, browser and data center, for the report. */
  about(): { version: string; browser: string; dataCenter?: string };
}

const STATUS_TEXT = {
  passed: 'options_probe_passed',
  warning: 'options_probe_warning',
  failed: 'options_probe_failed',
  skipped: 'options_probe_skipped',
} as const satisfies Record<ProbeStatus, MessageKey>;

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
      <h2 id="check-title">{t('options_check_title')}</h2>
      <p class="hint">{t('options_check_hint')}</p>
      <button type="button" onClick={run} disabled={busy}>
        {t(busy ? 'options_checking' : 'options_check_run')}
      </button>
      <PageAlert error={error} />
      {check ? (
        <>
          <table class="probes">
            <caption class="sr-only">{t('options_check_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('options_check_what')}</th>
                <th scope="col">{t('options_check_result')}</th>
                <th scope="col">{t('options_check_meaning')}</th>
                <th scope="col">{t('options_check_action')}</th>
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
                  <td>{t(STATUS_TEXT[p.status])}</td>
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
            {t('options_copy_report')}
          </button>
          {copied ? (
            <span class="saved" role="status">
              {' '}
              {t('options_report_copied')}
            </span>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
