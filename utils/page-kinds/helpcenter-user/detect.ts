/** Help Center user pages of the Desk agent app, by their URL: the built-in shapes (utils/page/kind-catalog.ts) and the admin's. */

import { matchPageKind } from '../../page/kind-match';

export interface HelpCenterUserPage {
  kind: 'helpcenter-user';
  portal?: string;
  helpCenterId?: string;
  /** The API user id; absent when the URL only has a portal user id (then the page's email is used). */
  userId?: string;
  portalUserId?: string;
  /** The pattern that matched. */
  pattern: string;
}

export function detectHelpCenterUserPage(
  url: string,
  customPatterns: readonly string[] = [],
  deskAddresses: readonly string[] = [],
): HelpCenterUserPage | null {
  const found = matchPageKind('helpcenter-user', url, customPatterns, deskAddresses);
  if (!found) return null;
  const { captures: c, pattern } = found;
  const page: HelpCenterUserPage = { kind: 'helpcenter-user', pattern };
  if (c.portal) page.portal = c.portal;
  if (c.helpCenterId) page.helpCenterId = c.helpCenterId;
  if (c.userId) page.userId = c.userId;
  if (c.portalUserId) page.portalUserId = c.portalUserId;
  return page;
}

/** The same key means the same user: navigation between such URLs keeps the control as it is. */
export const helpCenterUserPageKey = (page: HelpCenterUserPage): string =>
  `user:${page.helpCenterId ?? ''}:${page.userId ?? `portal-${page.portalUserId}`}`;

/** A Help Center user page URL in the first built-in shape, so the detector knows it when the tab opens it. */
export function helpCenterUserPageUrl(page: {
  deskHost: string;
  portal: string;
  department?: string;
  helpCenterId: string;
  userId: string;
}): string {
  const portal = encodeURIComponent(page.portal);
  const department = encodeURIComponent(page.department ?? 'all');
  return `${page.deskHost}/agent/${portal}/${department}/setup#setup/channels/helpcenter/${page.helpCenterId}/users/${page.userId}`;
}
