/** Who a bulk run is for, from pasted text or a CSV file: emails or numeric user IDs. */
import { parseCsv } from '../platform/csv';
import { t } from '../platform/i18n';
import { ZOHO_ID } from '../platform/ids';

export type Recipient = { kind: 'email'; value: string; line: number } | { kind: 'id'; value: string; line: number };

export interface RecipientList {
  recipients: Recipient[];
  /** Rows that are neither, with the reason, so nothing is dropped silently. */
  problems: { line: number; text: string; reason: string }[];
  /** The header column used, when the first row was a header. */
  column?: string;
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]{2,}$/;
const EMAIL_HEADER = /^(e-?mail|e-?mail[ _-]?address)$/i;
const ID_HEADER = /^(user[ _-]?id|id)$/i;

export function parseRecipients(text: string): RecipientList {
  const rows = parseCsv(text);
  const out: RecipientList = { recipients: [], problems: [] };
  if (rows.length === 0) return out;

  const header = rows[0]!.cells.map((c) => c.trim());
  let column = header.findIndex((c) => EMAIL_HEADER.test(c));
  if (column < 0) column = header.findIndex((c) => ID_HEADER.test(c));
  const hasHeader =
    column >= 0 ||
    header.some(
      (c) =>
        c && !EMAIL.test(c) && !ZOHO_ID.test(c) && /^[A-Za-z _-]+$/.test(c) && rows.length > 1 && header.length > 1,
    );
  if (column >= 0) out.column = header[column];
  if (column < 0) column = 0;

  const seen = new Set<string>();
  for (const row of hasHeader ? rows.slice(1) : rows) {
    const raw = (row.cells[column] ?? '').trim();
    if (!raw && row.cells.every((c) => !c.trim())) continue;
    const value = raw.toLowerCase();
    const kind = EMAIL.test(raw) ? 'email' : ZOHO_ID.test(raw) ? 'id' : null;
    if (!kind) {
      out.problems.push({
        line: row.line,
        text: row.cells.join(','),
        reason: raw ? t('bulk_input_not_recipient') : t('bulk_input_empty_cell'),
      });
      continue;
    }
    if (seen.has(value)) continue;
    seen.add(value);
    out.recipients.push({ kind, value, line: row.line });
  }
  return out;
}

/** Whether a badge is the one the admin named: by ID, or by name regardless of case. */
export function badgeNamed(typed: string): (badge: { id: string; name: string }) => boolean {
  const wanted = typed.trim().toLowerCase();
  return (b) => b.id === wanted || b.name.toLowerCase() === wanted;
}
