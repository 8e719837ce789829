/**
 * The message protocol between the surfaces (content script, popup, options) and the service worker.
 * One schema per request, one place that classifies senders, and one dispatcher that refuses
 * anything it cannot check (fail closed). Replies carry results, never tokens.
 */
import * as z from 'zod/mini';
import type { BulkRun } from './badges/bulk';
import type { BulkPlan } from './badges/bulk-plan';
import type { RemovalReport } from './badges/report';
import { ZOHO_ID } from './ids';
import type { PanelContext } from './panel-frame';
import type { SetupCheck } from './setup-check';
import type { AuditEntry, ConnectedOrg, Settings } from './storage';
import type {
  BadgeView,
  ContactUsersView,
  HelpCenterView,
  RecognizedPageView,
  UserBadgesView,
  UserSearchPage,
} from './views';
import { CLIENT_TYPES } from './zoho/client-types';
import type { DataCenterLocation } from './zoho/datacenters';
import { dataCenterByDeskOrigin } from './zoho/datacenters';
import { type SerializedError, serializeError, ZOHO_ERROR_KINDS } from './zoho/errors';

const id = z.string().check(z.regex(ZOHO_ID, 'must be a numeric Zoho ID'));

/** Who may send a request: extension pages (options, popup) and/or Desk content scripts. */
export type SenderKind = 'extension-page' | 'content-script';

export const requests = {
  getStatus: { from: ['extension-page'], input: z.object({}) },
  getSettings: { from: ['extension-page'], input: z.object({}) },
  saveSettings: {
    from: ['extension-page'],
    input: z.object({
      clientType: z.optional(z.enum(CLIENT_TYPES)),
      clientId: z.optional(z.string().check(z.maxLength(200))),
      clientSecret: z.optional(z.string().check(z.maxLength(200))),
      dataCenter: z.optional(z.string()),
      removalRoute: z.optional(z.enum(['auto', 'helpcenter-delete', 'users-dissociate'])),
      bulkConcurrency: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(25))),
      customPagePatterns: z.optional(z.array(z.string().check(z.maxLength(500))).check(z.maxLength(50))),
      anchorSelector: z.optional(z.string().check(z.maxLength(300, 'Keep the anchor selector under 300 characters.'))),
    }),
  },
  connect: { from: ['extension-page'], input: z.object({}) },
  disconnect: {
    from: ['extension-page'],
    input: z.object({
      forget: z.optional(z.object({ auditLog: z.boolean(), bulkRuns: z.boolean(), lookups: z.boolean() })),
    }),
  },
  listOrganizations: { from: ['extension-page'], input: z.object({}) },
  chooseOrganization: { from: ['extension-page'], input: z.object({ orgId: id }) },
  getUserBadges: {
    from: ['extension-page'],
    input: z.object({ userId: id, helpCenterId: z.optional(id) }),
  },
  identifyUser: {
    from: ['extension-page', 'content-script'],
    input: z.object({ userId: id, helpCenterId: z.optional(id) }),
  },
  findUserByEmail: {
    from: ['extension-page', 'content-script'],
    input: z.object({ email: z.email(), helpCenterId: z.optional(id) }),
  },
  // Only the extension's own pages change anything: the Desk page control merely opens the panel frame.
  removeBadges: {
    from: ['extension-page'],
    input: z.object({
      userId: id,
      helpCenterId: z.optional(id),
      badgeIds: z.array(id).check(
        z.minLength(1, 'choose at least one badge'),
        z.maxLength(200),
        z.refine((ids) => new Set(ids).size === ids.length, 'badge IDs must not repeat'),
      ),
    }),
  },
  openOptions: { from: ['extension-page'], input: z.object({}) },
  /** The Desk page control, on a trusted click: registers what the panel frame will work on. */
  openPanel: {
    from: ['content-script'],
    input: z.union([
      z.object({ kind: z.literal('user'), target: z.object({ userId: id, helpCenterId: z.optional(id) }) }),
      z.object({ kind: z.literal('contact'), contactId: id }),
      z.object({
        kind: z.literal('unresolved'),
        problem: z.object({
          kind: z.enum(ZOHO_ERROR_KINDS),
          message: z.string().check(z.maxLength(500)),
          action: z.optional(z.string().check(z.maxLength(500))),
        }),
      }),
    ]),
  },
  /** The panel frame, once: the context its control registered, for the frame's own tab only. */
  addDeskAddress: { from: ['extension-page'], input: z.object({ origin: z.string().check(z.maxLength(300)) }) },
  removeDeskAddress: { from: ['extension-page'], input: z.object({ origin: z.string().check(z.maxLength(300)) }) },
  getPanelContext: {
    from: ['extension-page'],
    input: z.object({ panelId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a panel id')) }),
  },
  listHelpCenters: { from: ['extension-page'], input: z.object({}) },
  listOrganizationBadges: { from: ['extension-page'], input: z.object({}) },
  getContactUsers: { from: ['extension-page'], input: z.object({ contactId: id }) },
  recognizePage: { from: ['extension-page'], input: z.object({ url: z.string().check(z.maxLength(2000)) }) },
  checkSetup: { from: ['extension-page'], input: z.object({}) },
  getAuditLog: { from: ['extension-page'], input: z.object({}) },
  prepareBulk: {
    from: ['extension-page'],
    input: z.union([
      z.object({
        kind: z.literal('list'),
        text: z.string().check(z.minLength(1, 'paste emails or user IDs first'), z.maxLength(1_000_000)),
        helpCenterId: z.optional(id),
      }),
      z.object({
        kind: z.literal('holders'),
        helpCenterId: id,
        badge: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      }),
    ]),
  },
  startBulk: {
    from: ['extension-page'],
    input: z.object({
      helpCenterId: z.optional(id),
      /** When the dry run read the badges (its `plannedAt`): its reads stand in for the run's own while fresh. */
      plannedAt: z.optional(z.number()),
      items: z
        .array(
          z.object({
            userId: id,
            email: z.optional(z.string().check(z.maxLength(320))),
            name: z.optional(z.string().check(z.maxLength(500))),
            badgeIds: z.array(id).check(z.minLength(1), z.maxLength(200)),
            /** Every badge the dry run saw the user hold. */
            held: z.optional(
              z.array(z.object({ id, name: z.string().check(z.maxLength(500)) })).check(z.maxLength(300)),
            ),
          }),
        )
        .check(
          z.minLength(1, 'nobody to remove badges from'),
          z.maxLength(5000),
          z.refine((items) => new Set(items.map((i) => i.userId)).size === items.length, 'a user is listed twice'),
        ),
    }),
  },
  getBulkRun: { from: ['extension-page'], input: z.object({}) },
  controlBulk: { from: ['extension-page'], input: z.object({ action: z.enum(['pause', 'resume', 'cancel']) }) },
  undoBulk: {
    from: ['extension-page'],
    input: z.object({ runId: z.string().check(z.minLength(1), z.maxLength(100)) }),
  },
  undoRemoval: {
    from: ['extension-page'],
    input: z.object({ auditId: z.string().check(z.minLength(1), z.maxLength(100)) }),
  },
  setAuditRetention: {
    from: ['extension-page'],
    input: z.object({ days: z.number().check(z.int(), z.minimum(1, 'keep at least 1 day'), z.maximum(3650)) }),
  },
  searchUsers: {
    from: ['extension-page'],
    input: z.object({
      query: z.string().check(z.trim(), z.minLength(2, 'type at least 2 characters'), z.maxLength(200)),
      helpCenterId: z.optional(id),
      from: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(100_000))),
    }),
  },
} as const satisfies Record<string, { from: readonly SenderKind[]; input: z.ZodMiniType }>;

export type RequestType = keyof typeof requests;
export type RequestInput<K extends RequestType> = z.infer<(typeof requests)[K]['input']>;

/** What Disconnect deletes from this computer unless the admin chooses otherwise: all but the audit log. */
export const DEFAULT_FORGET = { auditLog: false, bulkRuns: true, lookups: true } as const;

export type ConnectionState = 'disconnected' | 'connected' | 'reconnect' | 'choose-org';

export interface StatusView {
  connection: ConnectionState;
  dataCenter?: { location: DataCenterLocation; label: string };
  org?: ConnectedOrg;
  connectedAt?: number;
  scopes: string[];
  redirectUri: string;
}

export interface SettingsView extends Omit<Settings, 'clientSecret'> {
  /** The organization's own Desk addresses the content script is registered on. */
  deskAddresses: string[];
  /** The secret itself never leaves the service worker. */
  hasClientSecret: boolean;
  customPagePatterns: string[];
  anchorSelector: string;
}

export interface OrganizationView {
  id: string;
  name: string;
  portalName?: string;
  isDefault: boolean;
}

export interface Responses {
  getStatus: StatusView;
  getSettings: SettingsView;
  saveSettings: SettingsView;
  connect: StatusView;
  disconnect: StatusView;
  listOrganizations: OrganizationView[];
  chooseOrganization: StatusView;
  getUserBadges: UserBadgesView;
  findUserByEmail: UserBadgesView['user'] | null;
  removeBadges: RemovalReport;
  openOptions: null;
  /** `window`: on the organization's own domain the panel opens in a window of the extension, not a frame. */
  openPanel: { panelId: string; mode: 'frame' | 'window' };
  addDeskAddress: SettingsView;
  removeDeskAddress: SettingsView;
  getPanelContext: PanelContext;
  listHelpCenters: HelpCenterView[];
  listOrganizationBadges: BadgeView[];
  searchUsers: UserSearchPage;
  getContactUsers: ContactUsersView;
  identifyUser: { name: string; email?: string };
  recognizePage: RecognizedPageView;
  checkSetup: SetupCheck;
  getAuditLog: AuditLogView;
  prepareBulk: BulkPlanView;
  startBulk: BulkRun;
  getBulkRun: BulkRun | null;
  controlBulk: BulkRun;
  undoBulk: { restored: number; skipped: number; failed: number };
  undoRemoval: RemovalReport;
  setAuditRetention: AuditLogView;
}

export interface BulkPlanView extends BulkPlan {
  /** The problems found in the pasted list, as skipped entries too. */
  helpCenterId?: string;
  /** When the badges were read. */
  plannedAt: number;
}

export interface AuditLogView {
  entries: AuditEntry[];
  retentionDays: number;
  /** Bytes the log takes in local storage, where the browser can say. */
  bytesInUse?: number;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: SerializedError };

// ---- Sender classification: the only code that reads `sender` ----

export interface SenderLike {
  id?: string;
  origin?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type ClassifiedSender =
  /** `tabId`: the tab an extension page is framed in (the removal panel), if any. */
  { kind: 'extension-page'; tabId?: number } | { kind: 'content-script'; deskOrigin: string; tabId: number };

/**
 * Extension pages: our own id and origin, no tab, or a tab showing our own page (the popup opened
 * as a tab). Content scripts: our own id, a tab, the top frame, on an allowed Desk host.
 * Anything else is null: refused.
 */
export function classifySender(
  sender: SenderLike,
  runtimeId: string,
  extensionOrigin: string,
  /** The organization's own Desk addresses the admin added (read from storage by the caller). */
  deskAddresses: readonly string[] = [],
): ClassifiedSender | null {
  if (!sender || sender.id !== runtimeId) return null;
  const origin = senderOrigin(sender);
  if (origin === undefined) return null;
  if (origin === extensionOrigin)
    return sender.tab?.id === undefined ? { kind: 'extension-page' } : { kind: 'extension-page', tabId: sender.tab.id };
  if (sender.tab?.id === undefined || sender.frameId !== 0) return null;
  if (!dataCenterByDeskOrigin(origin) && !deskAddresses.includes(origin)) return null;
  return { kind: 'content-script', deskOrigin: origin, tabId: sender.tab.id };
}

function senderOrigin(sender: SenderLike): string | undefined {
  if (sender.origin) return sender.origin.replace(/\/$/, '');
  // Firefox before 126 leaves `origin` unset; the frame URL's origin is the fallback.
  if (!sender.url) return undefined;
  try {
    const url = new URL(sender.url);
    return url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:'
      ? `${url.protocol}//${url.host}`
      : url.origin;
  } catch {
    return undefined;
  }
}

// ---- Dispatch (service worker side) ----

export type Handlers = {
  [K in RequestType]: (input: RequestInput<K>, sender: ClassifiedSender) => Promise<Responses[K]>;
};

const envelope = z.object({ type: z.string(), input: z.optional(z.unknown()) });

const refused = (message: string): Reply<never> => ({
  ok: false,
  error: { kind: 'invalid-request', message },
});

/** Checks the envelope, the sender and the payload, in that order; any failure refuses. */
export async function dispatch(
  handlers: Handlers,
  raw: unknown,
  sender: SenderLike,
  runtimeId: string,
  extensionOrigin: string,
  deskAddresses: readonly string[] = [],
): Promise<Reply<unknown>> {
  const parsed = envelope.safeParse(raw);
  if (!parsed.success || !Object.hasOwn(requests, parsed.data.type)) return refused('Unknown request.');
  const type = parsed.data.type as RequestType;
  const from = classifySender(sender, runtimeId, extensionOrigin, deskAddresses);
  const spec = requests[type];
  if (!from || !(spec.from as readonly SenderKind[]).includes(from.kind)) {
    return refused('This request is not allowed from here.');
  }
  const input = spec.input.safeParse(parsed.data.input ?? {});
  if (!input.success) {
    return refused(`Invalid request: ${input.error.issues.map((i) => i.message).join('; ')}`);
  }
  try {
    const handler = handlers[type] as (input: unknown, sender: ClassifiedSender) => Promise<unknown>;
    return { ok: true, value: await handler(input.data, from) };
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}
