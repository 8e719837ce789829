import type { ConnectionState } from '../../utils/connection/requests';
import type { SerializedError } from '../../utils/platform/errors';
import { type MessageKey, t } from '../../utils/platform/i18n';

const CONNECTION_TEXT: Record<Exclude<ConnectionState, 'connected'>, [MessageKey, MessageKey]> = {
  disconnected: ['common_notice_disconnected', 'common_notice_disconnected_button'],
  reconnect: ['common_notice_reconnect', 'common_notice_reconnect_button'],
  'choose-org': ['common_notice_choose_org', 'common_notice_choose_org_button'],
};

/** Not connected, expired, or missing a permission: say so, with the button that fixes it. */
export function ConnectionNotice(props: {
  state: Exclude<ConnectionState, 'connected'>;
  onFix: () => void;
  detail?: string;
}) {
  const [text, button] = CONNECTION_TEXT[props.state];
  return (
    <div class="br-notice" role="status">
      <p>{props.detail ?? t(text)}</p>
      <button type="button" class="br-primary" onClick={props.onFix}>
        {t(button)}
      </button>
    </div>
  );
}

/** The connection notice that fits an error, if one does. */
export function noticeFor(error: SerializedError): Exclude<ConnectionState, 'connected'> | null {
  if (error.kind === 'choose-org') return 'choose-org';
  if (error.kind === 'not-connected') return 'disconnected';
  if (error.kind === 'reconnect' || error.kind === 'scope') return 'reconnect';
  return null;
}

/** The actions row of a panel with nothing left to do but close. */
export function CloseAction({ onClose }: { onClose: () => void }) {
  return (
    <div class="br-actions">
      <button type="button" onClick={onClose}>
        {t('common_close')}
      </button>
    </div>
  );
}

export function ErrorMessage(props: { error: SerializedError; onRetry?: () => void }) {
  return (
    <div class="br-error" role="alert">
      <p>{props.error.message}</p>
      {props.error.action ? <p class="br-muted">{props.error.action}</p> : null}
      {props.onRetry ? (
        <button type="button" onClick={props.onRetry}>
          {t('common_try_again')}
        </button>
      ) : null}
    </div>
  );
}

/** An error on an extension page: what happened and what to do. */
export function PageAlert({ error }: { error: SerializedError | null }) {
  if (!error) return null;
  return (
    <div class="alert" role="alert">
      <p>{error.message}</p>
      {error.action ? <p class="muted">{error.action}</p> : null}
    </div>
  );
}
