/**
 * Help Center user pages of the Desk agent app. Their real URL is unconfirmed (docs/zoho.md §1.3), so the
 * likely shapes are built in and admins can add their own (options page, Advanced).
 */
import { dataCenterByDeskOrigin } from '../platform/zoho/datacenters';
import { type CompiledPattern, compileBuiltIn, compileCustom, matchTarget } from './url-pattern';

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

export const BUILT_IN_HELPCENTER_USER_PATTERNS = [
  // Agent app, Setup as a hash route (Setup → Channels → Help Center → Users → a user).
  '/agent/{portal}/{department}/setup#setup/channels/helpcenter/{helpCenterId}/users/{userId}',
  // Agent app with the same route in the path.
  '/agent/{portal}/{department}/setup/channels/helpcenter/{helpCenterId}/users/{userId}',
  // Classic UI.
  '/support/{portal}/ShowHomePage.do#Setup/helpcenter/{helpCenterId}/users/{userId}',
  // A user page that names only the portal user (the id in photo URLs), not the API user.
  '/agent/{portal}/{department}/setup#setup/channels/helpcenter/{helpCenterId}/users/portaluser/{portalUserId}',
] as const;

const builtIns: CompiledPattern[] = BUILT_IN_HELPCENTER_USER_PATTERNS.map(compileBuiltIn);

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
