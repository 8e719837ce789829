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
import type { SettingsView } from '../../utils/connection/requests';
import { deskAddressOrigin } from '../../utils/page/desk-addresses';
import { type SerializedError, serializeError } from '../../utils/platform/errors';

export interface DeskAddressesApi extends Pick<Client, 'addDeskAddress' | 'removeDeskAddress'> {
  /** The browser's permission prompt for that one origin; true when granted. */
  requestHostAccess(origin: string): Promise<boolean>;
}

export function DeskAddresses(props: {
  api: DeskAddressesApi;
  addresses: string[];
  onSettings: (s: SettingsView) => void;
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
        return setProblem(`Access to ${parsed.origin} was not allowed, so nothing was added.`);
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
        return setError({ kind: 'forbidden', message: `Access to ${origin} was not allowed.` });
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
      <h2 id="desk-addresses-title">My Desk address</h2>
      <p class="hint">
        Zoho's own Desk addresses are covered. If your agents open Desk on your organization's own domain (domain
        mapping), add it here: the browser asks to allow that one address, and the Remove badges control works there
        too. Removing it gives the access back.
      </p>
      {props.addresses.length ? (
        <ul class="addresses">
          {props.addresses.map((origin) => (
            <li key={origin}>
              <code>{origin}</code>{' '}
              {props.withoutAccess?.includes(origin) ? (
                <p class="warning">
                  The browser does not allow the extension here yet, so the Remove badges control is not added.{' '}
                  <button type="button" onClick={() => void allow(origin)} aria-label={`Allow access to ${origin}`}>
                    Allow access
                  </button>
                </p>
              ) : null}
              {props.locked ? null : (
                <button type="button" onClick={() => void remove(origin)} aria-label={`Remove ${origin}`}>
                  Remove
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
          <label for="desk-address">Desk address</label>
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
        <button type="submit">Add address</button>
      </form>
    </section>
  );
}
