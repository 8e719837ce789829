/**
 * What the popup makes of the page in the current tab: the Help Center user it shows, what to offer
 * besides the search, and where "Open in Desk" leads.
 */
import type { StatusView } from '../connection/requests';
import { matchTarget } from '../page/url-pattern';
import { detectPage } from '../page-kinds';
import { detectHelpCenterUserPage, helpCenterUserPageUrl } from '../page-kinds/helpcenter-user/detect';
import { dataCenterByLocation } from '../platform/zoho/datacenters';
import { isAgentAppPath, isDeskOrigin } from '../platform/zoho/desk-web';
import { type UserTarget, userTarget } from './popup-lookup';

/** The user of a Help Center user page, when the page names the API user (not only the portal user). */
export function pageUserTarget(url: string, patterns: readonly string[]): UserTarget | null {
  const page = detectHelpCenterUserPage(url, patterns);
  return page?.userId ? userTarget(page.userId, page.helpCenterId) : null;
}

export interface TabOffers {
  /** The tab's URL, when it is an agent-app page on a Desk origin that no pattern knows: offer to recognize it. */
  unknownPage: string | null;
  /**
   * The origin of an agent-app path on a host that is not Zoho's: perhaps the organization's own Desk
   * address. Offered only when it is not one of the Desk addresses already.
   */
  ownDomain: string | null;
}

/** Nothing to offer for a URL that does not parse: the popup's search stays as it is. */
export function tabOffers(url: string, patterns: readonly string[]): TabOffers {
  const parsed = URL.parse(url);
  if (!parsed) return { unknownPage: null, ownDomain: null };
  const target = matchTarget(url, isDeskOrigin);
  const unknownPage = target !== null && isAgentAppPath(target) && !detectPage(url, patterns) ? url : null;
  const ownDomain =
    target === null && parsed.protocol === 'https:' && isAgentAppPath(parsed.pathname) ? parsed.origin : null;
  return { unknownPage, ownDomain };
}

/** The user's page in the Desk agent app, or null without a data center, portal or help center to name. */
export function deskUserPageUrl(
  status: Pick<StatusView, 'dataCenter' | 'org'> | null,
  target: UserTarget,
): string | null {
  const dc = status?.dataCenter && dataCenterByLocation(status.dataCenter.location);
  if (!dc || !status?.org?.portalName || !target.helpCenterId) return null;
  return helpCenterUserPageUrl({
    deskHost: dc.deskHost,
    portal: status.org.portalName,
    helpCenterId: target.helpCenterId,
    userId: target.userId,
  });
}
