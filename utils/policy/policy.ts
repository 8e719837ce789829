/**
 * The organization's policy for the extension, set by its IT department: Chrome's `3rdparty` → `extensions` → id
 * (the schema Chrome checks is public/managed-schema.json), Firefox's policies.json `3rdparty` → `Extensions` → id.
 * Read from `storage.managed` in the service worker only, and parsed whole: a policy that does not fit is refused
 * whole, never applied in part, and the options page says why. Each feature applies the keys that are its own.
 * The client secret is never a policy key.
 */
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { deskAddressesItem } from '../page/stored';
import { ZohoError } from '../platform/errors';
import { t } from '../platform/i18n';
import { ZOHO_ID } from '../platform/ids';
import { onForgetRemembered } from '../platform/remembered-item';
import { CLIENT_ID } from '../platform/zoho/client-id';
import { CLIENT_TYPES, type ClientType } from '../platform/zoho/client-types';
import { DATA_CENTERS, type DataCenterLocation, dataCenterByDeskOrigin } from '../platform/zoho/datacenters';

export interface ManagedPolicy {
  clientType?: ClientType;
  clientId?: string;
  dataCenter?: 'auto' | DataCenterLocation;
  /** The Zoho Desk organization IDs the extension may connect to; no other can be chosen. */
  allowedOrganizations?: string[];
  /** The organization's own Desk addresses (https origins), in place of the ones an admin adds. */
  deskAddresses?: string[];
  bulkRemovalAllowed?: boolean;
  auditRetentionDays?: number;
  removalRoute?: (typeof ROUTE_VALUES)[number];
}

/** The removal routes the policy may set (utils/removal/settings.ts reads them: removal imports the policy). */
const ROUTE_VALUES = ['auto', 'helpcenter-delete', 'users-dissociate'] as const;

const locations = DATA_CENTERS.map((dc) => dc.location) as [DataCenterLocation, ...DataCenterLocation[]];
/** An origin as the browser writes it: https, a host name with a dot, an optional port, nothing after. */
const HTTPS_ORIGIN = /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?$/;

/** What each key takes, as the options page tells IT when a value does not fit. */
const RULES: Record<keyof ManagedPolicy, () => string> = {
  clientType: () => t('worker_policy_rule_one_of', [CLIENT_TYPES.join(', ')]),
  clientId: () => t('worker_policy_rule_client_id'),
  dataCenter: () => t('worker_policy_rule_auto_or_one_of', [locations.join(', ')]),
  allowedOrganizations: () => t('worker_policy_rule_organizations'),
  deskAddresses: () => t('worker_policy_rule_desk_addresses'),
  bulkRemovalAllowed: () => t('worker_policy_rule_boolean'),
  auditRetentionDays: () => t('worker_policy_rule_retention'),
  removalRoute: () => t('worker_policy_rule_route'),
};

/** The one refinement's code, said in words where the problem is shown. */
const ZOHO_ADDRESS = 'zoho-address';

const policyShape = {
  clientType: z.optional(z.enum(CLIENT_TYPES)),
  clientId: z.optional(z.string().check(z.regex(CLIENT_ID))),
  dataCenter: z.optional(z.enum(['auto', ...locations])),
  allowedOrganizations: z.optional(z.array(z.string().check(z.regex(ZOHO_ID))).check(z.maxLength(100))),
  deskAddresses: z.optional(
    z
      .array(
        z.string().check(
          z.regex(HTTPS_ORIGIN),
          // The manifest covers them, and a second content script there would add a second control.
          z.refine((origin) => !dataCenterByDeskOrigin(origin), ZOHO_ADDRESS),
        ),
      )
      .check(z.maxLength(50)),
  ),
  bulkRemovalAllowed: z.optional(z.boolean()),
  auditRetentionDays: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(3650))),
  removalRoute: z.optional(z.enum(ROUTE_VALUES)),
};

/** Every key checked; an unknown one (a typo in policies.json, which Firefox does not check) refuses the whole. */
export const managedPolicySchema: z.ZodMiniType<ManagedPolicy> = z.strictObject(policyShape);

export const POLICY_KEYS = Object.keys(policyShape) as (keyof ManagedPolicy)[];

/** What the policy is: the values it sets (none when there is no policy), or why it was refused whole. */
export interface PolicyView {
  set: ManagedPolicy;
  /** The policy could not be used, and none of it applies. */
  problem?: string;
}

type ManagedArea = Pick<typeof browser.storage.managed, 'get'>;

/** Firefox rejects the read when no policy or managed-storage manifest names the extension: that is no policy. */
const NO_MANAGED_STORAGE = /managed storage manifest not found|not supported/i;

/**
 * The browser's managed area as last read here: every Desk call checks the policy, and IT changes it seldom. Chrome
 * says when it does (`watchPolicy`), and Firefox reads policies.json at start only. A read that failed is not kept;
 * Firefox's "no managed storage" is kept, as no policy.
 */
let managedRead: Promise<Record<string, unknown>> | null = null;
let followingPolicy = false;
onForgetRemembered(() => {
  managedRead = null;
  followingPolicy = false;
});

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function readManaged(area: ManagedArea): Promise<Record<string, unknown>> {
  const read = () =>
    area.get(null).then(
      (raw) => raw ?? {},
      (error: unknown) => {
        if (NO_MANAGED_STORAGE.test(messageOf(error))) return {};
        throw error;
      },
    );
  if (area !== browser.storage?.managed) return read();
  if (!followingPolicy) {
    followingPolicy = true;
    watchPolicy(() => {
      managedRead = null;
    });
  }
  if (managedRead) return managedRead;
  const reading = read();
  managedRead = reading;
  reading.catch(() => {
    if (managedRead === reading) managedRead = null;
  });
  return reading;
}

/** The policy as it is now (a change applies at once); injected area for tests of a browser without one. */
export async function readPolicy(area: ManagedArea | undefined = browser.storage?.managed): Promise<PolicyView> {
  let raw: Record<string, unknown>;
  try {
    raw = area ? await readManaged(area) : {};
  } catch (error) {
    return { set: {}, problem: t('worker_policy_unreadable', [messageOf(error)]) };
  }
  const parsed = managedPolicySchema.safeParse(raw);
  if (parsed.success) return { set: parsed.data };
  const issues = parsed.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return t('worker_policy_unknown_key', [issue.keys.join(', ')]);
    const key = issue.path[0] as keyof ManagedPolicy;
    const rule =
      issue.code === 'custom' && issue.message === ZOHO_ADDRESS ? t('worker_policy_rule_zoho_address') : RULES[key]();
    return t('worker_policy_rule', [key, rule]);
  });
  return { set: {}, problem: [...new Set(issues)].join('; ') };
}

/** The policy's values alone (an invalid policy sets none). */
export const policyValues = async (): Promise<ManagedPolicy> => (await readPolicy()).set;

/** A change to a value the policy sets, refused in the worker whatever the page showed. */
export function setByOrganization(what: string): ZohoError {
  return new ZohoError({
    kind: 'forbidden',
    message: t('worker_policy_set_by_org', [what]),
    action: t('worker_policy_ask_it'),
  });
}

export function orgAllowed(policy: ManagedPolicy, orgId: string): boolean {
  return !policy.allowedOrganizations || policy.allowedOrganizations.includes(orgId);
}

/** Fail closed: nothing is read from or sent to an organization the policy does not list. */
export async function requireAllowedOrg(org: { id: string; name?: string }): Promise<void> {
  if (orgAllowed(await policyValues(), org.id)) return;
  throw new ZohoError({
    kind: 'choose-org',
    message: t('worker_policy_org_not_allowed', [
      org.name ? t('worker_policy_org_named', [org.name, org.id]) : t('worker_policy_org_unnamed', [org.id]),
    ]),
    action: t('worker_policy_org_not_allowed_action'),
  });
}

export async function bulkRemovalAllowed(): Promise<boolean> {
  return (await policyValues()).bulkRemovalAllowed !== false;
}

export async function requireBulkAllowed(): Promise<void> {
  if (await bulkRemovalAllowed()) return;
  throw new ZohoError({
    kind: 'forbidden',
    message: t('worker_policy_bulk_off'),
    action: t('worker_policy_bulk_off_action'),
  });
}

/** The organization's own Desk addresses in force: the policy's, else the ones the admin added. */
export async function deskAddressesInForce(): Promise<string[]> {
  return (await policyValues()).deskAddresses ?? (await deskAddressesItem.getValue());
}

/** Calls back when the policy changes (Chrome tells at once; Firefox reads policies.json at start only). */
export function watchPolicy(onChange: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
