/**
 * The options page's Advanced section, as plain rules: what blocks saving and the exact `saveSettings` input of the
 * removal route, the bulk concurrency, the page patterns and the anchor, and the panel's window.
 */
import { BULK_CONCURRENCY } from './bulk/settings';
import { anchorSelectorProblem } from './page/anchor';
import { patternLineProblems, patternLines } from './page/pattern-list';
import { t } from './platform/i18n';
import type { RouteSetting } from './removal/routes';
import type { SettingsInput } from './settings';

export interface AdvancedFields {
  route: RouteSetting;
  /** As typed in the number field. */
  concurrency: string;
  /** The pattern editor's text, one pattern a line. */
  patterns: string;
  anchorSelector: string;
  /** The panel in a window of its own where the browser cannot tell whether a page covers it. */
  panelWindowWhereUnchecked: boolean;
}

export interface AdvancedPlan {
  /** Every problem at once, patterns first; empty when the input can be saved. */
  problems: string[];
  input: SettingsInput | null;
}

/** `parseSelector` throws on a selector the browser cannot parse (the page passes its DOM's). */
export function planAdvancedSave(fields: AdvancedFields, parseSelector: (selector: string) => void): AdvancedPlan {
  const lines = patternLines(fields.patterns);
  const problems = patternLineProblems(lines);
  const selectorProblem = anchorSelectorProblem(fields.anchorSelector, parseSelector);
  if (selectorProblem) problems.push(t('options_anchor_problem', [selectorProblem]));
  const bulkConcurrency = Number(fields.concurrency);
  if (
    !Number.isInteger(bulkConcurrency) ||
    bulkConcurrency < BULK_CONCURRENCY.min ||
    bulkConcurrency > BULK_CONCURRENCY.max
  ) {
    problems.push(t('options_concurrency_problem', [BULK_CONCURRENCY.min, BULK_CONCURRENCY.max]));
  }
  if (problems.length) return { problems, input: null };
  return {
    problems,
    input: {
      removalRoute: fields.route,
      customPagePatterns: lines,
      bulkConcurrency,
      anchorSelector: fields.anchorSelector.trim(),
      panelWindowWhereUnchecked: fields.panelWindowWhereUnchecked,
    },
  };
}
