/** The organization the extension works in: the one the admin chose, while the connection and the policy allow it. */
import { ZohoError } from '../platform/errors';
import { t } from '../platform/i18n';
import { requireAllowedOrg } from '../policy/policy';
import { connectionItem } from './stored';

/** The chosen organization's ID; throws the error kind that says what the admin must do first. */
export async function requireOrg(): Promise<string> {
  const connection = await connectionItem.getValue();
  if (!connection) {
    throw new ZohoError({
      kind: 'not-connected',
      message: t('worker_zoho_kind_not_connected'),
      action: t('worker_action_connect'),
    });
  }
  if (connection.state === 'reconnect') {
    throw new ZohoError({
      kind: 'reconnect',
      message: t('worker_auth_expired'),
      action: t('worker_action_reconnect'),
    });
  }
  if (!connection.org) {
    throw new ZohoError({
      kind: 'choose-org',
      message: t('worker_zoho_kind_choose_org'),
      action: t('worker_action_choose_org'),
    });
  }
  await requireAllowedOrg(connection.org);
  return connection.org.id;
}

/**
 * The organization every Desk call goes to (the Desk client asks before each one): the chosen one, and only while
 * the organization's policy allows it, whatever the handler checked before.
 */
export async function orgIdForCalls(): Promise<string | undefined> {
  const org = (await connectionItem.getValue())?.org;
  if (org) await requireAllowedOrg(org);
  return org?.id;
}
