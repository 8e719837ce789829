/**
 * BENCHMARKS.md's table: one line per figure, with a column pair (median, min–max) for each browser, so a figure
 * measured in Chromium and in Firefox stands side by side. A run of some measures only puts its rows into the table
 * it finds, in place, and leaves the others as they were.
 */
import type { BrowserName } from '../scripts/browsers';
import type { Row } from './common';

const BROWSERS: BrowserName[] = ['chromium', 'firefox'];
const NONE = '–';

export const TABLE_HEADER =
  '| What | Chromium (median) | Chromium min–max over runs | Firefox (median) | Firefox min–max over runs | Target |';

interface Line {
  what: string;
  target: string;
  figures: Partial<Record<BrowserName, { figure: string; spread: string }>>;
}

/** `rows` put into `lines` (a copy): each into the line of the same "What", or a new line at the end. */
function merge(lines: Line[], rows: Row[]): Line[] {
  const merged = lines.map((line) => ({ ...line, figures: { ...line.figures } }));
  for (const row of rows) {
    let line = merged.find((l) => l.what === row.what);
    if (!line) {
      line = { what: row.what, target: row.target, figures: {} };
      merged.push(line);
    }
    line.target = row.target;
    line.figures[row.browser ?? 'chromium'] = { figure: row.figure, spread: row.spread };
  }
  return merged;
}

function render(lines: Line[]): string {
  const cells = (line: Line) =>
    BROWSERS.flatMap((browser) => {
      const figure = line.figures[browser];
      return figure ? [figure.figure, figure.spread] : [NONE, NONE];
    });
  return [
    TABLE_HEADER,
    '|---|---|---|---|---|---|',
    ...lines.map((line) => `| ${[line.what, ...cells(line), line.target].join(' | ')} |`),
  ].join('\n');
}

export const table = (rows: Row[]): string => render(merge([], rows));

/** A table line's cells. */
const cellsOf = (line: string) =>
  line
    .trim()
    .slice(1, -1)
    .split(' | ')
    .map((cell) => cell.trim());

/**
 * `doc` (BENCHMARKS.md) with `rows` put into its table of figures; its other lines as they were. A table of the
 * one-browser layout (What, figure, min–max, target) is read as Chromium's.
 */
export function withRows(doc: string, rows: Row[]): string {
  const all = doc.split('\n');
  const start = all.findIndex((line) => line.startsWith('| What |'));
  if (start < 0) throw new Error('BENCHMARKS.md has no table of figures to put the rows in: run every measure once.');
  let end = start + 1;
  while (end < all.length && all[end]!.startsWith('|')) end++;
  const columns = cellsOf(all[start]!).length;
  const lines = all.slice(start + 2, end).map((text): Line => {
    const c = cellsOf(text);
    if (columns === 4) return { what: c[0]!, target: c[3]!, figures: { chromium: { figure: c[1]!, spread: c[2]! } } };
    const figures: Line['figures'] = {};
    BROWSERS.forEach((browser, i) => {
      const [figure, spread] = [c[1 + 2 * i]!, c[2 + 2 * i]!];
      if (figure !== NONE) figures[browser] = { figure, spread };
    });
    return { what: c[0]!, target: c[5]!, figures };
  });
  return [...all.slice(0, start), render(merge(lines, rows)), ...all.slice(end)].join('\n');
}
