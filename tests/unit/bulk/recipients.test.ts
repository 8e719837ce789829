import { describe, expect, it } from 'vitest';
import { parseRecipients } from '../../../utils/bulk/recipients';

describe('parseRecipients', () => {
  it('takes pasted emails and IDs, one per line, skipping blanks and repeats', () => {
    const list = parseRecipients('carol@zylker.com\n\n310975130122\nCAROL@zylker.com\n');
    expect(list.recipients).toEqual([
      { kind: 'email', value: 'carol@zylker.com', line: 1 },
      { kind: 'id', value: '310975130122', line: 3 },
    ]);
    expect(list.problems).toEqual([]);
  });

  it('detects the email column from the header, with a BOM and quoting', () => {
    const list = parseRecipients(
      '\uFEFFName,Email,Notes\r\n"Diaz, Carol",carol@zylker.com,"said ""hi"""\r\nBen,ben@zylker.com,\r\n',
    );
    expect(list.column).toBe('Email');
    expect(list.recipients.map((r) => r.value)).toEqual(['carol@zylker.com', 'ben@zylker.com']);
  });

  it('detects a user ID column', () => {
    const list = parseRecipients('user_id,name\n42,Carol\n43,Ben');
    expect(list.column).toBe('user_id');
    expect(list.recipients.map((r) => [r.kind, r.value])).toEqual([
      ['id', '42'],
      ['id', '43'],
    ]);
  });

  it('reports bad rows with their line instead of dropping them', () => {
    const list = parseRecipients('email\ncarol@zylker.com\nnot an email\n,\nben@zylker');
    expect(list.recipients.map((r) => r.value)).toEqual(['carol@zylker.com']);
    expect(list.problems).toEqual([
      { line: 3, text: 'not an email', reason: 'Not an email address or a numeric user ID.' },
      { line: 5, text: 'ben@zylker', reason: 'Not an email address or a numeric user ID.' },
    ]);
  });
});
