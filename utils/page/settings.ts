/** The page feature's settings, saved from the options page: the admin's URL patterns and the control's anchor. */
import { ZohoError } from '../platform/errors';
import { t } from '../platform/i18n';
import { anchorSelectorItem, pagePatternsItem } from './stored';
import { compilePattern } from './url-pattern';

export interface PageSettings {
  customPagePatterns: string[];
  anchorSelector: string;
}

export async function pageSettings(): Promise<PageSettings> {
  return { customPagePatterns: await pagePatternsItem.getValue(), anchorSelector: await anchorSelectorItem.getValue() };
}

/** Saves what was sent; a pattern that does not compile saves none of them, and says which and why. */
export async function savePageSettings(input: Partial<PageSettings>): Promise<void> {
  if (input.customPagePatterns !== undefined) {
    const patterns = input.customPagePatterns.map((p) => p.trim()).filter(Boolean);
    const problems = patterns.flatMap((p) => {
      const compiled = compilePattern(p);
      return compiled.ok ? [] : [`${p}: ${compiled.error}`];
    });
    if (problems.length) {
      throw new ZohoError({ kind: 'invalid-request', message: t('worker_connection_not_saved', [problems.join(' ')]) });
    }
    await pagePatternsItem.setValue(patterns);
  }
  // Parsed by the options page, which has a DOM; a selector that fails on a page is skipped there.
  if (input.anchorSelector !== undefined) await anchorSelectorItem.setValue(input.anchorSelector.trim());
}
