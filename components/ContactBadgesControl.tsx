import { useEffect, useState } from 'preact/hooks';
import type { ContactUsersView } from '../utils/messaging';
import { type SerializedError, serializeError } from '../utils/zoho/errors';
import { ConnectionNotice, ErrorMessage, noticeFor } from './Notices';
import { type ContactPanelApi, ControlShell, RemoveBadgesPanel } from './RemoveBadgesControl';

/** The control on a contact page: the same removal flow, for the Help Center user(s) the contact is. */
export function ContactBadgesControl({ api, contactId }: { api: ContactPanelApi; contactId: string }) {
  return (
    <ControlShell resetKey={contactId}>
      {(close, titleId) => <ContactFlow api={api} contactId={contactId} titleId={titleId} onClose={close} />}
    </ControlShell>
  );
}

type State =
  | { name: 'loading' }
  | { name: 'notice'; state: 'disconnected' | 'reconnect' | 'choose-org'; detail?: string }
  | { name: 'error'; error: SerializedError }
  | { name: 'ready'; view: ContactUsersView; chosen: number };

function ContactFlow(props: { api: ContactPanelApi; contactId: string; titleId: string; onClose: () => void }) {
  const { api, contactId } = props;
  const [state, setState] = useState<State>({ name: 'loading' });

  const load = async () => {
    setState({ name: 'loading' });
    try {
      const status = await api.getStatus();
      if (status.connection !== 'connected') return setState({ name: 'notice', state: status.connection });
      setState({ name: 'ready', view: await api.getContactUsers(contactId), chosen: 0 });
    } catch (error) {
      const serialized = serializeError(error);
      const notice = noticeFor(serialized);
      setState(
        notice ? { name: 'notice', state: notice, detail: serialized.message } : { name: 'error', error: serialized },
      );
    }
  };

  useEffect(() => {
    void load();
  }, [contactId]);

  if (state.name === 'loading') {
    return (
      <p>
        <span class="br-spinner" aria-hidden="true" />
        Finding this contact's Help Center account…
      </p>
    );
  }
  if (state.name === 'notice') {
    return <ConnectionNotice state={state.state} detail={state.detail} onFix={() => void api.openOptions()} />;
  }
  if (state.name === 'error') return <ErrorMessage error={state.error} onRetry={load} />;

  const { view, chosen } = state;
  if (view.memberships.length === 0) {
    return (
      <>
        <h2 id={props.titleId}>Remove badges</h2>
        <p role="status">{view.contact.name} is not a Help Center user, so there are no community badges to remove.</p>
        <div class="br-actions">
          <button type="button" onClick={props.onClose}>
            Close
          </button>
        </div>
      </>
    );
  }
  const membership = view.memberships[chosen] ?? view.memberships[0]!;
  return (
    <>
      {view.memberships.length > 1 ? (
        <div class="br-choice">
          <p class="br-sub">
            {view.contact.name} is an end user in {view.memberships.length} help centers:
          </p>
          <div class="br-tools">
            {view.memberships.map((m, index) => (
              <button
                key={`${m.helpCenter?.id}:${m.user.id}`}
                type="button"
                aria-pressed={index === chosen}
                class={index === chosen ? 'br-primary' : ''}
                onClick={() => setState({ ...state, chosen: index })}
              >
                {m.helpCenter?.name ?? `User ${m.user.id}`}
              </button>
            ))}
          </div>
        </div>
      ) : null}
      <RemoveBadgesPanel
        key={`${membership.helpCenter?.id}:${membership.user.id}`}
        api={api}
        target={{
          userId: membership.user.id,
          ...(membership.helpCenter ? { helpCenterId: membership.helpCenter.id } : {}),
        }}
        titleId={props.titleId}
        onClose={props.onClose}
      />
    </>
  );
}
