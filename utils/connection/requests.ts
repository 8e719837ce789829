/**
 * The connection's requests: connect and disconnect, the organization, the Desk addresses; its settings are saved
 * with the other features' (utils/settings.ts).
 */
import * as z from 'zod/mini';
import { PAGES_AND_PANEL, PAGES_ONLY, replies, zohoId } from '../platform/dispatch';
import { CLIENT_TYPES } from '../platform/zoho/client-types';
import type { DataCenterLocation } from '../platform/zoho/datacenters';
import type { OrganizationView } from './organizations';
import { FIREFOX_REDIRECTS, type FirefoxRedirect } from './redirect-uri';
import type { SetupCheck } from './setup-check';
import type { ConnectedOrg, Settings } from './stored';

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

/** The connection's settings as the options page shows them; the gathered view adds the other features' own. */
export interface ConnectionSettingsView extends Settings {
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

/** The connection's fields in the options page's save (utils/settings.ts); the secret goes to the secret store. */
export const connectionSettingsInput = {
  clientType: z.optional(z.enum(CLIENT_TYPES)),
  clientId: z.optional(z.string().check(z.maxLength(200))),
  clientSecret: z.optional(z.string().check(z.maxLength(200))),
  dataCenter: z.optional(z.string()),
  firefoxRedirect: z.optional(z.enum(FIREFOX_REDIRECTS)),
};
const connectionSettingsSchema = z.object(connectionSettingsInput);
export type ConnectionSettingsInput = z.infer<typeof connectionSettingsSchema>;

export const connectionRequests = {
  getStatus: { from: PAGES_AND_PANEL, input: z.object({}), reply: replies<StatusView>() },
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
  addDeskAddress: { from: PAGES_ONLY, input: z.object({ origin }), reply: replies<ConnectionSettingsView>() },
  removeDeskAddress: { from: PAGES_ONLY, input: z.object({ origin }), reply: replies<ConnectionSettingsView>() },
  checkSetup: { from: PAGES_ONLY, input: z.object({}), reply: replies<SetupCheck>() },
} as const;
