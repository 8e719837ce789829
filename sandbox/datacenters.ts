/**
 * The sandbox's own copy of Zoho's data centers (docs/zoho.md §1.1). It deliberately does
 * not import the extension's table: the sandbox stands in for Zoho, so it must not share the code under test.
 */
export interface SandboxDataCenter {
  /** Zoho's `location` value, e.g. in the OAuth callback. */
  readonly location: string;
  readonly accountsHost: string;
  readonly deskHost: string;
  /** What the token endpoint reports as `api_domain`. */
  readonly apiDomain: string;
}

export const SANDBOX_DATA_CENTERS: readonly SandboxDataCenter[] = [
  {
    location: 'us',
    accountsHost: 'accounts.zoho.com',
    deskHost: 'desk.zoho.com',
    apiDomain: 'https://www.zohoapis.com',
  },
  { location: 'eu', accountsHost: 'accounts.zoho.eu', deskHost: 'desk.zoho.eu', apiDomain: 'https://www.zohoapis.eu' },
  { location: 'in', accountsHost: 'accounts.zoho.in', deskHost: 'desk.zoho.in', apiDomain: 'https://www.zohoapis.in' },
  {
    location: 'au',
    accountsHost: 'accounts.zoho.com.au',
    deskHost: 'desk.zoho.com.au',
    apiDomain: 'https://www.zohoapis.com.au',
  },
  { location: 'jp', accountsHost: 'accounts.zoho.jp', deskHost: 'desk.zoho.jp', apiDomain: 'https://www.zohoapis.jp' },
  {
    location: 'ca',
    accountsHost: 'accounts.zohocloud.ca',
    deskHost: 'desk.zohocloud.ca',
    apiDomain: 'https://www.zohoapis.ca',
  },
  { location: 'sa', accountsHost: 'accounts.zoho.sa', deskHost: 'desk.zoho.sa', apiDomain: 'https://www.zohoapis.sa' },
  {
    location: 'cn',
    accountsHost: 'accounts.zoho.com.cn',
    deskHost: 'desk.zoho.com.cn',
    apiDomain: 'https://www.zohoapis.com.cn',
  },
  { location: 'sg', accountsHost: 'accounts.zoho.sg', deskHost: 'desk.zoho.sg', apiDomain: 'https://www.zohoapis.sg' },
  { location: 'ae', accountsHost: 'accounts.zoho.ae', deskHost: 'desk.zoho.ae', apiDomain: 'https://www.zohoapis.ae' },
];

export function dcByLocation(location: string): SandboxDataCenter | undefined {
  return SANDBOX_DATA_CENTERS.find((dc) => dc.location === location);
}

export function dcByAccountsHost(host: string): SandboxDataCenter | undefined {
  return SANDBOX_DATA_CENTERS.find((dc) => dc.accountsHost === host);
}

export function dcByDeskHost(host: string): SandboxDataCenter | undefined {
  return SANDBOX_DATA_CENTERS.find((dc) => dc.deskHost === host);
}

/**
 * Where the sandbox's agent app is also served (web pages only; the API stays on the Desk hosts): Zylker's
 * portal address on Zoho's `zohodesk` domains, as Zoho's KB describes it (`portalname.zohodesk.com`).
 */
export const PORTAL_WEB_HOSTS: readonly string[] = ['zylker.zohodesk.com', 'zylker.zohodesk.eu'];

/** An organization's own mapped domain (Zoho's "Support customers from your own domain"), web pages only. */
export const CUSTOM_WEB_HOSTS: readonly string[] = ['support.zylker.example'];

export function isPortalWebHost(host: string): boolean {
  return PORTAL_WEB_HOSTS.includes(host) || CUSTOM_WEB_HOSTS.includes(host);
}

/**
 * Zoho's API console, where an admin creates a Self Client and generates its codes. One host here, for every data
 * center (its page asks which); Zoho has one console per data center.
 */
export const CONSOLE_HOST = 'api-console.zoho.com';

/** Every host name the sandbox answers as Zoho: what Chromium maps to it and the certificate names. */
export function sandboxHostNames(): string[] {
  return [
    ...SANDBOX_DATA_CENTERS.flatMap((dc) => [dc.deskHost, dc.accountsHost]),
    CONSOLE_HOST,
    ...PORTAL_WEB_HOSTS,
    ...CUSTOM_WEB_HOSTS,
  ];
}
