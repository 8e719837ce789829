/**
 * The bulk run, saved as it changes so it survives a stopped service worker or a browser restart: in chunks
 * (utils/bulk/run-store.ts) in the trusted area (utils/platform/trusted-storage.ts), rewritten at most once a second
 * (the bulk page's progress follows it), and checked with its schema whenever it is read. What must be stored at
 * once lives in bulkInFlightItem.
 */
import * as z from 'zod/mini';
import { zohoId } from '../platform/dispatch';
import { remembered } from '../platform/remembered-item';
import { trustedArea, trustedItem } from '../platform/trusted-storage';
import { badgeResultSchema } from '../removal/report';
import { bulkItemInput } from './item-input';
import type { BulkItem, BulkRun } from './run-state';
import { createRunStore, type ParseRun, watchStoredRun } from './run-store';
import { BULK_CONCURRENCY } from './settings';

const text = (max: number) => z.string().check(z.maxLength(max));
const count = z.number().check(z.int(), z.nonnegative());

const bulkItemSchema: z.ZodMiniType<BulkItem> = z.object({
  ...bulkItemInput.shape,
  state: z.enum(['pending', 'running', 'removed', 'failed', 'skipped']),
  reason: z.optional(text(4000)),
  results: z.optional(z.array(badgeResultSchema).check(z.maxLength(500))),
  auditId: z.optional(text(100)),
  interrupted: z.optional(z.boolean()),
  attempts: z.optional(count),
});

const bulkRunSchema: z.ZodMiniType<BulkRun> = z.object({
  id: text(100),
  orgId: zohoId,
  helpCenterId: z.optional(zohoId),
  createdAt: z.number(),
  plannedAt: z.optional(z.number()),
  status: z.enum(['running', 'paused', 'cancelled', 'done']),
  pauseReason: z.optional(text(2000)),
  pausedFor: z.optional(z.enum(['connection', 'credits'])),
  resumesAt: z.optional(z.number()),
  concurrency: z.number().check(z.int(), z.minimum(BULK_CONCURRENCY.min), z.maximum(BULK_CONCURRENCY.max)),
  items: z.array(bulkItemSchema).check(z.maxLength(5000)),
  finishedAt: z.optional(z.number()),
  credits: z.optional(
    z.object({
      before: z.number(),
      left: z.number(),
      since: z.optional(z.number()),
      renewed: z.optional(z.literal(true)),
    }),
  ),
  settlesAt: z.optional(z.number()),
});

/** A run that does not have the shape this version writes is not worked, and said in the console. */
const parseRun: ParseRun = (raw) => {
  const parsed = bulkRunSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  console.warn('Badge Remover ignored a stored bulk run that does not have the shape this version writes.');
  return null;
};

export const bulkRunItem = {
  ...createRunStore(
    {
      get: (keys) => trustedArea().get(keys),
      set: (items) => trustedArea().set(items),
      remove: (keys) => trustedArea().remove(keys),
    },
    { parse: parseRun, minGapMs: 1000 },
  ),
  /** Calls back with the run whenever it is saved, in any of the extension's pages or its worker. */
  watch: (onChange: (run: BulkRun | null) => void) => watchStoredRun(onChange, trustedArea(), parseRun),
};

/**
 * The users of the bulk run whose removal may be under way, saved before anything is sent for them
 * and cleared once their result is saved: small, so marking costs a fast write.
 */
export const bulkInFlightItem = /* @__PURE__ */ remembered(
  trustedItem<{ runId: string; userIds: string[] } | null>('bulkInFlight', {
    fallback: null,
    schema: z.object({ runId: text(100), userIds: z.array(zohoId).check(z.maxLength(5000)) }),
  }),
);
