/**
 * "My Desk address": the organization's own domain where agents open Desk. Adding one asks the browser for that
 * origin alone (the prompt must come from this click), then the service worker registers the content script there.
 * When the organization's policy sets the addresses, they are listed locked, each with Allow access until the
 * browser grants it (no policy can grant it).
 */
import { useState } from 'preact/hooks';
import { PageAlert } from '../../components/common/Notices';
import { SetByOrganization } from '../../components/policy/Policy';
import type { Client } from '../../utils/client';
import type { ConnectionSettingsView } from '../../utils/connection/requests';
import { deskAddressOrigin } from '../../utils/page/desk-addresses';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { t } from '../../utils/platform/i18n';

export interface DeskAddressesApi extends Pick<Client, 'addDeskAddress' | 'removeDeskAddress'> {
  /** The browser's permission prompt for that one origin; true when granted. */
  requestHostAccess(origin: string): Promise<boolean>;
}

export function DeskAddresses(props: {
  api: DeskAddressesApi;
  addresses: string[];
  /** The connection's part of the settings: the addresses in force, and those without access. */
  onSettings: (s: ConnectionSettingsView) => void;
  /** Filled in when the popup sends the admin here from an unrecognized Desk page. */
  suggested?: string;
  /** The organization's policy sets the addresses: none can be added or removed here. */
  locked?: boolean;
  /** Addresses the browser does not allow the extension yet. */
  withoutAccess?: string[];
}) {
  const [input, setInput] = useState(props.suggested ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<SerializedError | null>(null);

  const add = async (event: Event) => {
    event.preventDefault();
    setError(null);
    const parsed = deskAddressOrigin(input);
    if ('problem' in parsed) return setProblem(parsed.problem);
    setProblem(null);
    try {
      // First, inside the click: the browser shows its prompt only for a user's own action.
      if (!(await props.api.requestHostAccess(parsed.origin))) {
        return setProblem(t('options_desk_refused_add', [parsed.origin]));
      }
      props.onSettings(await props.api.addDeskAddress({ origin: parsed.origin }));
      setInput('');
    } catch (e) {
      setError(serializeError(e));
    }
  };

  /** An address the browser has not granted: its prompt, from this click, then the worker registers it. */
  const allow = async (origin: string) => {
    setError(null);
    try {
      if (!(await props.api.requestHostAccess(origin))) {
        return setError({ kind: 'forbidden', message: t('options_desk_refused', [origin]) });
      }
      props.onSettings(await props.api.addDeskAddress({ origin }));
    } catch (e) {
      setError(serializeError(e));
    }
  };

  const remove = async (origin: string) => {
    setError(null);
    try {
      props.onSettings(await props.api.removeDeskAddress({ origin }));
    } catch (e) {
      setError(serializeError(e));
    }
  };

  return (
    <section class="card" aria-labelledby="desk-addresses-title">
      <h2 id="desk-addresses-title">{t('options_desk_title')}</h2>
      <p class="hint">{t('options_desk_hint')}</p>
      {props.addresses.length ? (
        <ul class="addresses">
          {props.addresses.map((origin) => (
            <li key={origin}>
              <code>{origin}</code>{' '}
              {props.withoutAccess?.includes(origin) ? (
                <p class="warning">
                  {t('options_desk_no_access')}{' '}
                  <button
                    type="button"
                    onClick={() => void allow(origin)}
                    aria-label={t('options_desk_allow_label', [origin])}
                  >
                    {t('options_desk_allow')}
                  </button>
                </p>
              ) : null}
              {props.locked ? null : (
                <button
                  type="button"
                  onClick={() => void remove(origin)}
                  aria-label={t('options_desk_remove_label', [origin])}
                >
                  {t('options_desk_remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {props.locked ? <SetByOrganization id="desk-addresses-locked" /> : null}
      <PageAlert error={props.locked ? error : null} />
      <form onSubmit={add} noValidate hidden={props.locked}>
        <div class="field">
          <label for="desk-address">{t('options_desk_address')}</label>
          <input
            id="desk-address"
            value={input}
            onInput={(e) => setInput(e.currentTarget.value)}
            placeholder="https://support.yourcompany.com"
            autoComplete="off"
            spellcheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'desk-address-error' : undefined}
          />
          {problem ? (
            <p class="field-error" id="desk-address-error">
              {problem}
            </p>
          ) : null}
        </div>
        <PageAlert error={error} />
        <button type="submit">{t('options_desk_add')}</button>
      </form>
    </section>
  );
}
