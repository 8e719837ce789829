/** The page feature's settings, saved from the options page: the admin's URL patterns and the control's anchor. */
import * as z from 'zod/mini';
import { ZohoError } from '../platform/errors';
import { t } from '../platform/i18n';
import { anchorSelectorItem, pagePatternsItem } from './stored';
import { compilePattern } from './url-pattern';

export interface PageSettings {
  customPagePatterns: string[];
  anchorSelector: string;
}

/** The page's fields in the options page's save (utils/settings.ts). */
export const pageSettingsInput = {
  customPagePatterns: z.optional(z.array(z.string().check(z.maxLength(500))).check(z.maxLength(50))),
  anchorSelector: z.optional(z.string().check(z.maxLength(300, { error: () => t('worker_request_anchor_too_long') }))),
};

export async function pageSettings(): Promise<PageSettings> {
  return { customPagePatterns: await pagePatternsItem.getValue(), anchorSelector: await anchorSelectorItem.getValue() };
}

/** Checks what was sent and returns its write; a pattern that does not compile saves nothing, and says which and why. */
export async function preparePageSave(input: Partial<PageSettings>): Promise<() => Promise<void>> {
  const patterns = input.customPagePatterns?.map((p) => p.trim()).filter(Boolean);
  const problems = (patterns ?? []).flatMap((p) => {
    const compiled = compilePattern(p);
    return compiled.ok ? [] : [`${p}: ${compiled.error}`];
  });
  if (problems.length) {
    throw new ZohoError({ kind: 'invalid-request', message: t('worker_connection_not_saved', [problems.join(' ')]) });
  }
  return async () => {
    if (patterns !== undefined) await pagePatternsItem.setValue(patterns);
    // Parsed by the options page, which has a DOM; a selector that fails on a page is skipped there.
    if (input.anchorSelector !== undefined) await anchorSelectorItem.setValue(input.anchorSelector.trim());
  };
}
