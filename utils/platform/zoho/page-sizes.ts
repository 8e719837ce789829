/** The page sizes Zoho took where it refused the spec's, per organization and operation, kept across restarts. */
import { storage } from 'wxt/utils/storage';
import { remembered } from '../remembered-item';
import type { PageSizeMemory } from './desk-client';

const pageSizesItem = /* @__PURE__ */ remembered(
  storage.defineItem<Record<string, number>>('local:pageSizes', { fallback: {} }),
);

export const storedPageSizes: PageSizeMemory = {
  get: async (key) => (await pageSizesItem.getValue())[key],
  set: async (key, size) => pageSizesItem.setValue({ ...(await pageSizesItem.getValue()), [key]: size }),
};
