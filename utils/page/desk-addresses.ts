/**
 * "My Desk address": an organization's own mapped domain, where Zoho serves the agent app (for example
 * `https://support.zylker.example/support`). Added only on the admin's request: the browser grants that one
 * origin, and the content script is registered there for the agent app's paths. Kept in `deskAddressesItem`
 * (utils/page/stored.ts); the sender check and content scripts get it from the service worker.
 */
import { AGENT_APP_PATHS, dataCenterByDeskOrigin } from '../platform/zoho/datacenters';

/** The origin of an address the admin typed, or why it cannot be one. */
export function deskAddressOrigin(input: string): { origin: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(input.trim().includes('://') ? input.trim() : `https://${input.trim()}`);
  } catch {
    return { problem: 'That is not a web address.' };
  }
  if (url.protocol !== 'https:')
    return { problem: 'Zoho Desk is served over https: the address must start with https://.' };
  if (url.username || url.password) return { problem: 'Leave out any user name or password.' };
  if (!url.hostname.includes('.') || /^[\d.]+$/.test(url.hostname) || url.hostname.startsWith('['))
    return { problem: 'Use the host name your agents open Desk at, such as support.yourcompany.com.' };
  if (dataCenterByDeskOrigin(url.origin)) return { problem: 'This Zoho address is covered already.' };
  return { origin: url.origin };
}

/** Where the content script runs on that origin: the agent app's paths only, never the public Help Center. */
export function deskAddressMatches(origin: string): string[] {
  return AGENT_APP_PATHS.map((path) => `${origin}${path}`);
}

const SCRIPT_ID_PREFIX = 'desk-address:';

/** The registered content script's id for that origin. */
export function deskAddressScriptId(origin: string): string {
  return `${SCRIPT_ID_PREFIX}${origin}`;
}

/** The origin a registered content script's id names, or null for another script. */
export function deskAddressOfScript(id: string): string | null {
  return id.startsWith(SCRIPT_ID_PREFIX) ? id.slice(SCRIPT_ID_PREFIX.length) : null;
}
