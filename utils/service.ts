/**
 * The service worker's request handlers: what each message does. The background entrypoint only
 * builds the dependencies and registers `dispatch`; everything here is testable with fakeBrowser.
 */

import { type RemovalContext, readAuditLog, removeBadgesAndRecord, setAuditRetention } from './badges/audit';
import { findContactUsers } from './badges/contact';
import type { RemovalRoute } from './badges/report';
import { undoRemoval } from './badges/undo';
import { findUserByEmail, getUserBadges, listHelpCenters, searchUsers } from './badges/user';
import type { Handlers, OrganizationView, SettingsView, StatusView } from './messaging';
import { compilePattern } from './page/patterns';
import {
  auditRetentionDaysItem,
  type Connection,
  connectionItem,
  contactUsersItem,
  pagePatternsItem,
  routeByOrgItem,
  type Settings,
  settingsItem,
} from './storage';
import { clientIdProblem } from './zoho/client-id';
import { dataCenterByLocation } from './zoho/datacenters';
import type { DeskClient } from './zoho/desk-client';
import { ZohoError } from './zoho/errors';
import { listOrganizations } from './zoho/organizations';
import { DESK_SCOPES } from './zoho/scopes';

export interface ServiceDeps {
  auth: {
    connect(settings: Pick<Settings, 'clientId' | 'clientSecret' | 'dataCenter'>): Promise<Connection>;
    disconnect(): Promise<{ revoked: boolean }>;
  };
  client: DeskClient;
  redirectUri: () => string;
  openOptionsPage: () => Promise<void>;
  now: () => number;
  newId: () => string;
  /** Bytes the audit log uses in local storage, where the browser can tell. */
  auditBytes?: () => Promise<number | undefined>;
}

export function createHandlers(deps: ServiceDeps): Handlers {
  // Who a user is, as last read, so the audit log can name them without another call to Zoho.
  const seenUsers = new Map<string, RemovalContext>();
  const status = async (): Promise<StatusView> => {
    const connection = await connectionItem.getValue();
    const base = { scopes: [...DESK_SCOPES], redirectUri: deps.redirectUri() };
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

  const settingsView = async (): Promise<SettingsView> => {
    const { clientSecret, ...rest } = await settingsItem.getValue();
    return { ...rest, hasClientSecret: clientSecret.length > 0, customPagePatterns: await pagePatternsItem.getValue() };
  };

  const requireOrg = async (): Promise<string> => {
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
        kind: 'not-connected',
        message: 'No Zoho Desk organization is chosen yet.',
        action: 'Open the options page and choose the organization.',
      });
    }
    return connection.org.id;
  };

  const chooseOrg = async (org: OrganizationView): Promise<void> => {
    const connection = await connectionItem.getValue();
    if (!connection) throw new ZohoError({ kind: 'not-connected', message: 'Connect to Zoho first.' });
    await connectionItem.setValue({
      ...connection,
      org: { id: org.id, name: org.name, ...(org.portalName ? { portalName: org.portalName } : {}) },
    });
  };

  const auditView = async () => ({
    entries: await readAuditLog(),
    retentionDays: await auditRetentionDaysItem.getValue(),
    ...(deps.auditBytes ? { bytesInUse: await deps.auditBytes() } : {}),
  });

  return {
    getStatus: status,
    getSettings: settingsView,

    async saveSettings(input) {
      const current = await settingsItem.getValue();
      const next: Settings = { ...current };
      if (input.clientId !== undefined) {
        const problem = clientIdProblem(input.clientId);
        if (problem) throw new ZohoError({ kind: 'invalid-request', message: problem });
        next.clientId = input.clientId.trim();
      }
      if (input.clientSecret !== undefined) next.clientSecret = input.clientSecret.trim();
      if (input.dataCenter !== undefined) {
        if (input.dataCenter !== 'auto' && !dataCenterByLocation(input.dataCenter)) {
          throw new ZohoError({ kind: 'invalid-request', message: `Unknown data center "${input.dataCenter}".` });
        }
        next.dataCenter = input.dataCenter as Settings['dataCenter'];
      }
      if (input.removalRoute !== undefined) next.removalRoute = input.removalRoute;
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
      await settingsItem.setValue(next);
      return settingsView();
    },

    async connect() {
      const settings = await settingsItem.getValue();
      const problem = clientIdProblem(settings.clientId);
      if (problem) throw new ZohoError({ kind: 'invalid-request', message: problem });
      await deps.auth.connect(settings);
      const orgs = await listOrganizations(deps.client);
      if (orgs.length === 1) await chooseOrg(orgs[0]!);
      return status();
    },

    async disconnect() {
      await deps.auth.disconnect();
      seenUsers.clear();
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

    async getUserBadges(target) {
      await requireOrg();
      const view = await getUserBadges(deps.client, target);
      seenUsers.set(target.userId, {
        userName: view.user.name,
        ...(view.user.email ? { userEmail: view.user.email } : {}),
        ...(view.helpCenter ? { helpCenterName: view.helpCenter.name } : {}),
      });
      return view;
    },

    async findUserByEmail({ email, helpCenterId }) {
      await requireOrg();
      return findUserByEmail(deps.client, email, helpCenterId);
    },

    async removeBadges(request) {
      const orgId = await requireOrg();
      const settings = await settingsItem.getValue();
      return removeBadgesAndRecord(
        {
          client: deps.client,
          orgId,
          routeSetting: settings.removalRoute,
          rememberedRoute: (await routeByOrgItem.getValue())[orgId],
          rememberRoute: async (route: RemovalRoute) => {
            await routeByOrgItem.setValue({ ...(await routeByOrgItem.getValue()), [orgId]: route });
          },
          now: deps.now,
          newId: deps.newId,
        },
        request,
        seenUsers.get(request.userId),
      );
    },

    async listHelpCenters() {
      await requireOrg();
      return listHelpCenters(deps.client);
    },

    async searchUsers(search) {
      await requireOrg();
      return searchUsers(deps.client, search);
    },

    async getContactUsers({ contactId }) {
      const orgId = await requireOrg();
      const key = `${orgId}:${contactId}`;
      const cached = (await contactUsersItem.getValue())[key];
      if (cached) return cached;
      const view = await findContactUsers(deps.client, contactId);
      await contactUsersItem.setValue({ ...(await contactUsersItem.getValue()), [key]: view });
      return view;
    },

    getAuditLog: () => auditView(),

    async undoRemoval({ auditId }) {
      const orgId = await requireOrg();
      const entry = (await readAuditLog()).find((e) => e.auditId === auditId);
      if (!entry) throw new ZohoError({ kind: 'invalid-request', message: 'That audit entry no longer exists.' });
      return undoRemoval({ client: deps.client, orgId, now: deps.now, newId: deps.newId }, entry);
    },

    async setAuditRetention({ days }) {
      await setAuditRetention(days, deps.now());
      return auditView();
    },

    async openOptions() {
      await deps.openOptionsPage();
      return null;
    },
  };
}
