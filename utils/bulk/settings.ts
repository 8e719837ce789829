/** Bulk's settings: how many users a run works on at once. */
import * as z from 'zod/mini';
import { featureSettings } from '../platform/feature-settings';

/** Calls at once: Zoho's per-organization limit is 5 to 25 by edition (docs/zoho.md, 4). */
export const BULK_CONCURRENCY = { min: 1, max: 25 } as const;

export interface BulkSettings {
  /** Users worked on at once in a bulk run; keep it at or under the org's Zoho concurrency limit. */
  bulkConcurrency: number;
}

export const DEFAULT_BULK_SETTINGS: BulkSettings = { bulkConcurrency: 5 };

export const bulkSettings = /* @__PURE__ */ featureSettings<BulkSettings>('bulkSettings', DEFAULT_BULK_SETTINGS, {
  bulkConcurrency: z.number().check(z.int(), z.minimum(BULK_CONCURRENCY.min), z.maximum(BULK_CONCURRENCY.max)),
});

export const readBulkSettings = (): Promise<BulkSettings> => bulkSettings.item.getValue();

/** Checks nothing the policy sets (it sets none of bulk's settings); returns the write. */
export async function prepareBulkSave(input: Partial<BulkSettings>): Promise<() => Promise<void>> {
  return async () => {
    if (input.bulkConcurrency === undefined) return;
    await bulkSettings.item.setValue({ ...(await readBulkSettings()), bulkConcurrency: input.bulkConcurrency });
  };
}
