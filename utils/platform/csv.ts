/** CSV in and out (RFC 4180): quotes, doubled quotes, CRLF or LF, a leading BOM, blank lines skipped. */

export interface CsvRow {
  /** 1-based line where the row starts, for messages an admin can follow. */
  line: number;
  cells: string[];
}

export function parseCsv(text: string): CsvRow[] {
  const source = text.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let touched = false;
  const endRow = () => {
    cells.push(cell);
    if (touched || cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
    touched = false;
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"') {
      quoted = true;
      touched = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      touched = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length || touched) endRow();
  return rows;
}

const FORMULA_START = /^[=+\-@\t\r]/;

function quote(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * CSV text for a spreadsheet. A value starting with =, +, -, @, TAB or CR is prefixed with ' so a spreadsheet
 * never runs it as a formula (TAB and CR are how formulas slip past an escape that only checks the first four).
 */
export function toCsv(rows: readonly (readonly (string | number | undefined)[])[]): string {
  return `${rows
    .map((row) =>
      row
        .map((value) => {
          const text = value === undefined ? '' : String(value);
          return quote(FORMULA_START.test(text) ? `'${text}` : text);
        })
        .join(','),
    )
    .join('\r\n')}\r\n`;
}
