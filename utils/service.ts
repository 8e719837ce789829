/**
 * The service worker's request handlers: what each message does. The background entrypoint only
 * builds the dependencies and registers `dispatch`; everything here is testable with fakeBrowser.
 */

import {
  applyAuditRetention,
  clearAuditLog,
  type RemovalContext,
  readAuditLog,
  recordRemoval,
  removeBadgesAndRecord,
  setAuditRetention,
} from './badges/audit';
import { auditStore } from './badges/audit-store';
import { type BulkRun, cancelRun, countItems, dryRunSnapshot, expireRun, recoverRun, workBulkRun } from './badges/bulk';
import { parseRecipients } from './badges/bulk-input';
import { planFromHolders, planFromRecipients } from './badges/bulk-plan';
import { findContactUsers } from './badges/contact';
import { recognizePage } from './badges/recognize';
import { type RemovalDeps, removeBadges } from './badges/remove';
import type { RemovalRoute } from './badges/report';
import { undoRemoval } from './badges/undo';
import {
  findUserByEmail,
  getUserBadges,
  listHelpCenters,
  listOrganizationBadges,
  readUser,
  searchUsers,
} from './badges/user';
import { deskAddressOrigin } from './desk-addresses';
import { DEFAULT_FORGET, type Handlers, type OrganizationView, type SettingsView, type StatusView } from './messaging';
import { compilePattern } from './page/patterns';
import { PANEL_CONTEXT_TTL_MS } from './panel-frame';
import type { SecretStore } from './secret-store';
import { checkSetup } from './setup-check';
import {
  anchorSelectorItem,
  auditRetentionDaysItem,
  bulkInFlightItem,
  bulkRunItem,
  type Connection,
  connectionItem,
  contactUsersItem,
  deskAddressesItem,
  lastSearchItem,
  pagePatternsItem,
  panelContextsItem,
  readSettings,
  routeByOrgItem,
  type Settings,
  settingsItem,
  typedHelpCenterIdItem,
} from './storage';
import { clientIdProblem } from './zoho/client-id';
import { dataCenterByDeskOrigin, dataCenterByLocation } from './zoho/datacenters';
import { type DeskClient, observeCredits } from './zoho/desk-client';
import { ZohoError } from './zoho/errors';
import { createLimiter } from './zoho/limiter';
import type { ConnectSettings } from './zoho/oauth';
import { listOrganizations } from './zoho/organizations';
import { DESK_SCOPES } from './zoho/scopes';

export interface DeskAddressAccess {
  /** Whether the browser grants the extension that origin (the admin was asked on the extension page). */
  granted(origin: string): Promise<boolean>;
  /** Registers the content script there, kept across browser restarts. */
  register(origin: string): Promise<void>;
  unregister(origin: string): Promise<void>;
  /** Gives the origin's permission back to the browser. */
  release(origin: string): Promise<void>;
}

export interface ServiceDeps {
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
  /** Opens the panel page for that panel in a window of its own; resolves to that window's tab. */
  openPanelWindow?: (panelId: string) => Promise<number>;
  now: () => number;
  newId: () => string;
  /** The clock's wait, injected in tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Bytes the given keys take in local storage, where the browser can tell (for the audit log's size). */
  storageBytes?: (keys: string[]) => Promise<number | undefined>;
}

export function createHandlers(
  deps: ServiceDeps,
): Handlers & { resumeBulk(): Promise<unknown>; expireData(): Promise<void> } {
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
    return {
      ...(await readSettings()),
      deskAddresses: await deskAddressesItem.getValue(),
      hasClientSecret: Boolean(await deps.secrets.get('clientSecret')),
      customPagePatterns: await pagePatternsItem.getValue(),
      anchorSelector: await anchorSelectorItem.getValue(),
    };
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
        kind: 'choose-org',
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
    // A bulk run the ended connection paused goes on once the admin is back in its organization.
    const run = await bulkRunItem.getValue();
    if (run?.status === 'paused' && run.pausedFor === 'connection' && run.orgId === org.id) {
      await saveRunNow({ ...run, status: 'running', pauseReason: undefined, pausedFor: undefined });
      kickBulk();
    }
  };

  /** What a removal needs for this organization: the route setting and what Automatic learned. */
  const removalDeps = async (orgId: string): Promise<RemovalDeps> => ({
    client: deps.client,
    orgId,
    routeSetting: (await readSettings()).removalRoute,
    rememberedRoute: (await routeByOrgItem.getValue())[orgId],
    rememberRoute: async (route: RemovalRoute) => {
      await routeByOrgItem.setValue({ ...(await routeByOrgItem.getValue()), [orgId]: route });
    },
    now: deps.now,
    newId: deps.newId,
  });

  // Items the saved run shows as running belong to an earlier life of this worker: they are
  // recovered once, before anything else here reads or works the run.
  let recovery: Promise<void> | null = null;
  const recovered = () =>
    (recovery ??= (async () => {
      const run = await bulkRunItem.getValue();
      const marked = await bulkInFlightItem.getValue();
      const inFlight = run && marked?.runId === run.id ? marked.userIds : [];
      if (run && (inFlight.length || run.items.some((i) => i.state === 'running'))) {
        await bulkRunItem.setValue(recoverRun(run, deps.now(), inFlight));
      }
      if (marked) await bulkInFlightItem.setValue(null);
    })());

  /** A run change the admin waits on (start, pause, resume, cancel): stored without the pacing gap. */
  const saveRunNow = (run: BulkRun | null) => {
    const saving = bulkRunItem.setValue(run);
    bulkRunItem.hurry();
    return saving;
  };

  /** A run works only in the organization it was planned for: its users and badges are that organization's. */
  const requireRunOrg = async (run: BulkRun) => {
    const org = (await connectionItem.getValue())?.org;
    if (org?.id === run.orgId) return;
    throw new ZohoError({
      kind: 'choose-org',
      message: `This bulk run was planned for organization ${run.orgId}; the extension is connected to ${
        org ? `${org.name} (${org.id})` : 'no organization'
      } now.`,
      action: 'Connect to that organization again to resume it, or cancel it.',
    });
  };

  let working: Promise<unknown> | null = null;
  /** Runs whose first credit count is stored. */
  const creditsSaved = new Set<string>();
  /** Works the saved bulk run, once at a time; called on start, resume, and when the worker wakes. */
  const kickBulk = () => {
    working ??= (async () => {
      await recovered();
      await workBulkRun({
        load: () => bulkRunItem.getValue(),
        save: (run) => {
          if (run.status === 'running' && countItems(run).remaining > 0) {
            if (!run.credits || creditsSaved.has(run.id)) return bulkRunItem.setValue(run);
            // The run's first credit count is its start line: stored at once, or a restart would draw it again.
            creditsSaved.add(run.id);
            return saveRunNow(run);
          }
          // Stopped, or nothing left to send: the admin is waiting to see it (and its last audit entries).
          auditStore.hurry();
          return saveRunNow(run);
        },
        now: deps.now,
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
        // The Desk client holds calls in flight to the concurrency setting; two users per call slot keep
        // every slot busy while users are between their read, removal and read-back.
        usersPerCallSlot: 2,
        removeOne: async (run, item, marked, onCredits) => {
          await requireRunOrg(run);
          const before = dryRunSnapshot(run, item, deps.now());
          return removeBadges(
            {
              ...(await removalDeps(run.orgId)),
              client: observeCredits(deps.client, onCredits),
              beforeChange: marked,
            },
            {
              userId: item.userId,
              ...(run.helpCenterId ? { helpCenterId: run.helpCenterId } : {}),
              badgeIds: item.badgeIds,
              ...(before ? { before } : {}),
            },
          );
        },
        saveInFlight: (run, userIds) => bulkInFlightItem.setValue(userIds.length ? { runId: run.id, userIds } : null),
        record: (run, item, report) =>
          recordRemoval(
            {
              ...report,
              kind: 'remove',
              bulkRunId: run.id,
              ...(item.email ? { userEmail: item.email } : {}),
              ...(item.name ? { userName: item.name } : {}),
            },
            { atOnce: false },
          ),
      });
    })().finally(() => {
      working = null;
    });
    return working;
  };

  const auditView = async () => ({
    entries: await readAuditLog(deps.now()),
    retentionDays: await auditRetentionDaysItem.getValue(),
    ...(deps.storageBytes ? { bytesInUse: await deps.storageBytes(await auditStore.keys()) } : {}),
  });

  /** Personal data past the retention period goes: old audit entries, and the names in an old bulk run. */
  const expireData = async () => {
    const now = deps.now();
    await applyAuditRetention(now);
    const run = await bulkRunItem.getValue();
    if (!run) return;
    const expired = expireRun(run, now, await auditRetentionDaysItem.getValue());
    if (expired !== run) await saveRunNow(expired);
  };

  return {
    /** Daily (alarm) and whenever the data is read. */
    expireData,
    /** On service-worker start: a run that was working when the worker stopped goes on. */
    async resumeBulk() {
      await recovered();
      if ((await bulkRunItem.getValue())?.status === 'running') return kickBulk();
    },
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
      }
      if (input.dataCenter !== undefined) {
        if (input.dataCenter !== 'auto' && !dataCenterByLocation(input.dataCenter)) {
          throw new ZohoError({ kind: 'invalid-request', message: `Unknown data center "${input.dataCenter}".` });
        }
        next.dataCenter = input.dataCenter as Settings['dataCenter'];
      }
      if (input.removalRoute !== undefined) next.removalRoute = input.removalRoute;
      if (input.bulkConcurrency !== undefined) next.bulkConcurrency = input.bulkConcurrency;
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

    async connect() {
      const settings = await readSettings();
      const problem = clientIdProblem(settings.clientId);
      if (problem) throw new ZohoError({ kind: 'invalid-request', message: problem });
      await deps.auth.connect({ ...settings, clientSecret: (await deps.secrets.get('clientSecret')) ?? '' });
      const orgs = await listOrganizations(deps.client);
      if (orgs.length === 1) await chooseOrg(orgs[0]!);
      return status();
    },

    async disconnect({ forget = DEFAULT_FORGET }) {
      await deps.auth.disconnect();
      seenUsers.clear();
      // Without a connection a working run pauses at its next user; wait for that before deleting it.
      await working?.catch(() => {});
      if (forget.bulkRuns) {
        await saveRunNow(null);
        await bulkInFlightItem.setValue(null);
      }
      if (forget.lookups) {
        await Promise.all([
          contactUsersItem.setValue({}),
          typedHelpCenterIdItem.setValue(null),
          lastSearchItem.setValue(null),
        ]);
      }
      if (forget.auditLog) await clearAuditLog();
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

    async identifyUser(target) {
      await requireOrg();
      const seen = seenUsers.get(target.userId);
      if (seen?.userName) return { name: seen.userName, ...(seen.userEmail ? { email: seen.userEmail } : {}) };
      const user = await readUser(deps.client, target);
      seenUsers.set(target.userId, { ...seen, userName: user.name, ...(user.email ? { userEmail: user.email } : {}) });
      return { name: user.name, ...(user.email ? { email: user.email } : {}) };
    },

    async findUserByEmail({ email, helpCenterId }) {
      await requireOrg();
      return findUserByEmail(deps.client, email, helpCenterId);
    },

    async removeBadges(request) {
      const orgId = await requireOrg();
      return removeBadgesAndRecord(await removalDeps(orgId), request, seenUsers.get(request.userId));
    },

    async listHelpCenters() {
      await requireOrg();
      return listHelpCenters(deps.client);
    },

    async listOrganizationBadges() {
      await requireOrg();
      return listOrganizationBadges(deps.client);
    },

    async searchUsers(search) {
      await requireOrg();
      return searchUsers(deps.client, search);
    },

    async checkSetup() {
      await requireOrg();
      return checkSetup(deps.client, deps.now);
    },

    async recognizePage({ url }) {
      await requireOrg();
      return recognizePage(deps.client, url);
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
      const entry = (await readAuditLog(deps.now())).find((e) => e.auditId === auditId);
      if (!entry) throw new ZohoError({ kind: 'invalid-request', message: 'That audit entry no longer exists.' });
      return undoRemoval({ client: deps.client, orgId, now: deps.now, newId: deps.newId }, entry);
    },

    async setAuditRetention({ days }) {
      await setAuditRetention(days, deps.now());
      return auditView();
    },

    async prepareBulk(source) {
      await requireOrg();
      if (source.kind === 'holders') {
        return {
          ...(await planFromHolders(deps.client, source.helpCenterId, source.badge)),
          helpCenterId: source.helpCenterId,
          plannedAt: deps.now(),
        };
      }
      const list = parseRecipients(source.text);
      const plan = await planFromRecipients(deps.client, list.recipients, source.helpCenterId);
      return {
        users: plan.users,
        skipped: [
          ...list.problems.map((p) => ({ input: `Line ${p.line}: ${p.text}`, reason: p.reason })),
          ...plan.skipped,
        ],
        ...(source.helpCenterId ? { helpCenterId: source.helpCenterId } : {}),
        plannedAt: deps.now(),
      };
    },

    async startBulk({ helpCenterId, items, plannedAt }) {
      const orgId = await requireOrg();
      await recovered();
      const current = await bulkRunItem.getValue();
      if (current && (current.status === 'running' || current.status === 'paused')) {
        throw new ZohoError({
          kind: 'invalid-request',
          message: 'A bulk run is already under way.',
          action: 'Let it finish, or cancel it, before starting another.',
        });
      }
      const run: BulkRun = {
        id: deps.newId(),
        orgId,
        ...(helpCenterId ? { helpCenterId } : {}),
        createdAt: deps.now(),
        ...(plannedAt !== undefined ? { plannedAt } : {}),
        status: 'running',
        concurrency: (await readSettings()).bulkConcurrency,
        items: items.map((i) => ({ ...i, state: 'pending' })),
      };
      await saveRunNow(run);
      kickBulk();
      return run;
    },

    async getBulkRun() {
      await recovered();
      await expireData();
      return bulkRunItem.getValue();
    },

    async controlBulk({ action }) {
      await recovered();
      const run = await bulkRunItem.getValue();
      if (!run) throw new ZohoError({ kind: 'invalid-request', message: 'There is no bulk run.' });
      const finished = run.status === 'done' || run.status === 'cancelled';
      if (finished) throw new ZohoError({ kind: 'invalid-request', message: 'This bulk run has ended.' });
      if (action === 'resume') await requireRunOrg(run);
      const next =
        action === 'cancel'
          ? cancelRun(run, deps.now())
          : {
              ...run,
              status: action === 'pause' ? ('paused' as const) : ('running' as const),
              pauseReason: undefined,
              pausedFor: undefined,
            };
      await saveRunNow(next);
      if (next.status === 'running') kickBulk();
      return next;
    },

    async undoBulk({ runId }) {
      const orgId = await requireOrg();
      const entries = (await readAuditLog(deps.now())).filter(
        (e) => e.bulkRunId === runId && e.kind === 'remove' && !e.undoneBy?.length,
      );
      const totals = { restored: 0, skipped: 0, failed: 0 };
      const limiter = createLimiter((await readSettings()).bulkConcurrency);
      await Promise.all(
        entries.map((entry) =>
          limiter.run(async () => {
            const report = await undoRemoval({ client: deps.client, orgId, now: deps.now, newId: deps.newId }, entry);
            for (const r of report.results) {
              if (r.outcome.status === 'restored') totals.restored++;
              else if (r.outcome.status === 'skipped') totals.skipped++;
              else totals.failed++;
            }
          }),
        ),
      );
      return totals;
    },

    async openPanel(context, sender) {
      if (sender.kind !== 'content-script')
        throw new ZohoError({ kind: 'invalid-request', message: 'Not from a Desk page.' });
      const panelId = deps.newId();
      const now = deps.now();
      const pending = await panelContextsItem.getValue();
      const fresh = Object.fromEntries(Object.entries(pending).filter(([, p]) => now - p.at < PANEL_CONTEXT_TTL_MS));
      // On the organization's own domain the browser lets no extension page into a frame (its web-accessible
      // pages name Zoho's hosts only), so the panel opens in a window of the extension, bound to that window.
      const inWindow = !dataCenterByDeskOrigin(sender.deskOrigin) && deps.openPanelWindow !== undefined;
      const tabId = inWindow ? await deps.openPanelWindow!(panelId) : sender.tabId;
      await panelContextsItem.setValue({ ...fresh, [panelId]: { tabId, context, at: now } });
      return { panelId, mode: inWindow ? ('window' as const) : ('frame' as const) };
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
      await deskAddressesItem.setValue((await deskAddressesItem.getValue()).filter((a) => a !== origin));
      if (access) {
        await access.unregister(origin).catch(() => {});
        await access.release(origin).catch(() => {});
      }
      return settingsView();
    },

    async getPanelContext({ panelId }, sender) {
      const pending = await panelContextsItem.getValue();
      const entry = pending[panelId];
      // Claimed once, by a frame in the tab whose control registered it, while fresh.
      if (
        !entry ||
        sender.kind !== 'extension-page' ||
        sender.tabId !== entry.tabId ||
        deps.now() - entry.at >= PANEL_CONTEXT_TTL_MS
      ) {
        throw new ZohoError({
          kind: 'invalid-request',
          message: 'This panel is no longer valid.',
          action: 'Close it and click Remove badges again.',
        });
      }
      const { [panelId]: _claimed, ...rest } = pending;
      await panelContextsItem.setValue(rest);
      return entry.context;
    },

    async openOptions() {
      // From a "Reconnect" notice: one click, and Zoho's sign-in follows.
      const connection = await connectionItem.getValue();
      await deps.openOptionsPage(connection?.state === 'reconnect' ? 'reconnect' : undefined);
      return null;
    },
  };
}
