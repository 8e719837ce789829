/** The shape of a removal's result: what the service worker replies and the audit log keeps. */
import * as z from 'zod/mini';
import { zohoId } from '../platform/dispatch';
import { t } from '../platform/i18n';
import type { RemovalRoute } from './routes';

/**
 * Where one requested badge ended. Every requested badge ends in exactly one of these:
 * - removed: the read-back no longer shows it (verified);
 * - still-present: Zoho accepted (or we could not tell) but the read-back still shows it;
 * - failed: Zoho refused it (its errorCode and message), or we could not verify;
 * - skipped: not attempted (the user did not hold it, or the operation stopped before it).
 */
export type BadgeOutcome =
  | { status: 'removed' }
  | { status: 'still-present' }
  /** Undo: re-awarded, and the read-back shows it again. */
  | { status: 'restored' }
  /** Undo: Zoho accepted, but the read-back does not show it. */
  | { status: 'still-absent' }
  /** `retryable`: a passing fault (HTTP 5xx, rate limit, dropped connection) that another try may clear. */
  | {
      status: 'failed';
      errorCode?: string;
      message: string;
      retryable?: boolean;
      /** The connection to Zoho ended: the run waits for the admin to reconnect, then goes on with this user. */
      awaitsConnection?: boolean;
      /** The removal was sent and may have taken effect (the check afterwards failed). */
      mayHaveLanded?: boolean;
    }
  | { status: 'skipped'; reason: string };

export interface BadgeResult {
  badgeId: string;
  name: string;
  outcome: BadgeOutcome;
}

export interface RemovalReport {
  auditId: string;
  orgId: string;
  helpCenterId?: string;
  userId: string;
  /** The route whose call reached Zoho; null when no removal call was made. */
  route: RemovalRoute | null;
  results: BadgeResult[];
  /**
   * Badges the user held that were not chosen and were gone after the removal ("removed although not
   * chosen"): each re-awarded at once, with the verified outcome of that.
   */
  unchosen?: BadgeResult[];
  /** True when the outcome of every badge comes from a successful read-back. */
  verified: boolean;
  /** A sentence for the admin about anything unusual (a dropped connection settled by read-back, a fallback). */
  notes: string[];
  startedAt: number;
  finishedAt: number;
}

const text = (max: number) => z.string().check(z.maxLength(max));

/** A stored outcome, checked when read back (the audit log, a bulk run). */
export const badgeOutcomeSchema: z.ZodMiniType<BadgeOutcome> = z.union([
  z.object({ status: z.enum(['removed', 'still-present', 'restored', 'still-absent']) }),
  z.object({
    status: z.literal('failed'),
    errorCode: z.optional(text(100)),
    message: text(2000),
    retryable: z.optional(z.boolean()),
    awaitsConnection: z.optional(z.boolean()),
    mayHaveLanded: z.optional(z.boolean()),
  }),
  z.object({ status: z.literal('skipped'), reason: text(2000) }),
]);

export const badgeResultSchema: z.ZodMiniType<BadgeResult> = z.object({
  badgeId: zohoId,
  name: text(500),
  outcome: badgeOutcomeSchema,
});

const results = z.array(badgeResultSchema).check(z.maxLength(500));

/** The fields of a stored report, to extend (an audit entry). */
export const removalReportFields = {
  auditId: text(100),
  orgId: zohoId,
  helpCenterId: z.optional(zohoId),
  userId: zohoId,
  route: z.nullable(z.enum(['helpcenter-delete', 'users-dissociate'])),
  results,
  unchosen: z.optional(results),
  verified: z.boolean(),
  notes: z.array(text(2000)).check(z.maxLength(50)),
  startedAt: z.number(),
  finishedAt: z.number(),
};

/** How a badge ended, in words: the panel, the bulk run, its CSV and the audit log say it the same way. */
export function outcomeText(outcome: BadgeOutcome): string {
  switch (outcome.status) {
    case 'removed':
      return t('worker_outcome_removed');
    case 'still-present':
      return t('worker_outcome_still_present');
    case 'failed':
      return t('worker_outcome_failed', [outcome.message]);
    case 'skipped':
      return t('worker_outcome_skipped', [outcome.reason]);
    case 'restored':
      return t('worker_outcome_restored');
    case 'still-absent':
      return t('worker_outcome_still_absent');
  }
}
