/**
 * The removal of a user's badges: read what they hold, remove the chosen ones over the configured
 * route, read back, and settle every requested badge as removed, still present, failed or skipped.
 * The read-back decides what the report says; nothing is guessed.
 */
import type * as z from 'zod/mini';
import { connectionEnded, ZohoError } from '../platform/errors';
import { plural, t } from '../platform/i18n';
import {
  associateBadgesToUsers,
  deleteHelpCenterUserBadges,
  dissociateBadgesFromUsers,
  getUserBadges,
} from '../platform/zoho/desk-api';
import type { DeskClient } from '../platform/zoho/desk-client';
import type { Badge, BulkItemResult } from '../platform/zoho/schemas';
import type { BadgeOutcome, BadgeResult, RemovalReport } from './report';
import type { removalRequests } from './requests';
import { type RemovalRoute, ROUTE_LABELS, type RouteSetting } from './routes';

export interface RemovalDeps {
  client: DeskClient;
  orgId: string;
  routeSetting: RouteSetting;
  /** What Automatic learned earlier for this organization. */
  rememberedRoute?: RemovalRoute;
  rememberRoute: (route: RemovalRoute) => Promise<void>;
  now: () => number;
  newId: () => string;
  /** Awaited after the first read and before anything that changes Zoho is sent (a bulk run saves its mark). */
  beforeChange?: () => Promise<void>;
}

/** The removeBadges request (its schema in ./requests.ts), and what a bulk run adds. */
export type RemovalRequest = z.infer<typeof removalRequests.removeBadges.input> & {
  /**
   * What the user held moments ago (a bulk run's dry run), read instead of reading again: the removal then costs
   * the call and the read-back. A badge gone meanwhile shows as already gone, in Zoho's reply and the read-back.
   */
  before?: { id: string; name: string }[];
};

type ItemVerdict = { success: true } | { success: false; errorCode?: string; message: string };

export async function removeBadges(deps: RemovalDeps, req: RemovalRequest): Promise<RemovalReport> {
  const startedAt = deps.now();
  const notes: string[] = [];
  const held = new Map(
    (req.before ?? (await getUserBadges(deps.client, req.userId))).map((b): [string, Pick<Badge, 'id' | 'name'>] => [
      b.id,
      b,
    ]),
  );
  const nameOf = (id: string) => held.get(id)?.name ?? t('worker_badge_unnamed', [id]);

  const settled = new Map<string, BadgeOutcome>();
  const attempted = req.badgeIds.filter((id) => held.has(id));
  for (const id of req.badgeIds) {
    if (!held.has(id)) settled.set(id, { status: 'skipped', reason: t('worker_removal_not_held') });
  }

  const routes = routesToTry(deps, req);
  let route: RemovalRoute | null = null;
  let items: Map<string, ItemVerdict> | null = null;
  let callError: ZohoError | null = null;
  let dropped = false;

  if (attempted.length > 0 && routes.length === 0) {
    for (const id of attempted) {
      settled.set(id, {
        status: 'failed',
        message: t('worker_removal_hc_route_needs_id'),
      });
    }
  } else if (attempted.length > 0) {
    await deps.beforeChange?.();
    for (const [index, candidate] of routes.entries()) {
      try {
        items = await callRoute(deps.client, candidate, req, attempted);
        route = candidate;
        if (deps.routeSetting === 'auto' && deps.rememberedRoute !== candidate) await deps.rememberRoute(candidate);
        break;
      } catch (error) {
        const zoho = error instanceof ZohoError ? error : null;
        const absent = zoho?.kind === 'not-found' || zoho?.kind === 'method-not-allowed';
        if (absent && index < routes.length - 1) {
          // Zoho changed nothing; the next route is the documented one.
          notes.push(
            t('worker_removal_route_fallback', [
              ROUTE_LABELS[candidate],
              zoho.errorCode ?? String(zoho.status),
              ROUTE_LABELS[routes[index + 1]!],
            ]),
          );
          continue;
        }
        route = candidate;
        if (zoho?.kind === 'network') {
          dropped = true;
          notes.push(t('worker_removal_connection_dropped'));
        } else {
          callError = zoho ?? new ZohoError({ kind: 'server', message: t('worker_removal_failed_unexpectedly') });
        }
        break;
      }
    }
  }

  const toVerify = attempted.filter((id) => !settled.has(id));
  let after: Set<string> | null = null;
  let readBackError: ZohoError | null = null;
  if (toVerify.length > 0) {
    try {
      after = new Set((await getUserBadges(deps.client, req.userId)).map((b) => b.id));
    } catch (error) {
      readBackError = error instanceof ZohoError ? error : new ZohoError({ kind: 'server', message: String(error) });
      notes.push(t('worker_removal_check_failed', [readBackError.message]));
    }
  }

  for (const id of toVerify) {
    const item = items?.get(id);
    settled.set(id, settle({ present: after ? after.has(id) : null, item, callError, dropped, readBackError }));
  }

  // The safety net: a badge the admin did not choose must still be there afterwards.
  let unchosen: BadgeResult[] | undefined;
  if (after && route) {
    const lost = [...held.keys()].filter((id) => !req.badgeIds.includes(id) && !after.has(id));
    if (lost.length > 0) {
      unchosen = await reaward(deps.client, req.userId, lost, nameOf);
      notes.push(plural('worker_removal_unchosen_reawarded', lost.length));
    }
  }

  const results: BadgeResult[] = req.badgeIds.map((id) => ({
    badgeId: id,
    name: nameOf(id),
    outcome: settled.get(id)!,
  }));
  return {
    auditId: deps.newId(),
    orgId: deps.orgId,
    ...(req.helpCenterId ? { helpCenterId: req.helpCenterId } : {}),
    userId: req.userId,
    route,
    results,
    ...(unchosen ? { unchosen } : {}),
    verified: readBackError === null,
    notes,
    startedAt,
    finishedAt: deps.now(),
  };
}

/**
 * Automatic: Zoho's documented call (dissociate, in its OpenAPI spec) first; the Help Center DELETE, which no
 * spec file has, only where dissociate is absent (404/405) and the page names the help center.
 */
/** Re-awards badges a removal took although they were not chosen, and reads back whether they are there again. */
async function reaward(
  client: DeskClient,
  userId: string,
  badgeIds: string[],
  nameOf: (id: string) => string,
): Promise<BadgeResult[]> {
  let failure: string | undefined;
  try {
    await associateBadgesToUsers(client, userId, badgeIds);
  } catch (error) {
    failure = error instanceof ZohoError ? error.message : String(error);
  }
  let present: Set<string> | null = null;
  try {
    present = new Set((await getUserBadges(client, userId)).map((b) => b.id));
  } catch (error) {
    failure ??= t('worker_removal_check_failed', [error instanceof ZohoError ? error.message : String(error)]);
  }
  return badgeIds.map((id): BadgeResult => {
    const outcome: BadgeOutcome = present?.has(id)
      ? { status: 'restored' }
      : failure
        ? { status: 'failed', message: t('worker_removal_unchosen_not_reawarded', [failure]) }
        : { status: 'still-absent' };
    return { badgeId: id, name: nameOf(id), outcome };
  });
}

function routesToTry(deps: RemovalDeps, req: RemovalRequest): RemovalRoute[] {
  if (deps.routeSetting === 'users-dissociate') return ['users-dissociate'];
  if (deps.routeSetting === 'helpcenter-delete') return req.helpCenterId ? ['helpcenter-delete'] : [];
  if (!req.helpCenterId) return ['users-dissociate'];
  if (deps.rememberedRoute === 'helpcenter-delete') return ['helpcenter-delete'];
  return ['users-dissociate', 'helpcenter-delete'];
}

async function callRoute(
  client: DeskClient,
  route: RemovalRoute,
  req: RemovalRequest,
  badgeIds: string[],
): Promise<Map<string, ItemVerdict> | null> {
  if (route === 'helpcenter-delete') {
    const results = await deleteHelpCenterUserBadges(client, req.helpCenterId!, req.userId, badgeIds);
    return results ? verdicts(results) : null;
  }
  return verdicts(await dissociateBadgesFromUsers(client, req.userId, badgeIds));
}

function verdicts(results: BulkItemResult[]): Map<string, ItemVerdict> {
  return new Map(
    results.map((r): [string, ItemVerdict] => {
      if (r.success) return [r.id, { success: true }];
      const code = r.errors?.errorCode;
      // Zoho's spec names the reason errorMessage; older replies used message, and error is the short form.
      const detail = r.errors?.errorMessage ?? r.errors?.message ?? r.errors?.error;
      const http = r.errors?.httpCode ? `, HTTP ${r.errors.httpCode}` : '';
      // Our explanation, then Zoho's own words verbatim: they may say what ours cannot.
      const explanation =
        code === 'FORBIDDEN'
          ? t('worker_removal_refused_forbidden', [`FORBIDDEN${http}`])
          : t('worker_removal_refused', [`${code ?? t('worker_removal_no_error_code')}${http}`]);
      const message = detail ? `${explanation} ${t('worker_removal_zoho_said', [detail])}` : explanation;
      return [r.id, { success: false, ...(code ? { errorCode: code } : {}), message }];
    }),
  );
}

function settle(input: {
  /** null when the read-back failed. */
  present: boolean | null;
  item: ItemVerdict | undefined;
  callError: ZohoError | null;
  dropped: boolean;
  readBackError: ZohoError | null;
}): BadgeOutcome {
  const { present, item, callError, dropped, readBackError } = input;
  // Zoho refused it and it is not there: someone took it before this removal (say, after a bulk dry run).
  if (present === false && item && !item.success)
    return { status: 'skipped', reason: t('worker_removal_already_gone') };
  if (present === false) return { status: 'removed' };
  if (callError && connectionEnded(callError.kind)) {
    // Raised before the call left (no valid token): Zoho was not asked, and the reason is the connection alone.
    return {
      status: 'failed',
      ...(callError.errorCode ? { errorCode: callError.errorCode } : {}),
      retryable: true,
      awaitsConnection: true,
      message: callError.message,
    };
  }
  if (callError) {
    return {
      status: 'failed',
      ...(callError.errorCode ? { errorCode: callError.errorCode } : {}),
      ...(['server', 'rate-limited', 'network'].includes(callError.kind) ? { retryable: true } : {}),
      message: present === null ? t('worker_removal_check_also_failed', [callError.message]) : callError.message,
    };
  }
  if (item && !item.success)
    return { status: 'failed', ...(item.errorCode ? { errorCode: item.errorCode } : {}), message: item.message };
  if (present === true) return { status: 'still-present' };
  const why = readBackError?.message ?? t('worker_removal_unknown_error');
  return {
    status: 'failed',
    retryable: true,
    // Zoho took the removal (or may have): a later try must count a badge found gone as this removal's.
    mayHaveLanded: true,
    ...(readBackError && connectionEnded(readBackError.kind) ? { awaitsConnection: true } : {}),
    message: dropped ? t('worker_removal_unknown_dropped', [why]) : t('worker_removal_unverified', [why]),
  };
}
