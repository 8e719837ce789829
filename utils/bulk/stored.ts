import { storage } from 'wxt/utils/storage';
import { remembered } from '../platform/remembered-item';
import type { BulkRun } from './run';

/** The bulk run, saved as it changes so it survives a stopped service worker or a browser restart. */
export const bulkRunItem = /* @__PURE__ */ remembered(
  storage.defineItem<BulkRun | null>('local:bulkRun', {
    fallback: null,
  }),
  // Rewritten at most once a second (the bulk page's progress follows it); what must be stored at once lives in
  // bulkInFlightItem. More often costs the run itself: each write is the whole queue. Runs are never changed in
  // place (utils/bulk/run.ts builds each next run), so none is copied.
  { minGapMs: 1000, immutable: true },
);

/**
 * The users of the bulk run whose removal may be under way, saved before anything is sent for them
 * and cleared once their result is saved: small, so marking costs a fast write.
 */
export const bulkInFlightItem = /* @__PURE__ */ remembered(
  storage.defineItem<{ runId: string; userIds: string[] } | null>('local:bulkInFlight', { fallback: null }),
);
