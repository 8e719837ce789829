/**
 * Zoho data centers: the one table every host in the extension comes from
 * (docs/zoho.md §1.1). The Desk API host is also where the Desk web app lives.
 */
import { t } from '../i18n';

export interface DataCenter {
  /** Zoho's `location` value in the OAuth callback. */
  readonly location: string;
  readonly label: string;
  readonly accountsServer: string;
  readonly deskHost: string;
  /**
   * Where the agent app is also served, as `{portal}.<portalDomain>` (the API stays on deskHost).
   * docs/zoho.md §1.3: Zoho's KB names `portalname.zohodesk.com`; public code shows `.eu`, `.in`,
   * `.com.au`, `.jp`; `.com.cn`, `.sa` and `.ca` come from one list, second hand (marked below).
   */
  readonly portalDomain?: string;
}

export const DATA_CENTERS = [
  {
    location: 'us',
    get label() {
      return t('worker_dc_us');
    },
    accountsServer: 'https://accounts.zoho.com',
    deskHost: 'https://desk.zoho.com',
    portalDomain: 'zohodesk.com',
  },
  {
    location: 'eu',
    get label() {
      return t('worker_dc_eu');
    },
    accountsServer: 'https://accounts.zoho.eu',
    deskHost: 'https://desk.zoho.eu',
    portalDomain: 'zohodesk.eu',
  },
  {
    location: 'in',
    get label() {
      return t('worker_dc_in');
    },
    accountsServer: 'https://accounts.zoho.in',
    deskHost: 'https://desk.zoho.in',
    portalDomain: 'zohodesk.in',
  },
  {
    location: 'au',
    get label() {
      return t('worker_dc_au');
    },
    accountsServer: 'https://accounts.zoho.com.au',
    deskHost: 'https://desk.zoho.com.au',
    portalDomain: 'zohodesk.com.au',
  },
  {
    location: 'jp',
    get label() {
      return t('worker_dc_jp');
    },
    accountsServer: 'https://accounts.zoho.jp',
    deskHost: 'https://desk.zoho.jp',
    portalDomain: 'zohodesk.jp',
  },
  {
    location: 'ca',
    get label() {
      return t('worker_dc_ca');
    },
    accountsServer: 'https://accounts.zohocloud.ca',
    deskHost: 'https://desk.zohocloud.ca',
    // Second hand (one list in docs/zoho.md §1.3), unconfirmed.
    portalDomain: 'zohodesk.ca',
  },
  {
    location: 'sa',
    get label() {
      return t('worker_dc_sa');
    },
    accountsServer: 'https://accounts.zoho.sa',
    deskHost: 'https://desk.zoho.sa',
    // Second hand (one list in docs/zoho.md §1.3), unconfirmed.
    portalDomain: 'zohodesk.sa',
  },
  {
    location: 'cn',
    get label() {
      return t('worker_dc_cn');
    },
    accountsServer: 'https://accounts.zoho.com.cn',
    deskHost: 'https://desk.zoho.com.cn',
    // Second hand (one list in docs/zoho.md §1.3), unconfirmed.
    portalDomain: 'zohodesk.com.cn',
  },
  {
    location: 'sg',
    get label() {
      return t('worker_dc_sg');
    },
    accountsServer: 'https://accounts.zoho.sg',
    deskHost: 'https://desk.zoho.sg',
  },
  {
    location: 'ae',
    get label() {
      return t('worker_dc_ae');
    },
    accountsServer: 'https://accounts.zoho.ae',
    deskHost: 'https://desk.zoho.ae',
  },
] as const satisfies readonly DataCenter[];

export type DataCenterLocation = (typeof DATA_CENTERS)[number]['location'];

/** The accounts server an authorization starts at before Zoho redirects to the user's own DC. */
export const DEFAULT_DATA_CENTER: DataCenter = DATA_CENTERS[0];

export function dataCenterByLocation(location: string): DataCenter | undefined {
  return DATA_CENTERS.find((dc) => dc.location === location);
}

/** Exact match on origin only: the allowlist check for the callback's `accounts-server`. */
export function dataCenterByAccountsServer(server: string): DataCenter | undefined {
  let origin: string;
  try {
    const url = new URL(server);
    if (url.protocol !== 'https:' || url.username || url.password || (url.pathname !== '/' && url.pathname !== ''))
      return undefined;
    origin = url.origin;
  } catch {
    return undefined;
  }
  return DATA_CENTERS.find((dc) => dc.accountsServer === origin);
}

/**
 * The data center of a Desk web origin: its Desk host (`https://desk.zoho.eu`), or a portal's address on its
 * `zohodesk` domain (`https://zylker.zohodesk.eu`: one label, https, no port). Anything else is undefined.
 */
export function dataCenterByDeskOrigin(origin: string): DataCenter | undefined {
  const exact = DATA_CENTERS.find((dc) => dc.deskHost === origin);
  if (exact) return exact;
  const portal = /^https:\/\/[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.(.+)$/.exec(origin);
  return portal ? DATA_CENTERS.find((dc) => 'portalDomain' in dc && dc.portalDomain === portal[1]) : undefined;
}

/** Whether the origin is one of Zoho's own Desk origins (an organization's own address is not: utils/page/desk-addresses.ts). */
export const isDeskOrigin = (origin: string): boolean => dataCenterByDeskOrigin(origin) !== undefined;

/** Every origin pattern the agent app is served from, for CSP (`https://desk.zoho.com https://*.zohodesk.com`). */
export function deskWebOriginPatterns(): string[] {
  return DATA_CENTERS.flatMap((dc) => [dc.deskHost, ...('portalDomain' in dc ? [`https://*.${dc.portalDomain}`] : [])]);
}

/** Match patterns for the manifest: every Desk and Accounts host, nothing else. */
export function hostPermissions(): string[] {
  return DATA_CENTERS.flatMap((dc) => [`${dc.deskHost}/*`, `${dc.accountsServer}/*`]);
}

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
  const [, app, portal] = path.split('/');
  return (app === 'agent' || app === 'support') && portal ? portal : undefined;
}

export function deskWebAppMatches(): string[] {
  return deskWebOriginPatterns().flatMap((origin) => AGENT_APP_PATHS.map((path) => `${origin}${path}`));
}

/** Every Desk web origin as a match pattern: what web-accessible resources are offered to (their paths must be /*). */
export function deskOriginMatches(): string[] {
  return deskWebOriginPatterns().map((origin) => `${origin}/*`);
}

/** Every host name the extension may talk to: what tests map to the sandbox. */
export function allZohoHostNames(): string[] {
  return DATA_CENTERS.flatMap((dc) => [new URL(dc.deskHost).hostname, new URL(dc.accountsServer).hostname]);
}

/** Zoho's static content hosts (any subdomain), where Zoho itself serves images. */
export const ZOHO_STATIC_DOMAINS = ['zohostatic.com', 'zohocdn.com'] as const;

/**
 * Whether a badge icon may be loaded: https on a Zoho host of the data-center table or a Zoho static host.
 * Any other URL (a custom badge's icon can point anywhere) could track the admin, so it is not loaded.
 */
export function isZohoImageUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  const host = url.hostname;
  return allZohoHostNames().includes(host) || ZOHO_STATIC_DOMAINS.some((domain) => host.endsWith(`.${domain}`));
}
