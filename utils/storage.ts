/**
 * Every stored item, defined once. `local:` survives restarts; `session:` lives in memory until
 * the browser closes and, by default, is not readable from content scripts: the access token lives there.
 * The refresh token and the client secret are in neither: see utils/secret-store.ts.
 */
import { storage } from 'wxt/utils/storage';
import type { RemovalReport, RemovalRoute, RouteSetting } from './badges/report';
import { DESK_ADDRESSES_KEY } from './desk-addresses';
import { PAGE_PATTERNS_KEY } from './page-patterns';
import { ANCHOR_SELECTOR_KEY } from './page-placement';
import { remembered } from './remembered-item';
import { type ClientType, DEFAULT_CLIENT_TYPE } from './zoho/client-types';
import type { DataCenterLocation } from './zoho/datacenters';

export interface Settings {
  /** The Zoho client type registered for the extension; it decides the OAuth flow. */
  clientType: ClientType;
  clientId: string;
  /** `auto`: detect from the OAuth callback's accounts-server. */
  dataCenter: 'auto' | DataCenterLocation;
  removalRoute: RouteSetting;
  /** Users worked on at once in a bulk run; keep it at or under the org's Zoho concurrency limit. */
  bulkConcurrency: number;
}

export const DEFAULT_SETTINGS: Settings = {
  clientType: DEFAULT_CLIENT_TYPE,
  clientId: '',
  dataCenter: 'auto',
  removalRoute: 'auto',
  bulkConcurrency: 5,
};

export const settingsItem = /* @__PURE__ */ remembered(
  storage.defineItem<Settings>('local:settings', {
    fallback: DEFAULT_SETTINGS,
  }),
);

/** The settings with defaults for anything an older version did not store. */
export async function readSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

/**
 * Admin-added URL patterns for Help Center user pages (see utils/page). Kept apart from the
 * settings because content scripts read it, and they must not load the client secret.
 */
export const pagePatternsItem = storage.defineItem<string[]>(`local:${PAGE_PATTERNS_KEY}`, { fallback: [] });

/** The organization's own Desk addresses (utils/desk-addresses.ts); content scripts read them too. */
export const deskAddressesItem = storage.defineItem<string[]>(`local:${DESK_ADDRESSES_KEY}`, { fallback: [] });

/** The admin's anchor selector for the control (Advanced); content scripts read it, like the patterns. */
export const anchorSelectorItem = storage.defineItem<string>(`local:${ANCHOR_SELECTOR_KEY}`, { fallback: '' });

export interface ConnectedOrg {
  id: string;
  name: string;
  portalName?: string;
}

export interface Connection {
  /**
   * `reconnect`: Zoho rejected the refresh token, or (Client-based) the Zoho session ended; the admin must
   * connect again.
   */
  state: 'connected' | 'reconnect';
  location: DataCenterLocation;
  /** Absent in connections stored before client types: those are code-flow connections. */
  clientType?: ClientType;
  /**
   * Only in connections stored by earlier versions: the refresh token lives in the secret store
   * (utils/secret-store.ts), and migrateSecrets moves an old one there on start.
   */
  refreshToken?: string;
  clientId: string;
  scopes: string[];
  connectedAt: number;
  /** Chosen organization; absent until chosen when the account has several. */
  org?: ConnectedOrg;
}

export const connectionItem = /* @__PURE__ */ remembered(
  storage.defineItem<Connection | null>('local:connection', {
    fallback: null,
  }),
);

export interface AccessToken {
  token: string;
  /** Epoch ms. */
  expiresAt: number;
}

export const accessTokenItem = storage.defineItem<AccessToken | null>('session:accessToken', {
  fallback: null,
});

/** Which removal route worked, per organization (Automatic remembers it). */
export const routeByOrgItem = /* @__PURE__ */ remembered(
  storage.defineItem<Record<string, RemovalRoute>>('local:routeByOrg', {
    fallback: {},
  }),
);

export interface AuditEntry extends RemovalReport {
  kind: 'remove' | 'undo';
  /** For an undo: the removal it reverses. */
  undoOf?: string;
  /** For a removal: the undo entries that reversed it. */
  undoneBy?: string[];
  /** The bulk run it was part of. */
  bulkRunId?: string;
  userEmail?: string;
  userName?: string;
  helpCenterName?: string;
}

/** The authorization attempt under way: the service worker may be stopped while Zoho's window is open. */
export interface PendingAuth {
  state: string;
  verifier: string;
  redirectUri: string;
  startedAt: number;
}

export const pendingAuthItem = storage.defineItem<PendingAuth | null>('session:pendingAuth', { fallback: null });

/** The popup's last search and results, shown at once when it reopens (fresh data then replaces them). */
export const lastSearchItem = storage.defineItem<import('./popup-search').SavedSearch | null>('session:lastSearch', {
  fallback: null,
});

/** Panel contexts the Desk page control registered and the panel frame has not claimed yet. */
export const panelContextsItem = storage.defineItem<
  Record<string, { tabId: number; context: import('./panel-frame').PanelContext; at: number }>
>('session:panelContexts', { fallback: {} });

/** A help center ID the admin typed because Zoho would not list help centers. */
export const typedHelpCenterIdItem = storage.defineItem<string | null>('local:typedHelpCenterId', { fallback: null });

/** Contact → Help Center users, remembered for the browser session so a return visit costs no lookup. */
export const contactUsersItem = storage.defineItem<Record<string, import('./views').ContactUsersView>>(
  'session:contactUsers',
  { fallback: {} },
);

/** How long audit entries are kept, in days. */
export const auditRetentionDaysItem = /* @__PURE__ */ remembered(
  storage.defineItem<number>('local:auditRetentionDays', { fallback: 180 }),
);

/** The bulk run, saved as it changes so it survives a stopped service worker or a browser restart. */
export const bulkRunItem = /* @__PURE__ */ remembered(
  storage.defineItem<import('./badges/bulk').BulkRun | null>('local:bulkRun', {
    fallback: null,
  }),
  // Rewritten at most once a second (the bulk page's progress follows it); what must be stored at once lives in
  // bulkInFlightItem. More often costs the run itself: each write is the whole queue.
  { minGapMs: 1000 },
);

/**
 * The users of the bulk run whose removal may be under way, saved before anything is sent for them
 * and cleared once their result is saved: small, so marking costs a fast write.
 */
export const bulkInFlightItem = /* @__PURE__ */ remembered(
  storage.defineItem<{ runId: string; userIds: string[] } | null>('local:bulkInFlight', { fallback: null }),
);
