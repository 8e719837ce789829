/**
 * The connection's stored items. `local:` survives restarts; `session:` lives in memory until the browser
 * closes and is not readable from content scripts: the access token lives there. The refresh token and the
 * client secret are in neither: see utils/connection/secret-store.ts.
 */
import { storage } from 'wxt/utils/storage';
import { remembered } from '../platform/remembered-item';
import { type ClientType, DEFAULT_CLIENT_TYPE } from '../platform/zoho/client-types';
import type { DataCenterLocation } from '../platform/zoho/datacenters';
import type { RouteSetting } from '../platform/zoho/removal-routes';

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

/** Calls at once: Zoho's per-organization limit is 5 to 25 by edition (docs/zoho.md, 4). */
export const BULK_CONCURRENCY = { min: 1, max: 25 } as const;

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
   * Only in connections stored by earlier versions, where Desk pages could read it: migrateSecrets revokes it on
   * start (utils/connection/secret-store.ts); the refresh token lives in the secret store now.
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

/** The authorization attempt under way: the service worker may be stopped while Zoho's window is open. */
export interface PendingAuth {
  state: string;
  verifier: string;
  redirectUri: string;
  startedAt: number;
}

export const pendingAuthItem = storage.defineItem<PendingAuth | null>('session:pendingAuth', { fallback: null });

/**
 * An earlier version's secrets were found where Desk pages could read them, and dealt with (migrateSecrets): what
 * the admin must do is said on the options page until they connect again (and enter a new secret, if one was there).
 */
export interface SecretsExposure {
  /** Revoked at Zoho: connect again. */
  refreshTokenRevoked: boolean;
  /** Dropped here: make a new secret in Zoho's API console, the old one may have been read. */
  clientSecretExposed: boolean;
  at: number;
}

export const secretsExposureItem = /* @__PURE__ */ remembered(
  storage.defineItem<SecretsExposure | null>('local:secretsExposure', { fallback: null }),
);
