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

/**
 * What a spreadsheet may start a formula with: = + - @ and their full-width forms (＝ ＋ － ＠, which some
 * spreadsheets fold to ASCII), and any leading space, TAB, CR or LF (how a formula slips past an escape that only
 * checks the first character).
 */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r\n ]/;

function quote(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text for a spreadsheet. A value that could start a formula is prefixed with ', so none ever runs. */
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
