/** The connection's requests: settings, connect and disconnect, the organization, the Desk addresses. */
import * as z from 'zod/mini';
import type { PageSettings } from '../page/settings';
import { PAGES_AND_PANEL, PAGES_ONLY, replies, zohoId } from '../platform/dispatch';
import { t } from '../platform/i18n';
import { CLIENT_TYPES } from '../platform/zoho/client-types';
import type { DataCenterLocation } from '../platform/zoho/datacenters';
import type { OrganizationView } from './organizations';
import { FIREFOX_REDIRECTS, type FirefoxRedirect } from './redirect-uri';
import type { SetupCheck } from './setup-check';
import { BULK_CONCURRENCY, type ConnectedOrg, type Settings } from './stored';

export type ConnectionState = 'disconnected' | 'connected' | 'reconnect' | 'choose-org';

export interface StatusView {
  connection: ConnectionState;
  dataCenter?: { location: DataCenterLocation; label: string };
  org?: ConnectedOrg;
  connectedAt?: number;
  scopes: string[];
  /** The redirect URI the sign-in sends: the browser's own, or in Firefox the one the admin picked. */
  redirectUri: string;
  /** In Firefox only: both redirect URIs it takes, for the admin to pick the one Zoho's console accepted. */
  firefoxRedirects?: Record<FirefoxRedirect, string>;
  /** An earlier version's secrets were exposed and dealt with: what the admin must still do. */
  secretsExposure?: { refreshTokenRevoked: boolean; clientSecretExposed: boolean };
}

/** Each feature's settings, gathered for the options page: the connection's, and the pages' (utils/page/settings.ts). */
export interface SettingsView extends Omit<Settings, 'clientSecret'>, PageSettings {
  /** The organization's own Desk addresses in force (the policy's, else the admin's). */
  deskAddresses: string[];
  /** Those the browser has not granted (yet): the content script cannot run there until the admin allows it. */
  deskAddressesWithoutAccess: string[];
  /** The secret itself never leaves the service worker. */
  hasClientSecret: boolean;
}

/** What Disconnect deletes from this computer unless the admin chooses otherwise: all but the audit log. */
export const DEFAULT_FORGET = { auditLog: false, bulkRuns: true, lookups: true } as const;
export type Forget = { auditLog: boolean; bulkRuns: boolean; lookups: boolean };

const origin = z.string().check(z.maxLength(300));

export const connectionRequests = {
  getStatus: { from: PAGES_AND_PANEL, input: z.object({}), reply: replies<StatusView>() },
  getSettings: { from: PAGES_ONLY, input: z.object({}), reply: replies<SettingsView>() },
  saveSettings: {
    from: PAGES_ONLY,
    input: z.object({
      clientType: z.optional(z.enum(CLIENT_TYPES)),
      clientId: z.optional(z.string().check(z.maxLength(200))),
      clientSecret: z.optional(z.string().check(z.maxLength(200))),
      dataCenter: z.optional(z.string()),
      removalRoute: z.optional(z.enum(['auto', 'helpcenter-delete', 'users-dissociate'])),
      bulkConcurrency: z.optional(
        z.number().check(z.int(), z.minimum(BULK_CONCURRENCY.min), z.maximum(BULK_CONCURRENCY.max)),
      ),
      customPagePatterns: z.optional(z.array(z.string().check(z.maxLength(500))).check(z.maxLength(50))),
      anchorSelector: z.optional(
        z.string().check(z.maxLength(300, { error: () => t('worker_request_anchor_too_long') })),
      ),
      firefoxRedirect: z.optional(z.enum(FIREFOX_REDIRECTS)),
      panelWindowWhereUnchecked: z.optional(z.boolean()),
    }),
    reply: replies<SettingsView>(),
  },
  connect: {
    from: PAGES_ONLY,
    // A Self Client's code, pasted from Zoho's API console.
    input: z.object({ code: z.optional(z.string().check(z.maxLength(400))) }),
    reply: replies<StatusView>(),
  },
  disconnect: {
    from: PAGES_ONLY,
    input: z.object({
      forget: z.optional(z.object({ auditLog: z.boolean(), bulkRuns: z.boolean(), lookups: z.boolean() })),
    }),
    reply: replies<StatusView>(),
  },
  listOrganizations: { from: PAGES_ONLY, input: z.object({}), reply: replies<OrganizationView[]>() },
  chooseOrganization: { from: PAGES_ONLY, input: z.object({ orgId: zohoId }), reply: replies<StatusView>() },
  openOptions: { from: PAGES_AND_PANEL, input: z.object({}), reply: replies<null>() },
  addDeskAddress: { from: PAGES_ONLY, input: z.object({ origin }), reply: replies<SettingsView>() },
  removeDeskAddress: { from: PAGES_ONLY, input: z.object({ origin }), reply: replies<SettingsView>() },
  checkSetup: { from: PAGES_ONLY, input: z.object({}), reply: replies<SetupCheck>() },
} as const;
