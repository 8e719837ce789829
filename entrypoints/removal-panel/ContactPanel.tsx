import { Component } from 'preact';
import { CloseAction, ConnectionNotice, ErrorMessage, noticeFor } from '../../components/common/Notices';
import { type PanelApi, RemoveBadgesPanel } from '../../components/removal/RemoveBadgesPanel';
import type { Client } from '../../utils/client';
import type { ContactUsersView } from '../../utils/contact/contact';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { plural, t } from '../../utils/platform/i18n';

/** The panel on contact pages also maps the contact to its Help Center user(s). */
export type ContactPanelApi = PanelApi & Pick<Client, 'getContactUsers'>;

/** Where the contact's flow is; the removal itself is RemoveBadgesPanel's. */
type Flow =
  | { name: 'loading' }
  | { name: 'notice'; state: 'disconnected' | 'reconnect' | 'choose-org'; detail?: string }
  | { name: 'error'; error: SerializedError }
  | { name: 'ready'; view: ContactUsersView; chosen: number };

export interface ContactPanelProps {
  api: ContactPanelApi;
  contactId: string;
  titleId: string;
  onClose: () => void;
}

/** The panel on a contact page: the same removal flow, for the Help Center user(s) the contact is. */
export class ContactPanel extends Component<ContactPanelProps, { flow: Flow }> {
  override state: { flow: Flow } = { flow: { name: 'loading' } };
  private readonly setFlow = (flow: Flow) => this.setState({ flow });

  private readonly load = async () => {
    const { api, contactId } = this.props;
    this.setFlow({ name: 'loading' });
    try {
      const status = await api.getStatus();
      if (status.connection !== 'connected') return this.setFlow({ name: 'notice', state: status.connection });
      this.setFlow({ name: 'ready', view: await api.getContactUsers({ contactId }), chosen: 0 });
    } catch (error) {
      const serialized = serializeError(error);
      const notice = noticeFor(serialized);
      this.setFlow(
        notice ? { name: 'notice', state: notice, detail: serialized.message } : { name: 'error', error: serialized },
      );
    }
  };

  override componentDidMount() {
    void this.load();
  }

  override componentDidUpdate(previous: ContactPanelProps) {
    if (previous.contactId !== this.props.contactId) void this.load();
  }

  override render() {
    const { props, load } = this;
    const { api } = props;
    const { flow } = this.state;
    if (flow.name === 'loading') {
      return (
        <p>
          <span class="br-spinner" aria-hidden="true" />
          {t('panel_contact_loading')}
        </p>
      );
    }
    if (flow.name === 'notice') {
      return <ConnectionNotice state={flow.state} detail={flow.detail} onFix={() => void api.openOptions()} />;
    }
    if (flow.name === 'error') return <ErrorMessage error={flow.error} onRetry={load} />;

    const { view, chosen } = flow;
    if (view.memberships.length === 0) {
      return (
        <>
          <h2 id={props.titleId}>{t('panel_page_title')}</h2>
          <p role="status">{t('panel_contact_not_user', [view.contact.name])}</p>
          <CloseAction onClose={props.onClose} />
        </>
      );
    }
    const membership = view.memberships[chosen] ?? view.memberships[0]!;
    return (
      <>
        {view.memberships.length > 1 ? (
          <div class="br-choice">
            <p class="br-sub">
              {plural('panel_contact_memberships', view.memberships.length, [
                view.memberships.length,
                view.contact.name,
              ])}
            </p>
            <div class="br-tools">
              {view.memberships.map((m, index) => (
                <button
                  key={`${m.helpCenter?.id}:${m.user.id}`}
                  type="button"
                  aria-pressed={index === chosen}
                  class={index === chosen ? 'br-primary' : ''}
                  onClick={() => this.setFlow({ ...flow, chosen: index })}
                >
                  {m.helpCenter?.name ?? t('panel_contact_user', [m.user.id])}
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
}
