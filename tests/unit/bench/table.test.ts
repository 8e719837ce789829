import { describe, expect, it } from 'vitest';
import type { Row } from '../../../bench/common';
import { table, withRows } from '../../../bench/table';

const removal = (browser: Row['browser'], figure: string): Row => ({
  browser,
  what: 'One removal',
  figure,
  spread: `${figure} spread`,
  target: '≤ 1.05× the floor',
});
const weight: Row = { what: 'Whole package', figure: '282 kB', spread: '–', target: '–' };

/** A table's lines after its header and separator, as cells. */
const linesOf = (markdown: string) =>
  markdown
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .slice(1)
    .map((line) => line.slice(2, -2).split(' | '));

describe("BENCHMARKS.md's table", () => {
  it('puts the Chromium and the Firefox figure of a measure on one line, in their columns', () => {
    const markdown = table([weight, removal('chromium', '66 ms'), removal('firefox', '80 ms')]);
    expect(markdown.split('\n')[0]).toBe(
      '| What | Chromium (median) | Chromium min–max over runs | Firefox (median) | Firefox min–max over runs | Target |',
    );
    expect(linesOf(markdown)).toEqual([
      ['Whole package', '282 kB', '–', '–', '–', '–'],
      ['One removal', '66 ms', '66 ms spread', '80 ms', '80 ms spread', '≤ 1.05× the floor'],
    ]);
  });

  it('a figure measured in Firefox alone leaves the Chromium columns empty', () => {
    expect(linesOf(table([removal('firefox', '80 ms')]))).toEqual([
      ['One removal', '–', '–', '80 ms', '80 ms spread', '≤ 1.05× the floor'],
    ]);
  });

  it("puts a run's rows into a document's table, for the browser measured, keeping every other line", () => {
    const doc = ['# Benchmarks', '', 'A note.', '', table([weight, removal('chromium', '66 ms')]), '', 'How.'].join(
      '\n',
    );
    const updated = withRows(doc, [removal('firefox', '80 ms')]);
    expect(linesOf(updated)).toEqual([
      ['Whole package', '282 kB', '–', '–', '–', '–'],
      ['One removal', '66 ms', '66 ms spread', '80 ms', '80 ms spread', '≤ 1.05× the floor'],
    ]);
    expect(updated.split('\n').slice(0, 4)).toEqual(['# Benchmarks', '', 'A note.', '']);
    expect(updated.endsWith('\n\nHow.')).toBe(true);
    // Measured again in Chromium: that figure replaced, Firefox's kept; a new figure goes at the end.
    const again = withRows(updated, [removal('chromium', '60 ms'), { ...weight, what: 'Content script' }]);
    expect(linesOf(again).map((cells) => cells.slice(0, 4))).toEqual([
      ['Whole package', '282 kB', '–', '–'],
      ['One removal', '60 ms', '60 ms spread', '80 ms'],
      ['Content script', '282 kB', '–', '–'],
    ]);
  });

  it("reads the one-browser table (What, figure, min–max, target) as Chromium's", () => {
    const old = [
      '| What | Figure (median) | Min–max over runs | Target |',
      '|---|---|---|---|',
      '| One removal | 66 ms | 27–149 ms | ≤ 1.05× the floor |',
    ].join('\n');
    expect(linesOf(withRows(old, [weight]))).toEqual([
      ['One removal', '66 ms', '27–149 ms', '–', '–', '≤ 1.05× the floor'],
      ['Whole package', '282 kB', '–', '–', '–', '–'],
    ]);
  });

  it('leaves a table of other figures (the steps of a removal) alone', () => {
    const doc = ['| Step | ms |', '|---|---|', '| a | 1 |', '', table([weight])].join('\n');
    expect(
      withRows(doc, [removal('firefox', '80 ms')])
        .split('\n')
        .slice(0, 4),
    ).toEqual(['| Step | ms |', '|---|---|', '| a | 1 |', '']);
  });
});
