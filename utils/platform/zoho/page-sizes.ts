/** The page sizes Zoho took where it refused the spec's, per organization and operation, kept across restarts. */
import * as z from 'zod/mini';
import { remembered } from '../remembered-item';
import { trustedItem } from '../trusted-storage';
import { MAX_PAGE_SIZE } from './desk-api';
import type { PageSizeMemory } from './desk-client';

const pageSizesItem = /* @__PURE__ */ remembered(
  trustedItem<Record<string, number>>('pageSizes', {
    fallback: {},
    schema: z.record(
      z.string().check(z.maxLength(200)),
      z.number().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE_SIZE)),
    ),
  }),
);

export const storedPageSizes: PageSizeMemory = {
  get: async (key) => (await pageSizesItem.getValue())[key],
  set: async (key, size) => pageSizesItem.setValue({ ...(await pageSizesItem.getValue()), [key]: size }),
};
