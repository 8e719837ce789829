/**
 * Zoho data centers: the one table every host in the extension comes from (docs/zoho.md §1.1), with the Desk web
 * hosts it takes from desk-web.ts. The Desk API host is also where the Desk web app lives.
 */
import { t } from '../i18n';
import { AGENT_APP_PATHS, DESK_WEB, deskWebLocation } from './desk-web';

export interface DataCenter {
  /** Zoho's `location` value in the OAuth callback. */
  readonly location: string;
  readonly label: string;
  readonly accountsServer: string;
  readonly deskHost: string;
  /** Where the agent app is also served, as `{portal}.<portalDomain>` (desk-web.ts). */
  readonly portalDomain?: string;
}

export const DATA_CENTERS = [
  {
    location: 'us',
    get label() {
      return t('worker_dc_us');
    },
    accountsServer: 'https://accounts.zoho.com',
    ...DESK_WEB.us,
  },
  {
    location: 'eu',
    get label() {
      return t('worker_dc_eu');
    },
    accountsServer: 'https://accounts.zoho.eu',
    ...DESK_WEB.eu,
  },
  {
    location: 'in',
    get label() {
      return t('worker_dc_in');
    },
    accountsServer: 'https://accounts.zoho.in',
    ...DESK_WEB.in,
  },
  {
    location: 'au',
    get label() {
      return t('worker_dc_au');
    },
    accountsServer: 'https://accounts.zoho.com.au',
    ...DESK_WEB.au,
  },
  {
    location: 'jp',
    get label() {
      return t('worker_dc_jp');
    },
    accountsServer: 'https://accounts.zoho.jp',
    ...DESK_WEB.jp,
  },
  {
    location: 'ca',
    get label() {
      return t('worker_dc_ca');
    },
    accountsServer: 'https://accounts.zohocloud.ca',
    ...DESK_WEB.ca,
  },
  {
    location: 'sa',
    get label() {
      return t('worker_dc_sa');
    },
    accountsServer: 'https://accounts.zoho.sa',
    ...DESK_WEB.sa,
  },
  {
    location: 'cn',
    get label() {
      return t('worker_dc_cn');
    },
    accountsServer: 'https://accounts.zoho.com.cn',
    ...DESK_WEB.cn,
  },
  {
    location: 'sg',
    get label() {
      return t('worker_dc_sg');
    },
    accountsServer: 'https://accounts.zoho.sg',
    ...DESK_WEB.sg,
  },
  {
    location: 'ae',
    get label() {
      return t('worker_dc_ae');
    },
    accountsServer: 'https://accounts.zoho.ae',
    ...DESK_WEB.ae,
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

/** The data center of a Desk web origin (desk-web.ts, `deskWebLocation`); anything else is undefined. */
export function dataCenterByDeskOrigin(origin: string): DataCenter | undefined {
  const location = deskWebLocation(origin);
  return location === undefined ? undefined : dataCenterByLocation(location);
}

/** Every origin pattern the agent app is served from, for CSP (`https://desk.zoho.com https://*.zohodesk.com`). */
export function deskWebOriginPatterns(): string[] {
  return DATA_CENTERS.flatMap((dc) => [dc.deskHost, ...('portalDomain' in dc ? [`https://*.${dc.portalDomain}`] : [])]);
}

/** Match patterns for the manifest: every Desk and Accounts host, nothing else. */
export function hostPermissions(): string[] {
  return DATA_CENTERS.flatMap((dc) => [`${dc.deskHost}/*`, `${dc.accountsServer}/*`]);
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
