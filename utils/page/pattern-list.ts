/**
 * The options page's pattern editor: one URL pattern a line, checked line by line before saving,
 * so the admin sees every refused line at once rather than the service worker's first refusal.
 */

import { t } from '../platform/i18n';
import { compilePattern } from './url-pattern';

/** The editor's starting text: the saved patterns, then the line the popup sent for the admin to finish. */
export function patternEditorText(saved: readonly string[], addPattern?: string): string {
  return [...saved, ...(addPattern ? [addPattern] : [])].join('\n');
}

/** The patterns as saved: each line trimmed, blank lines dropped. */
export function patternLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** `Line N: why` for each pattern that does not compile; N counts the lines as saved, blank ones left out. */
export function patternLineProblems(lines: readonly string[]): string[] {
  return lines.flatMap((line, i) => {
    const result = compilePattern(line);
    return result.ok ? [] : [t('worker_pattern_line', [i + 1, result.error])];
  });
}
