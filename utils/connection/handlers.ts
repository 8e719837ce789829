/** The connection's settings, connect and disconnect, the organization, the Desk addresses and the setup check. */

import { deskAddressOrigin, type RegisteredDeskAddress } from '../page/desk-addresses';
import { deskAddressesItem } from '../page/stored';
import type { Handlers } from '../platform/dispatch';
import { ZohoError } from '../platform/errors';
import type { OptionsLink } from '../platform/extension-pages';
import { t } from '../platform/i18n';
import { clientIdProblem } from '../platform/zoho/client-id';
import { CLIENT_TYPE_INFO, DEFAULT_CLIENT_TYPE } from '../platform/zoho/client-types';
import { dataCenterByLocation } from '../platform/zoho/datacenters';
import type { DeskClient } from '../platform/zoho/desk-client';
import { deskAddressesInForce, orgAllowed, policyValues, requireAllowedOrg, setByOrganization } from '../policy/policy';
import { requireOrg } from './current-org';
import type { ConnectSettings } from './oauth';
import { listOrganizations, type OrganizationView } from './organizations';
import { firefoxRedirects, pickedRedirectUri } from './redirect-uri';
import {
  type ConnectionSettingsInput,
  type ConnectionSettingsView,
  type connectionRequests,
  DEFAULT_FORGET,
  type Forget,
  type StatusView,
} from './requests';
import { DESK_SCOPES } from './scopes';
import type { SecretStore } from './secret-store';
import { checkSetup } from './setup-check';
import {
  type Connection,
  connectionItem,
  POLICY_SETTINGS,
  type PolicySetting,
  readSavedSettings,
  readSettings,
  type Settings,
  secretsExposureItem,
  settingsItem,
} from './stored';

export interface DeskAddressAccess {
  /** Whether the browser grants the extension that origin (the admin was asked on the extension page). */
  granted(origin: string): Promise<boolean>;
  /** Registers the content script there, kept across browser restarts. */
  register(origin: string): Promise<void>;
  unregister(origin: string): Promise<void>;
  /** Gives the origin's permission back to the browser. */
  release(origin: string): Promise<void>;
  /** Gives the optional `scripting` permission back: no address needs it any more. */
  releaseScripting(): Promise<void>;
  /** The origins the content script is registered on now, and whether with today's file. */
  registered(): Promise<RegisteredDeskAddress[]>;
}

export interface ConnectionDeps {
  auth: {
    connect(settings: ConnectSettings): Promise<Connection>;
    disconnect(): Promise<{ revoked: boolean }>;
  };
  client: DeskClient;
  /** The client secret's home (with the refresh token): out of content scripts' reach. */
  secrets: SecretStore;
  /** The browser's own redirect URI (`identity.getRedirectURL()`). */
  redirectUri: () => string;
  /** The options page; from a notice's Reconnect, asked to connect at once or to wait for a pasted code. */
  openOptionsPage: (link?: OptionsLink) => Promise<void>;
  /** The organization's own Desk addresses: the browser's side of them (optional permissions, scripting). */
  deskAddressAccess?: DeskAddressAccess;
  now: () => number;
}

/** What the other features do when the connection changes (wired in utils/handlers.ts). */
export interface ConnectionHooks {
  orgChosen(orgId: string): Promise<void>;
  /** After Zoho's tokens are gone: delete what the admin chose to forget. */
  disconnected(forget: Forget): Promise<void>;
}

/** The account's organizations the policy allows: the only ones offered, and the only ones that can be chosen. */
async function allowedOrganizations(client: DeskClient): Promise<OrganizationView[]> {
  const [orgs, policy] = await Promise.all([listOrganizations(client), policyValues()]);
  return orgs.filter((org) => orgAllowed(policy, org.id));
}

/**
 * The content script is registered on the Desk addresses in force and on no other: at every start of the worker and
 * whenever the policy changes (a policy's addresses replace the admin's, which come back when it goes). An address
 * the browser has not granted waits for the admin's Allow on the options page. One registered by an earlier version
 * under another file name is registered again with today's.
 */
export async function followDeskAddresses(access: DeskAddressAccess | undefined): Promise<void> {
  if (!access) return;
  const inForce = await deskAddressesInForce();
  const registered = await access.registered();
  for (const { origin } of registered) if (!inForce.includes(origin)) await access.unregister(origin).catch(() => {});
  for (const origin of inForce) {
    const current = registered.some((script) => script.origin === origin && script.current);
    if (!current && (await access.granted(origin))) await access.register(origin);
  }
}

/** The connection as the pages show it. */
async function connectionStatus(deps: ConnectionDeps): Promise<StatusView> {
  const connection = await connectionItem.getValue();
  const exposure = await secretsExposureItem.getValue();
  const own = deps.redirectUri();
  const redirects = firefoxRedirects(own);
  const base = {
    scopes: [...DESK_SCOPES],
    redirectUri: pickedRedirectUri(own, (await readSettings()).firefoxRedirect),
    ...(redirects ? { firefoxRedirects: redirects } : {}),
    ...(exposure
      ? {
          secretsExposure: {
            refreshTokenRevoked: exposure.refreshTokenRevoked,
            clientSecretExposed: exposure.clientSecretExposed,
          },
        }
      : {}),
  };
  if (!connection) return { ...base, connection: 'disconnected' };
  const dc = dataCenterByLocation(connection.location);
  // An organization the policy no longer allows is as good as none: the admin chooses another.
  const org = connection.org && orgAllowed(await policyValues(), connection.org.id) ? connection.org : undefined;
  return {
    ...base,
    connection: connection.state === 'reconnect' ? 'reconnect' : org ? 'connected' : 'choose-org',
    dataCenter: dc ? { location: connection.location, label: dc.label } : undefined,
    org: connection.org,
    connectedAt: connection.connectedAt,
  };
}

/** The connection's settings in force, as the options page shows them. */
async function settingsView(deps: ConnectionDeps): Promise<ConnectionSettingsView> {
  const deskAddresses = await deskAddressesInForce();
  const access = deps.deskAddressAccess;
  const granted = await Promise.all(deskAddresses.map(async (origin) => !access || access.granted(origin)));
  return {
    ...(await readSettings()),
    deskAddresses,
    deskAddressesWithoutAccess: deskAddresses.filter((_, i) => !granted[i]),
    hasClientSecret: Boolean(await deps.secrets.get('clientSecret')),
  };
}

/** What the admin did about exposed secrets: connected again, or entered a new secret. */
async function settledExposure(done: { refreshToken?: boolean; clientSecret?: boolean }): Promise<void> {
  const exposure = await secretsExposureItem.getValue();
  if (!exposure) return;
  const next = {
    ...exposure,
    refreshTokenRevoked: exposure.refreshTokenRevoked && !done.refreshToken,
    clientSecretExposed: exposure.clientSecretExposed && !done.clientSecret,
  };
  await secretsExposureItem.setValue(next.refreshTokenRevoked || next.clientSecretExposed ? next : null);
}

/**
 * Checks what the options page sent, refusing what the organization's policy sets otherwise, and returns the write:
 * the other features' checks pass before anything is saved (utils/settings.ts).
 */
async function prepareSave(deps: ConnectionDeps, input: ConnectionSettingsInput): Promise<() => Promise<void>> {
  // What the policy sets is neither changed nor stored: the admin's own value is kept for when it goes.
  const policy = await policyValues();
  for (const [key, what] of Object.entries(POLICY_SETTINGS)) {
    const set = policy[key as PolicySetting];
    const asked = input[key as PolicySetting];
    if (set === undefined || asked === undefined) continue;
    if (asked.trim() !== set) throw setByOrganization(t(what));
    // The same value (the form sends every field): nothing of the policy's is stored as the admin's.
    input = { ...input, [key]: undefined };
  }
  const current = await readSavedSettings();
  const next: Settings = { ...current };
  if (input.clientId !== undefined) {
    const problem = clientIdProblem(input.clientId);
    if (problem) throw new ZohoError({ kind: 'invalid-request', message: problem });
    next.clientId = input.clientId.trim();
  }
  if (input.clientType !== undefined) next.clientType = input.clientType;
  if (input.dataCenter !== undefined) {
    if (input.dataCenter !== 'auto' && !dataCenterByLocation(input.dataCenter)) {
      throw new ZohoError({ kind: 'invalid-request', message: t('worker_connection_unknown_dc', [input.dataCenter]) });
    }
    next.dataCenter = input.dataCenter as Settings['dataCenter'];
  }
  if (input.firefoxRedirect !== undefined) next.firefoxRedirect = input.firefoxRedirect;
  return async () => {
    if (input.clientSecret !== undefined) {
      const secret = input.clientSecret.trim();
      if (secret) await deps.secrets.set('clientSecret', secret);
      else await deps.secrets.delete('clientSecret');
      await settledExposure({ clientSecret: true });
    }
    await settingsItem.setValue(next);
  };
}

/** The connection's part of the options page's settings, gathered in utils/settings.ts. */
export const connectionSettings = (deps: ConnectionDeps) => ({
  view: () => settingsView(deps),
  prepareSave: (input: ConnectionSettingsInput) => prepareSave(deps, input),
});

export function connectionHandlers(deps: ConnectionDeps, hooks: ConnectionHooks): Handlers<typeof connectionRequests> {
  const chooseOrg = async (org: OrganizationView): Promise<void> => {
    const connection = await connectionItem.getValue();
    if (!connection) throw new ZohoError({ kind: 'not-connected', message: t('worker_connection_connect_first') });
    await connectionItem.setValue({
      ...connection,
      org: { id: org.id, name: org.name, ...(org.portalName ? { portalName: org.portalName } : {}) },
    });
    await hooks.orgChosen(org.id);
  };

  return {
    getStatus: () => connectionStatus(deps),

    async connect({ code }) {
      const settings = await readSettings();
      const problem = clientIdProblem(settings.clientId);
      if (problem) throw new ZohoError({ kind: 'invalid-request', message: problem });
      await deps.auth.connect({
        ...settings,
        clientSecret: (await deps.secrets.get('clientSecret')) ?? '',
        // A Self Client's code is used once, at once: it is never stored.
        ...(code !== undefined ? { code } : {}),
      });
      await settledExposure({ refreshToken: true });
      const orgs = await allowedOrganizations(deps.client);
      if (!orgs.length && (await policyValues()).allowedOrganizations) {
        // Nothing this account can reach is allowed: no connection is kept.
        await deps.auth.disconnect();
        throw new ZohoError({
          kind: 'forbidden',
          message: t('worker_connection_no_allowed_org'),
          action: t('worker_connection_no_allowed_org_action'),
        });
      }
      if (orgs.length === 1) await chooseOrg(orgs[0]!);
      return connectionStatus(deps);
    },

    async disconnect({ forget = DEFAULT_FORGET }) {
      await deps.auth.disconnect();
      await hooks.disconnected(forget);
      return connectionStatus(deps);
    },

    listOrganizations: () => allowedOrganizations(deps.client),

    async chooseOrganization({ orgId }) {
      // Refused before Zoho is asked anything about it.
      await requireAllowedOrg({ id: orgId });
      const org = (await listOrganizations(deps.client)).find((o) => o.id === orgId);
      if (!org) {
        throw new ZohoError({
          kind: 'invalid-request',
          message: t('worker_connection_org_not_yours'),
        });
      }
      await chooseOrg(org);
      return connectionStatus(deps);
    },

    async openOptions() {
      // From a "Reconnect" notice: one click, and Zoho's sign-in follows; a Self Client has none: a new code is pasted.
      const connection = await connectionItem.getValue();
      if (connection?.state !== 'reconnect') await deps.openOptionsPage();
      else
        await deps.openOptionsPage(
          CLIENT_TYPE_INFO[connection.clientType ?? DEFAULT_CLIENT_TYPE].redirect
            ? { reconnect: true }
            : { pasteCode: true },
        );
      return null;
    },

    async addDeskAddress(input) {
      const access = deps.deskAddressAccess;
      const parsed = deskAddressOrigin(input.origin);
      if ('problem' in parsed) throw new ZohoError({ kind: 'invalid-request', message: parsed.problem });
      // Set by policy: only its own addresses, once the browser grants them, and none is stored.
      const locked = (await policyValues()).deskAddresses;
      if (locked && !locked.includes(parsed.origin)) throw setByOrganization(t('worker_setting_desk_addresses'));
      if (!access || !(await access.granted(parsed.origin))) {
        throw new ZohoError({
          kind: 'forbidden',
          message: t('worker_connection_access_not_granted', [parsed.origin]),
          action: t('worker_connection_access_not_granted_action'),
        });
      }
      await access.register(parsed.origin);
      const addresses = await deskAddressesItem.getValue();
      if (!locked && !addresses.includes(parsed.origin))
        await deskAddressesItem.setValue([...addresses, parsed.origin]);
      return settingsView(deps);
    },

    async removeDeskAddress({ origin }) {
      if ((await policyValues()).deskAddresses) throw setByOrganization(t('worker_setting_desk_addresses'));
      const access = deps.deskAddressAccess;
      const left = (await deskAddressesItem.getValue()).filter((a) => a !== origin);
      await deskAddressesItem.setValue(left);
      if (access) {
        await access.unregister(origin).catch(() => {});
        await access.release(origin).catch(() => {});
        if (left.length === 0) await access.releaseScripting().catch(() => {});
      }
      return settingsView(deps);
    },

    async checkSetup() {
      await requireOrg();
      return checkSetup(deps.client, deps.now);
    },
  };
}
