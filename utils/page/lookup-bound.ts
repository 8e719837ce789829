/**
 * What a Desk page may cost before the admin clicks: the content script looks a user up (to place the control by
 * their name, or to find them by the email the page shows), and a hostile page can drive it, cycling URLs with
 * pushState to learn who is who and spend the organization's credits. So, per tab: at most one lookup per user
 * (by ID or email; the sender's URL cannot tell, as Chrome keeps the one the document loaded with), and at most
 * LOOKUPS_PER_MINUTE a minute; and only on an agent-app page of the connected
 * organization's portal. Past the bound the control still shows, placed without the name, and the user is looked up
 * once the admin clicks.
 */
import { deskPagePortal } from '../platform/zoho/desk-web';

export const LOOKUPS_PER_MINUTE = 10;
/**
 * The errorCode of a lookup by user ID the bound defers to the admin's click (a lookup by email is answered with the
 * email's own context instead: `identifyByEmail`).
 */
export const LOOKUP_DEFERRED = 'LOOKUP_DEFERRED';
const MINUTE_MS = 60_000;

export interface LookupBound {
  /** Whether this tab may look up `who` (a user ID or an email) now; counts it if so. */
  take(tabId: number, who: string): boolean;
}

export function createLookupBound(now: () => number, perMinute = LOOKUPS_PER_MINUTE): LookupBound {
  const byTab = new Map<number, { who: string; at: number }[]>();
  return {
    take(tabId, who) {
      const at = now();
      const recent = (byTab.get(tabId) ?? []).filter((l) => at - l.at < MINUTE_MS);
      byTab.set(tabId, recent);
      if (recent.length >= perMinute || recent.some((l) => l.who === who)) return false;
      recent.push({ who, at });
      return true;
    },
  };
}

/**
 * Whether `url` is an agent-app page (`/agent/{portal}/...` or `/support/{portal}/...`) of the organization's
 * portal; on its own mapped domain as on Zoho's hosts. An unknown portal name matches nothing.
 */
export function isOrgAgentPage(url: string, portalName: string | undefined): boolean {
  if (!portalName) return false;
  return deskPagePortal(url)?.toLowerCase() === portalName.toLowerCase();
}
