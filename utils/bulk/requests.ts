/** Bulk removal: the organization's badges, the dry run, the run and its undo. */
import * as z from 'zod/mini';
import { PAGES_ONLY, replies, zohoId } from '../platform/dispatch';
import { t } from '../platform/i18n';
import type { BadgeView } from '../platform/zoho/views';
import { bulkItemInput } from './item-input';
import type { BulkPlan } from './plan';
import type { BulkRun } from './run-state';

export interface BulkPlanView extends BulkPlan {
  helpCenterId?: string;
  /** When the badges were read. */
  plannedAt: number;
}

export const bulkRequests = {
  listOrganizationBadges: { from: PAGES_ONLY, input: z.object({}), reply: replies<BadgeView[]>() },
  prepareBulk: {
    from: PAGES_ONLY,
    input: z.union([
      z.object({
        kind: z.literal('list'),
        text: z.string().check(z.minLength(1, { error: () => t('bulk_request_list_empty') }), z.maxLength(1_000_000)),
        helpCenterId: z.optional(zohoId),
      }),
      z.object({
        kind: z.literal('holders'),
        helpCenterId: zohoId,
        badge: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      }),
    ]),
    reply: replies<BulkPlanView>(),
  },
  startBulk: {
    from: PAGES_ONLY,
    input: z.object({
      helpCenterId: z.optional(zohoId),
      /** When the dry run read the badges (its `plannedAt`): its reads stand in for the run's own while fresh. */
      plannedAt: z.optional(z.number()),
      items: z.array(bulkItemInput).check(
        z.minLength(1, { error: () => t('bulk_request_nobody') }),
        z.maxLength(5000),
        z.refine((items) => new Set(items.map((i) => i.userId)).size === items.length, {
          error: () => t('bulk_request_listed_twice'),
        }),
      ),
    }),
    reply: replies<BulkRun>(),
  },
  getBulkRun: { from: PAGES_ONLY, input: z.object({}), reply: replies<BulkRun | null>() },
  controlBulk: {
    from: PAGES_ONLY,
    input: z.object({ action: z.enum(['pause', 'resume', 'cancel']) }),
    reply: replies<BulkRun>(),
  },
  undoBulk: {
    from: PAGES_ONLY,
    input: z.object({ runId: z.string().check(z.minLength(1), z.maxLength(100)) }),
    reply: replies<{ restored: number; skipped: number; failed: number }>(),
  },
} as const;
