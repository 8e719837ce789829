/** Help Center user pages of the Desk agent app, by their URL: the built-in shapes (utils/page/kind-catalog.ts) and the admin's. */

import { PAGE_KIND_CATALOG } from '../../page/kind-catalog';
import { type CompiledPattern, compileBuiltIn, compileCustom, matchTarget } from '../../page/url-pattern';
import { dataCenterByDeskOrigin } from '../../platform/zoho/datacenters';

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

const builtIns: CompiledPattern[] = PAGE_KIND_CATALOG['helpcenter-user'].builtIns.map(compileBuiltIn);

export const isDeskOrigin = (origin: string): boolean => dataCenterByDeskOrigin(origin) !== undefined;

/** What patterns match in a URL on a Desk origin (Zoho's, or one of the organization's own addresses). */
export const deskTarget = (url: string, deskAddresses: readonly string[]): string | null =>
  matchTarget(url, (origin) => isDeskOrigin(origin) || deskAddresses.includes(origin));

export function detectHelpCenterUserPage(
  url: string,
  customPatterns: readonly string[] = [],
  deskAddresses: readonly string[] = [],
): HelpCenterUserPage | null {
  const target = deskTarget(url, deskAddresses);
  if (target === null) return null;
  const patterns = [...builtIns, ...compileCustom(customPatterns).filter((p) => p.kind === 'helpcenter-user')];
  for (const pattern of patterns) {
    const c = pattern.match(target);
    if (!c) continue;
    const page: HelpCenterUserPage = { kind: 'helpcenter-user', pattern: pattern.source };
    if (c.portal) page.portal = c.portal;
    if (c.helpCenterId) page.helpCenterId = c.helpCenterId;
    if (c.userId) page.userId = c.userId;
    if (c.portalUserId) page.portalUserId = c.portalUserId;
    return page;
  }
  return null;
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
