/** The organization the extension works in: the one the admin chose, while the connection and the policy allow it. */
import { ZohoError } from '../platform/errors';
import { requireAllowedOrg } from '../policy/policy';
import { connectionItem } from './stored';

/** The chosen organization's ID; throws the error kind that says what the admin must do first. */
export async function requireOrg(): Promise<string> {
  const connection = await connectionItem.getValue();
  if (!connection) {
    throw new ZohoError({
      kind: 'not-connected',
      message: 'The extension is not connected to Zoho Desk.',
      action: 'Open the options page and connect.',
    });
  }
  if (connection.state === 'reconnect') {
    throw new ZohoError({
      kind: 'reconnect',
      message: 'The connection to Zoho has expired or was revoked.',
      action: 'Open the options page and connect again.',
    });
  }
  if (!connection.org) {
    throw new ZohoError({
      kind: 'choose-org',
      message: 'No Zoho Desk organization is chosen yet.',
      action: 'Open the options page and choose the organization.',
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
