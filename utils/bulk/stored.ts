import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { remembered } from '../platform/remembered-item';
import type { BulkRun } from './run';
import { createRunStore, watchStoredRun } from './run-store';

/**
 * The bulk run, saved as it changes so it survives a stopped service worker or a browser restart: in chunks
 * (utils/bulk/run-store.ts), rewritten at most once a second (the bulk page's progress follows it). What must be
 * stored at once lives in bulkInFlightItem.
 */
export const bulkRunItem = {
  ...createRunStore(
    {
      get: (keys) => browser.storage.local.get(keys),
      set: (items) => browser.storage.local.set(items),
      remove: (keys) => browser.storage.local.remove(keys),
    },
    { minGapMs: 1000 },
  ),
  /** Calls back with the run whenever it is saved, in any of the extension's pages or its worker. */
  watch: (onChange: (run: BulkRun | null) => void) => watchStoredRun(onChange),
};

/**
 * The users of the bulk run whose removal may be under way, saved before anything is sent for them
 * and cleared once their result is saved: small, so marking costs a fast write.
 */
export const bulkInFlightItem = /* @__PURE__ */ remembered(
  storage.defineItem<{ runId: string; userIds: string[] } | null>('local:bulkInFlight', { fallback: null }),
);
