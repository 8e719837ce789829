/**
 * Where each data center serves the Desk agent app, by its `location` (docs/zoho.md §1.1, §1.3): its Desk host, and
 * the domain its portals' own addresses end in (`{portal}.<portalDomain>`; the API stays on the Desk host), and the
 * agent app's paths there. The data-center table (datacenters.ts) takes these from here; the content script needs
 * only these, not the table.
 * Zoho's KB names `portalname.zohodesk.com`; public code shows `.eu`, `.in`, `.com.au`, `.jp`; `.com.cn`, `.sa`
 * and `.ca` come from one list, second hand, unconfirmed.
 */
export const DESK_WEB = {
  us: { deskHost: 'https://desk.zoho.com', portalDomain: 'zohodesk.com' },
  eu: { deskHost: 'https://desk.zoho.eu', portalDomain: 'zohodesk.eu' },
  in: { deskHost: 'https://desk.zoho.in', portalDomain: 'zohodesk.in' },
  au: { deskHost: 'https://desk.zoho.com.au', portalDomain: 'zohodesk.com.au' },
  jp: { deskHost: 'https://desk.zoho.jp', portalDomain: 'zohodesk.jp' },
  ca: { deskHost: 'https://desk.zohocloud.ca', portalDomain: 'zohodesk.ca' },
  sa: { deskHost: 'https://desk.zoho.sa', portalDomain: 'zohodesk.sa' },
  cn: { deskHost: 'https://desk.zoho.com.cn', portalDomain: 'zohodesk.com.cn' },
  sg: { deskHost: 'https://desk.zoho.sg' },
  ae: { deskHost: 'https://desk.zoho.ae' },
} as const satisfies Record<string, { deskHost: string; portalDomain?: string }>;

export type DeskWebLocation = keyof typeof DESK_WEB;

/**
 * The data center (its `location`) of a Desk web origin: its Desk host (`https://desk.zoho.eu`), or a portal's
 * address on its `zohodesk` domain (`https://zylker.zohodesk.eu`: one label, https, no port). Anything else is
 * undefined.
 */
export function deskWebLocation(origin: string): DeskWebLocation | undefined {
  const portal = /^https:\/\/[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.(.+)$/.exec(origin)?.[1];
  return (Object.keys(DESK_WEB) as DeskWebLocation[]).find((location) => {
    const web: { deskHost: string; portalDomain?: string } = DESK_WEB[location];
    return web.deskHost === origin || (portal !== undefined && web.portalDomain === portal);
  });
}

/** Whether the origin is one of Zoho's own Desk origins (an organization's own address is not: utils/page/desk-addresses.ts). */
export const isDeskOrigin = (origin: string): boolean => deskWebLocation(origin) !== undefined;

/**
 * The agent app's paths, where the content script runs: `/agent/` (the current UI) and `/support/` (the
 * classic UI). Never `/portal/`, the public Help Center, nor anything else on the Desk host.
 */
export const AGENT_APP_PATHS = ['/agent/*', '/support/*'] as const;

/** Whether a path is in the agent app (where the content script runs), not the public Help Center. */
export function isAgentAppPath(path: string): boolean {
  return AGENT_APP_PATHS.some((p) => path.startsWith(p.slice(0, -1)));
}

/** The portal an agent-app address names (`/agent/{portal}/…`, classic `/support/{portal}/…`), if it names one. */
export function deskPagePortal(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const [, , portal] = path.split('/');
  return isAgentAppPath(path) && portal ? portal : undefined;
}
