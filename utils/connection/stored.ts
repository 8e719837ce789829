/**
 * The connection's stored items, in the trusted area (utils/platform/trusted-storage.ts: never readable by content
 * scripts), each parsed with its schema when read. `session:` lives in memory until the browser closes, closed to
 * content scripts too: the access token lives there. The refresh token and the client secret are in neither: see
 * utils/connection/secret-store.ts.
 */

import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { zohoId } from '../platform/dispatch';
import type { MessageKey } from '../platform/i18n';
import { remembered } from '../platform/remembered-item';
import { trustedItem } from '../platform/trusted-storage';
import { CLIENT_TYPES, type ClientType, DEFAULT_CLIENT_TYPE } from '../platform/zoho/client-types';
import { DATA_CENTERS, type DataCenterLocation } from '../platform/zoho/datacenters';
import { type ManagedPolicy, policyValues } from '../policy/policy';
import { FIREFOX_REDIRECTS, type FirefoxRedirect } from './redirect-uri';

const dataCenterLocation = z.enum(
  DATA_CENTERS.map((dc) => dc.location) as [DataCenterLocation, ...DataCenterLocation[]],
);

/** The connection's settings; the other features keep their own (earlier versions kept theirs here too). */
export interface Settings {
  /** The Zoho client type registered for the extension; it decides the OAuth flow. */
  clientType: ClientType;
  clientId: string;
  /** `auto`: detect from the OAuth callback's accounts-server. */
  dataCenter: 'auto' | DataCenterLocation;
  /** In Firefox, the redirect URI registered in Zoho's console: its own (allizom.org) or the loopback one. */
  firefoxRedirect: FirefoxRedirect;
}

export const DEFAULT_SETTINGS: Settings = {
  clientType: DEFAULT_CLIENT_TYPE,
  clientId: '',
  dataCenter: 'auto',
  firefoxRedirect: 'extension',
};

/** Each field checked; one an earlier version did not store takes its default. */
const settingsSchema: z.ZodMiniType<Settings> = z.pipe(
  z.object({
    clientType: z.optional(z.enum(CLIENT_TYPES)),
    clientId: z.optional(z.string().check(z.maxLength(200))),
    dataCenter: z.optional(z.union([z.literal('auto'), dataCenterLocation])),
    firefoxRedirect: z.optional(z.enum(FIREFOX_REDIRECTS)),
  }),
  z.transform((stored): Settings => {
    const defined = Object.fromEntries(Object.entries(stored).filter(([, v]) => v !== undefined));
    return { ...DEFAULT_SETTINGS, ...defined };
  }),
);

export const settingsItem = /* @__PURE__ */ remembered(
  trustedItem<Settings>('settings', { fallback: DEFAULT_SETTINGS, schema: settingsSchema }),
);

/** The settings the organization's policy may set, each with its name in a refusal. */
export const POLICY_SETTINGS = {
  clientType: 'worker_setting_client_type',
  clientId: 'worker_setting_client_id',
  dataCenter: 'worker_setting_data_center',
} as const satisfies Partial<Record<keyof Settings & keyof ManagedPolicy, MessageKey>>;
export type PolicySetting = keyof typeof POLICY_SETTINGS;

/** What the admin saved, with defaults for anything an older version did not store. */
export async function readSavedSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

/** The settings in force: the organization's policy over what the admin saved. */
export async function readSettings(): Promise<Settings> {
  const [saved, policy] = await Promise.all([readSavedSettings(), policyValues()]);
  const set = Object.keys(POLICY_SETTINGS).filter((key) => policy[key as PolicySetting] !== undefined);
  return { ...saved, ...Object.fromEntries(set.map((key) => [key, policy[key as PolicySetting]])) };
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

const connectionSchema: z.ZodMiniType<Connection> = z.object({
  state: z.enum(['connected', 'reconnect']),
  location: dataCenterLocation,
  clientType: z.optional(z.enum(CLIENT_TYPES)),
  refreshToken: z.optional(z.string()),
  clientId: z.string().check(z.maxLength(200)),
  scopes: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50)),
  connectedAt: z.number(),
  org: z.optional(
    z.object({
      id: zohoId,
      name: z.string().check(z.maxLength(500)),
      portalName: z.optional(z.string().check(z.maxLength(200))),
    }),
  ),
});

export const connectionItem = /* @__PURE__ */ remembered(
  trustedItem<Connection | null>('connection', { fallback: null, schema: connectionSchema }),
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
  trustedItem<SecretsExposure | null>('secretsExposure', {
    fallback: null,
    schema: z.object({ refreshTokenRevoked: z.boolean(), clientSecretExposed: z.boolean(), at: z.number() }),
  }),
);
