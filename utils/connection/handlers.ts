/** Settings, connect and disconnect, the organization, the Desk addresses and the setup check. */

import { deskAddressOrigin } from '../page/desk-addresses';
import { anchorSelectorItem, deskAddressesItem, pagePatternsItem } from '../page/stored';
import { compilePattern } from '../page/url-pattern';
import type { Handlers } from '../platform/dispatch';
import { ZohoError } from '../platform/errors';
import { dataCenterByLocation } from '../platform/zoho/datacenters';
import type { DeskClient } from '../platform/zoho/desk-client';
import { clientIdProblem } from './client-id';
import type { ConnectSettings } from './oauth';
import { listOrganizations, type OrganizationView } from './organizations';
import { type connectionRequests, DEFAULT_FORGET, type Forget, type SettingsView, type StatusView } from './requests';
import { DESK_SCOPES } from './scopes';
import type { SecretStore } from './secret-store';
import { checkSetup } from './setup-check';
import {
  type Connection,
  connectionItem,
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
}

export interface ConnectionDeps {
  auth: {
    connect(settings: ConnectSettings): Promise<Connection>;
    disconnect(): Promise<{ revoked: boolean }>;
  };
  client: DeskClient;
  /** The client secret's home (with the refresh token): out of content scripts' reach. */
  secrets: SecretStore;
  redirectUri: () => string;
  /** `reconnect`: the options page starts connecting at once (the admin asked for it with one click). */
  openOptionsPage: (then?: 'reconnect') => Promise<void>;
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

/** The chosen organization's ID; throws the error kind that says what the admin must do first. */
export async function requireOrg(): Promise<string> {
  const connection = await connectionItem.getValue();
  if (!connection) {
    throw new ZohoError({
      kind: 'not-connected',
      message: 'The extension is not connected to Zoho Desk.',
      action: 'Open the options page and connect.',
    });
  }
  if (connection.state === 'reconnect') {
    throw new ZohoError({
      kind: 'reconnect',
      message: 'The connection to Zoho has expired or was revoked.',
      action: 'Open the options page and connect again.',
    });
  }
  if (!connection.org) {
    throw new ZohoError({
      kind: 'choose-org',
      message: 'No Zoho Desk organization is chosen yet.',
      action: 'Open the options page and choose the organization.',
    });
  }
  return connection.org.id;
}

export function connectionHandlers(deps: ConnectionDeps, hooks: ConnectionHooks): Handlers<typeof connectionRequests> {
  const status = async (): Promise<StatusView> => {
    const connection = await connectionItem.getValue();
    const exposure = await secretsExposureItem.getValue();
    const base = {
      scopes: [...DESK_SCOPES],
      redirectUri: deps.redirectUri(),
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
    return {
      ...base,
      connection: connection.state === 'reconnect' ? 'reconnect' : connection.org ? 'connected' : 'choose-org',
      dataCenter: dc ? { location: connection.location, label: dc.label } : undefined,
      org: connection.org,
      connectedAt: connection.connectedAt,
    };
  };

  const settingsView = async (): Promise<SettingsView> => ({
    ...(await readSettings()),
    deskAddresses: await deskAddressesItem.getValue(),
    hasClientSecret: Boolean(await deps.secrets.get('clientSecret')),
    customPagePatterns: await pagePatternsItem.getValue(),
    anchorSelector: await anchorSelectorItem.getValue(),
  });

  /** What the admin did about exposed secrets: connected again, or entered a new secret. */
  const settledExposure = async (done: { refreshToken?: boolean; clientSecret?: boolean }) => {
    const exposure = await secretsExposureItem.getValue();
    if (!exposure) return;
    const next = {
      ...exposure,
      refreshTokenRevoked: exposure.refreshTokenRevoked && !done.refreshToken,
      clientSecretExposed: exposure.clientSecretExposed && !done.clientSecret,
    };
    await secretsExposureItem.setValue(next.refreshTokenRevoked || next.clientSecretExposed ? next : null);
  };

  const chooseOrg = async (org: OrganizationView): Promise<void> => {
    const connection = await connectionItem.getValue();
    if (!connection) throw new ZohoError({ kind: 'not-connected', message: 'Connect to Zoho first.' });
    await connectionItem.setValue({
      ...connection,
      org: { id: org.id, name: org.name, ...(org.portalName ? { portalName: org.portalName } : {}) },
    });
    await hooks.orgChosen(org.id);
  };

  return {
    getStatus: status,
    getSettings: settingsView,

    async saveSettings(input) {
      const current = await readSettings();
      const next: Settings = { ...current };
      if (input.clientId !== undefined) {
        const problem = clientIdProblem(input.clientId);
        if (problem) throw new ZohoError({ kind: 'invalid-request', message: problem });
        next.clientId = input.clientId.trim();
      }
      if (input.clientType !== undefined) next.clientType = input.clientType;
      if (input.clientSecret !== undefined) {
        const secret = input.clientSecret.trim();
        if (secret) await deps.secrets.set('clientSecret', secret);
        else await deps.secrets.delete('clientSecret');
        await settledExposure({ clientSecret: true });
      }
      if (input.dataCenter !== undefined) {
        if (input.dataCenter !== 'auto' && !dataCenterByLocation(input.dataCenter)) {
          throw new ZohoError({ kind: 'invalid-request', message: `Unknown data center "${input.dataCenter}".` });
        }
        next.dataCenter = input.dataCenter as Settings['dataCenter'];
      }
      if (input.removalRoute !== undefined) next.removalRoute = input.removalRoute;
      if (input.bulkConcurrency !== undefined) next.bulkConcurrency = input.bulkConcurrency;
      if (input.panelWindowWhereUnchecked !== undefined)
        next.panelWindowWhereUnchecked = input.panelWindowWhereUnchecked;
      if (input.customPagePatterns !== undefined) {
        const patterns = input.customPagePatterns.map((p) => p.trim()).filter(Boolean);
        const problems = patterns.flatMap((p) => {
          const compiled = compilePattern(p);
          return compiled.ok ? [] : [`${p}: ${compiled.error}`];
        });
        if (problems.length) {
          throw new ZohoError({ kind: 'invalid-request', message: `Not saved. ${problems.join(' ')}` });
        }
        await pagePatternsItem.setValue(patterns);
      }
      // Parsed by the options page, which has a DOM; a selector that fails on a page is skipped there.
      if (input.anchorSelector !== undefined) await anchorSelectorItem.setValue(input.anchorSelector.trim());
      await settingsItem.setValue(next);
      return settingsView();
    },

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
      const orgs = await listOrganizations(deps.client);
      if (orgs.length === 1) await chooseOrg(orgs[0]!);
      return status();
    },

    async disconnect({ forget = DEFAULT_FORGET }) {
      await deps.auth.disconnect();
      await hooks.disconnected(forget);
      return status();
    },

    listOrganizations: () => listOrganizations(deps.client),

    async chooseOrganization({ orgId }) {
      const org = (await listOrganizations(deps.client)).find((o) => o.id === orgId);
      if (!org) {
        throw new ZohoError({
          kind: 'invalid-request',
          message: 'That organization is not one your Zoho account belongs to.',
        });
      }
      await chooseOrg(org);
      return status();
    },

    async openOptions() {
      // From a "Reconnect" notice: one click, and Zoho's sign-in follows.
      const connection = await connectionItem.getValue();
      await deps.openOptionsPage(connection?.state === 'reconnect' ? 'reconnect' : undefined);
      return null;
    },

    async addDeskAddress(input) {
      const access = deps.deskAddressAccess;
      const parsed = deskAddressOrigin(input.origin);
      if ('problem' in parsed) throw new ZohoError({ kind: 'invalid-request', message: parsed.problem });
      if (!access || !(await access.granted(parsed.origin))) {
        throw new ZohoError({
          kind: 'forbidden',
          message: `The browser did not grant access to ${parsed.origin}, so the extension cannot work there.`,
          action: 'Add the address again and allow access when the browser asks.',
        });
      }
      await access.register(parsed.origin);
      const addresses = await deskAddressesItem.getValue();
      if (!addresses.includes(parsed.origin)) await deskAddressesItem.setValue([...addresses, parsed.origin]);
      return settingsView();
    },

    async removeDeskAddress({ origin }) {
      const access = deps.deskAddressAccess;
      const left = (await deskAddressesItem.getValue()).filter((a) => a !== origin);
      await deskAddressesItem.setValue(left);
      if (access) {
        await access.unregister(origin).catch(() => {});
        await access.release(origin).catch(() => {});
        if (left.length === 0) await access.releaseScripting().catch(() => {});
      }
      return settingsView();
    },

    async checkSetup() {
      await requireOrg();
      return checkSetup(deps.client, deps.now);
    },
  };
}
