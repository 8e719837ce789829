/** The dry run of a bulk removal: who the users are and which badges each holds. Nothing is changed. */

import { userDisplayName } from '../platform/display-names';
import { ZohoError } from '../platform/errors';
import { t } from '../platform/i18n';
import { getUserBadges, getUserDetails, getUsers, MAX_PAGE_SIZE } from '../platform/zoho/desk-api';
import type { DeskClient } from '../platform/zoho/desk-client';
import { findUserByEmail } from '../platform/zoho/help-center';
import { type Badge, primaryEmail } from '../platform/zoho/schemas';
import { badgeNamed, type Recipient } from './recipients';

export interface BulkPlanUser {
  userId: string;
  email?: string;
  name: string;
  badges: Badge[];
}

export interface BulkPlan {
  users: BulkPlanUser[];
  skipped: { input: string; reason: string }[];
}

/** A walk over a help center stops here: beyond it, split the work. */
export const MAX_BULK_USERS = 5000;

export async function planFromRecipients(
  client: DeskClient,
  recipients: Recipient[],
  helpCenterId?: string,
): Promise<BulkPlan> {
  const plan: BulkPlan = { users: [], skipped: [] };
  const seen = new Set<string>();
  const resolved = await Promise.all(
    recipients.map(async (r): Promise<BulkPlanUser | { input: string; reason: string }> => {
      try {
        let user: { id: string; name: string; email?: string } | null;
        if (r.kind === 'email') user = await findUserByEmail(client, r.value, helpCenterId);
        else {
          const data = await getUserDetails(client, r.value);
          const email = primaryEmail(data);
          user = { id: data.id, name: userDisplayName(data, email), ...(email ? { email } : {}) };
        }
        if (!user) return { input: r.value, reason: t('bulk_skip_no_user_email') };
        return {
          userId: user.id,
          name: user.name,
          ...(user.email ? { email: user.email } : {}),
          badges: await getUserBadges(client, user.id),
        };
      } catch (error) {
        if (
          error instanceof ZohoError &&
          (error.kind === 'not-found' || error.kind === 'invalid-request') &&
          r.kind === 'id'
        ) {
          return { input: r.value, reason: t('bulk_skip_no_user_id') };
        }
        throw error;
      }
    }),
  );
  for (const entry of resolved) {
    if ('reason' in entry) plan.skipped.push(entry);
    else if (seen.has(entry.userId))
      plan.skipped.push({ input: entry.email ?? entry.userId, reason: t('bulk_skip_listed_twice') });
    else {
      seen.add(entry.userId);
      plan.users.push(entry);
    }
  }
  return plan;
}

/** Every user of the help center who holds the badge (by ID, or by name regardless of case). */
export async function planFromHolders(client: DeskClient, helpCenterId: string, badge: string): Promise<BulkPlan> {
  const holds = badgeNamed(badge);
  const plan: BulkPlan = { users: [], skipped: [] };
  for (let from = 1; from <= MAX_BULK_USERS; from += MAX_PAGE_SIZE) {
    const users = await getUsers(client, { helpCenterId, from, limit: MAX_PAGE_SIZE });
    const page = await Promise.all(users.map(async (u) => ({ user: u, badges: await getUserBadges(client, u.id) })));
    for (const { user, badges } of page) {
      if (!badges.some(holds)) continue;
      const email = primaryEmail(user);
      plan.users.push({
        userId: user.id,
        name: userDisplayName(user, email),
        ...(email ? { email } : {}),
        badges,
      });
    }
    if (users.length < MAX_PAGE_SIZE) break;
  }
  return plan;
}
