import { describe, expect, it } from 'vitest';
import {
  defaultHelpCenter,
  pageOfUser,
  planLookup,
  readyToLookUp,
  savedSearch,
  searchKey,
  userTarget,
} from '../../../utils/search/popup-lookup';
import { initialSearch, type SearchState } from '../../../utils/search/popup-search';

const carol = { id: '42', name: 'Carol', email: 'carol@zylker.com', badgeCount: 3 };
const ben = { id: '43', name: 'Ben', badgeCount: 0 };
const state = (over: Partial<SearchState>): SearchState => ({ ...initialSearch, ...over });

describe('userTarget', () => {
  it('names the help center only when there is one', () => {
    expect(userTarget('42', '7')).toEqual({ userId: '42', helpCenterId: '7' });
    expect(userTarget('42')).toEqual({ userId: '42' });
    expect(userTarget('42', '')).toEqual({ userId: '42' });
  });
});

describe('readyToLookUp', () => {
  it.each([
    ['search', 'ca', true],
    ['search', '  carol ', true],
    ['search', 'c', false],
    ['search', '   ', false],
    ['id', '310975130121', true],
    ['id', 'carol', false],
    ['id', '', false],
  ] as const)('%s %j: %s', (mode, query, ready) => {
    expect(readyToLookUp({ mode, query })).toBe(ready);
  });
});

describe('planLookup', () => {
  it('looks a user ID up directly, trimmed, and never pages', () => {
    expect(planLookup({ mode: 'id', query: ' 42 ', helpCenterId: '7' }, 11)).toEqual({
      by: 'id',
      input: { userId: '42', helpCenterId: '7' },
    });
    expect(planLookup({ mode: 'id', query: '42' })).toEqual({ by: 'id', input: { userId: '42' } });
  });

  it('searches by the trimmed text, in the chosen help center, from the given result', () => {
    expect(planLookup({ mode: 'search', query: ' carol ', helpCenterId: '7' }, 11)).toEqual({
      by: 'search',
      input: { query: 'carol', helpCenterId: '7', from: 11 },
    });
    expect(planLookup({ mode: 'search', query: 'carol' })).toEqual({ by: 'search', input: { query: 'carol' } });
  });
});

describe('pageOfUser', () => {
  it('shows a user found by ID as the one result, with the badge count', () => {
    const view = {
      user: { id: '42', name: 'Carol', email: 'carol@zylker.com', contactId: '9' },
      badges: [
        { id: 'b1', name: 'Helper' },
        { id: 'b2', name: 'Expert' },
      ],
    };
    expect(pageOfUser(view)).toEqual({
      users: [{ id: '42', name: 'Carol', email: 'carol@zylker.com', contactId: '9', badgeCount: 2 }],
    });
    const bare = pageOfUser({ user: { id: '43', name: 'Ben' }, badges: [] });
    expect(bare.users[0]).toEqual(ben);
    expect(bare.nextFrom).toBeUndefined();
  });
});

describe('savedSearch', () => {
  it('keeps the text as typed, the help center and the first page', () => {
    const saved = savedSearch(state({ query: ' carol', helpCenterId: '7' }), { users: [carol, ben], nextFrom: 11 });
    expect(saved).toEqual({ mode: 'search', query: ' carol', helpCenterId: '7', results: [carol, ben], nextFrom: 11 });
  });

  it('leaves out what is not there', () => {
    expect(savedSearch(state({ mode: 'id', query: '42' }), { users: [carol] })).toEqual({
      mode: 'id',
      query: '42',
      results: [carol],
    });
  });
});

describe('defaultHelpCenter', () => {
  const list = [
    { id: '7', name: 'Zylker Community' },
    { id: '8', name: 'Partners' },
  ];

  it('chooses the first help center, unless the restored search has one', () => {
    expect(defaultHelpCenter(null, list)).toBe('7');
    expect(defaultHelpCenter({ mode: 'search', query: 'carol', results: [] }, list)).toBe('7');
    expect(defaultHelpCenter({ mode: 'search', query: 'carol', helpCenterId: '8', results: [] }, list)).toBeUndefined();
    expect(defaultHelpCenter(null, [])).toBeUndefined();
  });
});

describe('searchKey', () => {
  const results = state({ results: [carol, ben], active: 1 });

  it('moves the highlight with the arrows', () => {
    expect(searchKey('ArrowDown', results)).toEqual({ kind: 'move', delta: 1 });
    expect(searchKey('ArrowUp', results)).toEqual({ kind: 'move', delta: -1 });
  });

  it('opens the highlighted user on Enter, and nobody when none is highlighted', () => {
    expect(searchKey('Enter', results)).toEqual({ kind: 'open', user: ben });
    expect(searchKey('Enter', initialSearch)).toEqual({ kind: 'open', user: undefined });
  });

  it('leaves other keys to the input', () => {
    expect(searchKey('a', results)).toBeNull();
    expect(searchKey('Tab', results)).toBeNull();
  });
});
