/**
 * `DELETE /helpcenter/{helpCenterId}/users/{userId}/badges?badgeIds=...`: the removal route a how-to page
 * describes and no Zoho spec file has (docs/zoho.md §5.9). Served only when the config switches it on.
 */
import { type Reply, zohoError } from '../http';
import { changeBadges } from './badges';
import { type DeskCall, type Endpoint, idList, invalidData, NOT_FOUND, orgHelpCenter } from './call';

function deleteHelpCenterBadges(call: DeskCall): Reply {
  const helpCenter = orgHelpCenter(call, call.path.helpCenterId);
  if (!helpCenter) return invalidData('helpCenterId is invalid');
  const user = call.state.data.users.find((u) => u.id === call.path.userId && u.orgId === call.org?.id);
  if (!user) return NOT_FOUND();
  if (!user.helpCenterIds.includes(helpCenter.id))
    return invalidData('The user is not an end user of this help center.');
  const ids = idList(call.query, 'badgeIds');
  // Never "remove all": without ids there is nothing to do.
  if (ids.length === 0)
    return zohoError(422, 'UNPROCESSABLE_ENTITY', 'badgeIds is required.', {
      errors: [{ fieldName: '/badgeIds', errorType: 'missing', errorMessage: 'badgeIds is required' }],
    });
  return changeBadges(call, user, ids, 'remove');
}

export const helpCenterDeleteEndpoints: Endpoint[] = [
  {
    // In no spec file: the sandbox's own name for it.
    operationId: 'deleteHelpCenterUserBadges',
    method: 'DELETE',
    path: '/api/v1/helpcenter/{helpCenterId}/users/{userId}/badges',
    scopes: ['Desk.settings.UPDATE', 'Desk.settings.DELETE', 'Desk.contacts.UPDATE'],
    needsOrg: true,
    availability: (s) => s.config.routes.helpCenterDelete,
    handle: deleteHelpCenterBadges,
  },
];
