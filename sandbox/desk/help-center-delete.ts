/**
 * `DELETE /helpcenter/{helpCenterId}/users/{userId}/badges?badgeIds=...`: the removal route a how-to page
 * describes and no Zoho spec file has (docs/zoho.md §5.9). Served only when the config switches it on.
 */
import type { Reply } from '../http';
import { changeBadges } from './badges';
import { type DeskCall, type Endpoint, invalidData, noSuch, orgHelpCenter, textArg } from './call';
import { idListRule, idParam, ORG_ID } from './params';

function deleteHelpCenterBadges(call: DeskCall): Reply {
  const helpCenter = orgHelpCenter(call, textArg(call, 'helpCenterId'));
  if (!helpCenter) return noSuch(call, 'helpCenterId');
  const user = call.state.data.users.find((u) => u.id === call.args.userId && u.orgId === call.org?.id);
  if (!user) return noSuch(call, 'userId');
  if (!user.helpCenterIds.includes(helpCenter.id))
    return invalidData('helpCenterId', 'The user is not an end user of this help center.');
  // Required by its rule: a DELETE without badgeIds never means "all".
  return changeBadges(call, user, call.args.badgeIds as string[], 'remove');
}

export const helpCenterDeleteEndpoints: Endpoint[] = [
  {
    // In no spec file: the sandbox's own name for it, and its own rules.
    operationId: 'deleteHelpCenterUserBadges',
    published: false,
    method: 'DELETE',
    path: '/api/v1/helpcenter/{helpCenterId}/users/{userId}/badges',
    scopes: ['Desk.settings.UPDATE', 'Desk.settings.DELETE', 'Desk.contacts.UPDATE'],
    needsOrg: true,
    params: [
      idParam('helpCenterId', 'path'),
      idParam('userId', 'path'),
      { name: 'badgeIds', in: 'query', required: true, schema: { ...idListRule(false), minItems: 1 } },
      ORG_ID,
    ],
    availability: (s) => s.config.routes.helpCenterDelete,
    handle: deleteHelpCenterBadges,
  },
];
