/**
 * The bulk page's dry run: the request it sends, the badges chosen at first, who loses what, the estimate,
 * the confirmation and the run it starts. Pure, for the page to draw.
 */
import type * as z from 'zod/mini';
import { t } from '../platform/i18n';
import { isZohoId } from '../platform/ids';
import type { BulkPlanUser } from './plan';
import { badgeNamed } from './recipients';
import type { BulkPlanView, bulkRequests } from './requests';
import { CREDITS_PER_USER } from './run-state';

export type BulkSource = 'list' | 'holders';
export type DryRunRequest = z.input<(typeof bulkRequests)['prepareBulk']['input']>;
export type StartRequest = z.input<(typeof bulkRequests)['startBulk']['input']>;
type PlanBadge = BulkPlanUser['badges'][number];

/** Above this many users, the admin types the number to confirm. */
export const TYPE_TO_CONFIRM_OVER = 10;

export interface DryRunForm {
  source: BulkSource;
  text: string;
  helpCenterId: string;
  badge: string;
}

/** The dry run to ask for, or what the admin must fix first (so Zoho is not asked without a help center). */
export function dryRunRequest(form: DryRunForm): { request: DryRunRequest } | { problem: string } {
  const hc = isZohoId(form.helpCenterId) ? form.helpCenterId : undefined;
  if (form.source === 'list')
    return { request: { kind: 'list', text: form.text, ...(hc ? { helpCenterId: hc } : {}) } };
  if (!hc) return { problem: t('bulk_problem_help_center') };
  if (!form.badge.trim()) return { problem: t('bulk_problem_badge') };
  return { request: { kind: 'holders', helpCenterId: hc, badge: form.badge } };
}

/** Holders of one badge lose that badge; for a list the admin picks from what the users hold, so none at first. */
export function firstChoice(source: BulkSource, badge: string, users: readonly BulkPlanUser[]): Set<string> {
  if (source !== 'holders') return new Set();
  const named = badgeNamed(badge);
  return new Set(users.flatMap((u) => u.badges.filter(named).map((b) => b.id)));
}

/** The choice with one badge added or taken out; a new set, so the page sees the change. */
export function toggleBadge(chosen: ReadonlySet<string>, badgeId: string, on: boolean): Set<string> {
  const next = new Set(chosen);
  if (on) next.add(badgeId);
  else next.delete(badgeId);
  return next;
}

export interface CatalogueEntry {
  id: string;
  name: string;
  holders: number;
}

/** Every badge the users hold, once, with how many hold it, by name. */
export function badgeCatalogue(users: readonly BulkPlanUser[]): CatalogueEntry[] {
  const byId = new Map<string, CatalogueEntry>();
  for (const u of users) {
    for (const b of u.badges) {
      const entry = byId.get(b.id) ?? { id: b.id, name: b.name, holders: 0 };
      entry.holders++;
      byId.set(b.id, entry);
    }
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export interface Loss {
  user: BulkPlanUser;
  losing: PlanBadge[];
}

/** Who loses which of the chosen badges; users holding none of them are left out. */
export function losses(users: readonly BulkPlanUser[], chosen: ReadonlySet<string>): Loss[] {
  return users
    .map((u) => ({ user: u, losing: u.badges.filter((b) => chosen.has(b.id)) }))
    .filter((r) => r.losing.length > 0);
}

export const countRemovals = (rows: readonly Loss[]): number => rows.reduce((n, r) => n + r.losing.length, 0);

/** The run's credits: the dry run's reads are spent already. */
export const estimatedCredits = (users: number): number => users * CREDITS_PER_USER;

export const needsTyping = (users: number): boolean => users > TYPE_TO_CONFIRM_OVER;

/** Someone to remove from, and above the limit the admin typed their number. */
export function confirmed(users: number, typed: string): boolean {
  return users > 0 && (!needsTyping(users) || typed.trim() === String(users));
}

export function startRequest(plan: BulkPlanView, rows: readonly Loss[]): StartRequest {
  return {
    ...(plan.helpCenterId ? { helpCenterId: plan.helpCenterId } : {}),
    // The dry run's reads: each untouched user then costs the removal and its read-back, no first read.
    plannedAt: plan.plannedAt,
    items: rows.map((r) => ({
      userId: r.user.userId,
      ...(r.user.email ? { email: r.user.email } : {}),
      name: r.user.name,
      badgeIds: r.losing.map((b) => b.id),
      held: r.user.badges.map((b) => ({ id: b.id, name: b.name })),
    })),
  };
}
