/**
 * "My Desk address": an organization's own mapped domain, where Zoho serves the agent app (for example
 * `https://support.zylker.example/support`). Added only on the admin's request: the browser grants that one
 * origin, and the content script is registered there for the agent app's paths. Kept in `deskAddressesItem`
 * (utils/page/stored.ts); the sender check and content scripts get it from the service worker.
 */
import { t } from '../platform/i18n';
import { dataCenterByDeskOrigin } from '../platform/zoho/datacenters';
import { AGENT_APP_PATHS } from '../platform/zoho/desk-web';

/** The origin of an address the admin typed, or why it cannot be one. */
export function deskAddressOrigin(input: string): { origin: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(input.trim().includes('://') ? input.trim() : `https://${input.trim()}`);
  } catch {
    return { problem: t('options_desk_not_an_address') };
  }
  if (url.protocol !== 'https:') return { problem: t('options_desk_not_https') };
  if (url.username || url.password) return { problem: t('options_desk_no_credentials') };
  if (!url.hostname.includes('.') || /^[\d.]+$/.test(url.hostname) || url.hostname.startsWith('['))
    return { problem: t('options_desk_not_a_host_name') };
  if (dataCenterByDeskOrigin(url.origin)) return { problem: t('options_desk_covered') };
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

/** A Desk address the content script is registered on; `current`: with today's files (registrations outlive
 * updates). */
export interface RegisteredDeskAddress {
  origin: string;
  current: boolean;
}

/** The Desk addresses among the browser's registered scripts, and whether each names today's files. */
export function registeredDeskAddresses(
  scripts: readonly { id: string; js?: string[] }[],
  files: readonly string[],
): RegisteredDeskAddress[] {
  return scripts.flatMap((script) => {
    const origin = deskAddressOfScript(script.id);
    return origin === null ? [] : [{ origin, current: (script.js ?? []).join('\n') === files.join('\n') }];
  });
}
