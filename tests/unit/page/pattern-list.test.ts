import { describe, expect, it } from 'vitest';
import { patternEditorText, patternLineProblems, patternLines } from '../../../utils/page/pattern-list';

const USER = '/agent/{portal}/{department}/users/{userId}';
const CONTACT = '/agent/{portal}/contacts/{contactId}';

describe('patternEditorText', () => {
  it('puts the saved patterns one a line, then the line sent from the popup', () => {
    expect(patternEditorText([USER, CONTACT])).toBe(`${USER}\n${CONTACT}`);
    expect(patternEditorText([USER], '/agent/zylker/users/42')).toBe(`${USER}\n/agent/zylker/users/42`);
    expect(patternEditorText([], '/agent/zylker/users/42')).toBe('/agent/zylker/users/42');
    expect(patternEditorText([], '')).toBe('');
  });
});

describe('patternLines', () => {
  it('trims each line and drops blank ones', () => {
    expect(patternLines(`  ${USER}  \n\n   \n${CONTACT}\n`)).toEqual([USER, CONTACT]);
    expect(patternLines('')).toEqual([]);
  });

  it('is what patternEditorText was made from', () => {
    expect(patternLines(patternEditorText([USER, CONTACT], '/x/{userId}'))).toEqual([USER, CONTACT, '/x/{userId}']);
  });
});

describe('patternLineProblems', () => {
  it('accepts valid patterns', () => {
    expect(patternLineProblems([USER, CONTACT])).toEqual([]);
  });

  it('names each refused line by its number among the saved lines, with why', () => {
    const lines = patternLines(`${USER}\n\nagent/{userId}\n/agent/users\n${CONTACT}`);
    expect(patternLineProblems(lines)).toEqual([
      'Line 2: Start with the path after the host, e.g. /agent/{portal}/… (no https:// or host).',
      'Line 3: Include {userId} (or {portalUserId} or {contactId}) so the page can be identified.',
    ]);
  });
});
