import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../../utils/platform/csv';

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, commas and newlines inside quotes', () => {
    expect(parseCsv('email,name\r\n"a@x.com","Lee, ""Al"""\n"b@x.com","two\nlines"\n')).toEqual([
      { line: 1, cells: ['email', 'name'] },
      { line: 2, cells: ['a@x.com', 'Lee, "Al"'] },
      { line: 3, cells: ['b@x.com', 'two\nlines'] },
    ]);
  });

  it('drops a BOM and blank lines, keeping line numbers true', () => {
    expect(parseCsv('\uFEFFid\n\n42\n\r\n43')).toEqual([
      { line: 1, cells: ['id'] },
      { line: 3, cells: ['42'] },
      { line: 5, cells: ['43'] },
    ]);
  });

  it('keeps empty cells', () => {
    expect(parseCsv('a,,c\n,')).toEqual([
      { line: 1, cells: ['a', '', 'c'] },
      { line: 2, cells: ['', ''] },
    ]);
  });
});

describe('toCsv', () => {
  it('quotes what needs it and defuses formulas', () => {
    expect(
      toCsv([
        ['id', 'name'],
        ['42', 'Lee, Al'],
        ['43', '=HYPERLINK("x")'],
        [1, undefined],
      ]),
    ).toBe('id,name\r\n42,"Lee, Al"\r\n43,"\'=HYPERLINK(""x"")"\r\n1,\r\n');
  });

  it('defuses a formula behind leading whitespace, in full-width forms, and every other formula start', () => {
    const cells = [
      '\t=1+1',
      '\r=1+1',
      '\n=1+1',
      ' =1+1',
      ' plain',
      '+1',
      '-1',
      '@SUM(A1)',
      '=1',
      '＝1+1',
      '＋1',
      '－1',
      '＠SUM(A1)',
    ];
    const written = parseCsv(toCsv([cells]))[0]!.cells;
    expect(written).toEqual(cells.map((c) => `'${c}`));
    expect(toCsv([['a-b', 'x=1', 'a＝1']])).toBe('a-b,x=1,a＝1\r\n');
  });

  it('round-trips through parseCsv', () => {
    const rows = [
      ['a "b"', 'c\nd', 'e '],
      ['', 'x', 'y'],
    ];
    expect(parseCsv(toCsv(rows)).map((r) => r.cells)).toEqual(rows);
  });
});
