/**
 * "Check setup": read-only probes of the connected organization, each reply parsed with the product's own
 * schemas, so an admin (and we) can see what their Zoho Desk answers differently from what the extension
 * expects. The report keeps statuses, error codes and reply shapes (field names and types), never values.
 */
import type * as z from 'zod/mini';
import { helpCenterListUnavailable, serializeError } from '../platform/errors';
import { plural, t } from '../platform/i18n';
import { type DeskOperationName, describeOperation, deskRequests, MAX_PAGE_SIZE } from '../platform/zoho/desk-api';
import type { DeskClient, DeskRequest } from '../platform/zoho/desk-client';
import { anyBody } from '../platform/zoho/schemas';

export type ProbeStatus = 'passed' | 'warning' | 'failed' | 'skipped';

export interface ProbeResult {
  id: 'organizations' | 'help-centers' | 'user' | 'user-badges' | 'org-badges';
  label: string;
  call: string;
  status: ProbeStatus;
  /** What the result means for the admin. */
  meaning: string;
  /** What to do about it, when anything. */
  action?: string;
  httpStatus?: number;
  errorCode?: string;
  /** The reply's field names and types, e.g. `{data: [{id: string, name: string|null}]}`. */
  shape?: string;
}

export interface SetupCheck {
  checkedAt: number;
  probes: ProbeResult[];
}

/** Field names and types of a JSON value, without any value: safe to share. */
export function describeShape(value: unknown, depth = 0): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (depth >= 4) return '[…]';
    const kinds = [...new Set(value.slice(0, 5).map((v) => describeShape(v, depth + 1)))];
    return `[${kinds.join(' | ')}]`;
  }
  if (typeof value === 'object') {
    if (depth >= 4) return '{…}';
    const fields = Object.entries(value as Record<string, unknown>)
      .slice(0, 40)
      .map(([key, v]) => `${/^[A-Za-z_$][\w$]{0,60}$/.test(key) ? key : '?'}: ${describeShape(v, depth + 1)}`);
    return `{${fields.join(', ')}}`;
  }
  return typeof value;
}

interface Probe<S extends z.ZodMiniType = z.ZodMiniType> {
  id: ProbeResult['id'];
  label: string;
  operation: DeskOperationName;
  /** The product's own request (its paging included), so the probe fails where the product would. */
  request: DeskRequest<S>;
  /** What a parsed reply means: passed, or a warning with why. */
  judge: (parsed: unknown) => Pick<ProbeResult, 'status' | 'meaning' | 'action'>;
  /** A refusal that is expected on some accounts: a warning, not a failure. */
  tolerated?: (error: unknown) => Pick<ProbeResult, 'meaning' | 'action'> | undefined;
}

const passed = (meaning: string) => ({ status: 'passed' as const, meaning });

export async function checkSetup(client: DeskClient, now: () => number): Promise<SetupCheck> {
  const probes: ProbeResult[] = [];
  let userId: string | undefined;

  const run = async (probe: Probe): Promise<void> => {
    const base = { id: probe.id, label: probe.label, call: describeOperation(probe.operation) };
    try {
      // The raw reply first: its shape goes into the report even when the product's schema refuses it.
      const reply = await client.request({ ...probe.request, schema: anyBody });
      const shape = describeShape(reply.data);
      const parsed = probe.request.schema.safeParse(reply.data);
      if (!parsed.success) {
        probes.push({
          ...base,
          status: 'failed',
          httpStatus: reply.status,
          shape,
          meaning: t('worker_setup_unreadable_shape', [
            parsed.error.issues[0]?.message ?? t('worker_setup_unexpected'),
          ]),
          action: t('worker_setup_send_report'),
        });
        return;
      }
      const judged = probe.judge(parsed.data);
      // Zoho took a smaller page than the spec's: the product reads that size from now on, and says so here.
      const smaller =
        reply.limit !== undefined && judged.status === 'passed'
          ? {
              status: 'warning' as const,
              meaning: `${judged.meaning} ${t('worker_setup_smaller_page', [MAX_PAGE_SIZE, reply.limit])}`,
            }
          : {};
      probes.push({ ...base, httpStatus: reply.status, shape, ...judged, ...smaller });
    } catch (error) {
      const e = serializeError(error);
      const tolerated = probe.tolerated?.(error);
      probes.push({
        ...base,
        status: tolerated ? 'warning' : 'failed',
        ...(e.status ? { httpStatus: e.status } : {}),
        ...(e.errorCode ? { errorCode: e.errorCode } : {}),
        meaning: tolerated?.meaning ?? e.message,
        ...((tolerated?.action ?? e.action) ? { action: tolerated?.action ?? e.action } : {}),
      });
    }
  };

  const firstPage = { from: 1, limit: MAX_PAGE_SIZE };
  await run({
    id: 'organizations',
    label: t('worker_setup_probe_organizations'),
    operation: 'getOrganizations',
    request: deskRequests.getOrganizations(),
    judge: (v) => passed(plural('worker_setup_orgs_seen', (v as { data: unknown[] }).data.length)),
  });
  await run({
    id: 'help-centers',
    label: t('worker_setup_probe_help_centers'),
    operation: 'getAllHelpCenters',
    request: deskRequests.getAllHelpCenters(firstPage),
    judge: (v) => passed(plural('worker_setup_help_centers_listed', (v as { data: unknown[] }).data.length)),
    tolerated: (error) =>
      helpCenterListUnavailable(error)
        ? {
            meaning: t('worker_setup_no_help_center_list'),
            action: t('worker_setup_no_help_center_list_action'),
          }
        : undefined,
  });
  await run({
    id: 'user',
    label: t('worker_setup_probe_user'),
    operation: 'getUsers',
    request: deskRequests.getUsers({ from: 1, limit: 1 }),
    judge: (v) => {
      const first = (v as { data: { id: string }[] }).data[0];
      userId = first?.id;
      return first
        ? passed(t('worker_setup_users_readable'))
        : {
            status: 'warning',
            meaning: t('worker_setup_no_user'),
            action: t('worker_setup_no_user_action'),
          };
    },
  });
  if (userId) {
    await run({
      id: 'user-badges',
      label: t('worker_setup_probe_user_badges'),
      operation: 'getUserBadges',
      request: deskRequests.getUserBadges(userId, firstPage),
      judge: (v) => passed(t('worker_setup_user_badges_readable', [(v as unknown[]).length])),
    });
  } else {
    probes.push({
      id: 'user-badges',
      label: t('worker_setup_probe_user_badges'),
      call: describeOperation('getUserBadges'),
      status: 'skipped',
      meaning: t('worker_setup_skipped_no_user'),
    });
  }
  await run({
    id: 'org-badges',
    label: t('worker_setup_probe_org_badges'),
    operation: 'getBadges',
    request: deskRequests.getBadges(firstPage),
    judge: (v) => passed(plural('worker_setup_org_badges', (v as unknown[]).length)),
  });
  return { checkedAt: now(), probes };
}

/** The text "Copy report" puts on the clipboard: no token, email, name or other value from Zoho. */
export function setupReport(check: SetupCheck, about: { version: string; browser: string; dataCenter?: string }) {
  const lines = [
    'Badge Remover for Zoho Desk: setup check',
    `Extension ${about.version} · ${about.browser}${about.dataCenter ? ` · data center ${about.dataCenter}` : ''}`,
    `Checked ${new Date(check.checkedAt).toISOString()}`,
    '',
    ...check.probes.map((p) =>
      [
        `${p.status.toUpperCase()} ${p.call}`,
        p.httpStatus !== undefined ? `HTTP ${p.httpStatus}` : null,
        p.errorCode ? `errorCode ${p.errorCode}` : null,
        p.shape ? `shape ${p.shape}` : null,
      ]
        .filter(Boolean)
        .join(' · '),
    ),
  ];
  return lines.join('\n');
}
