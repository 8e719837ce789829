/**
 * The admin's page patterns as the content script reads them: straight from `storage.local`.
 * The options side writes through `pagePatternsItem` (utils/page/stored.ts), under the same key.
 */
import { readLocalList, watchLocalList } from '../platform/local-list';

export const PAGE_PATTERNS_KEY = 'pagePatterns';

export const readPagePatterns = (): Promise<string[]> => readLocalList(PAGE_PATTERNS_KEY);

/** Calls back with the new patterns whenever they are saved; returns the unwatch. */
export const watchPagePatterns = (onChange: (patterns: string[]) => void): (() => void) =>
  watchLocalList(PAGE_PATTERNS_KEY, onChange);
