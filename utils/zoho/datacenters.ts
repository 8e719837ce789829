/**
 * Zoho data centers: the one table every host in the extension comes from
 * (reference/zoho-api.md §1.1). The Desk API host is also where the Desk web app lives.
 */
export interface DataCenter {
  /** Zoho's `location` value in the OAuth callback. */
  readonly location: string;
  readonly label: string;
  readonly accountsServer: string;
  readonly deskHost: string;
}

export const DATA_CENTERS = [
  {
    location: 'us',
    label: 'United States',
    accountsServer: 'https://accounts.zoho.com',
    deskHost: 'https://desk.zoho.com',
  },
  { location: 'eu', label: 'Europe', accountsServer: 'https://accounts.zoho.eu', deskHost: 'https://desk.zoho.eu' },
  { location: 'in', label: 'India', accountsServer: 'https://accounts.zoho.in', deskHost: 'https://desk.zoho.in' },
  {
    location: 'au',
    label: 'Australia',
    accountsServer: 'https://accounts.zoho.com.au',
    deskHost: 'https://desk.zoho.com.au',
  },
  { location: 'jp', label: 'Japan', accountsServer: 'https://accounts.zoho.jp', deskHost: 'https://desk.zoho.jp' },
  {
    location: 'ca',
    label: 'Canada',
    accountsServer: 'https://accounts.zohocloud.ca',
    deskHost: 'https://desk.zohocloud.ca',
  },
  {
    location: 'sa',
    label: 'Saudi Arabia',
    accountsServer: 'https://accounts.zoho.sa',
    deskHost: 'https://desk.zoho.sa',
  },
  {
    location: 'cn',
    label: 'China',
    accountsServer: 'https://accounts.zoho.com.cn',
    deskHost: 'https://desk.zoho.com.cn',
  },
  { location: 'sg', label: 'Singapore', accountsServer: 'https://accounts.zoho.sg', deskHost: 'https://desk.zoho.sg' },
  {
    location: 'ae',
    label: 'United Arab Emirates',
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

export function dataCenterByDeskOrigin(origin: string): DataCenter | undefined {
  return DATA_CENTERS.find((dc) => dc.deskHost === origin);
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

export function deskWebAppMatches(): string[] {
  return DATA_CENTERS.flatMap((dc) => AGENT_APP_PATHS.map((path) => `${dc.deskHost}${path}`));
}

/** Every Desk origin as a match pattern: what web-accessible resources are offered to (their paths must be /*). */
export function deskOriginMatches(): string[] {
  return DATA_CENTERS.map((dc) => `${dc.deskHost}/*`);
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
