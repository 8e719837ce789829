import { describe, expect, it } from 'vitest';
import { detectHelpCenterUserPage, helpCenterUserPageUrl } from '../../../utils/page-kinds/helpcenter-user/detect';
import {
  idsAsText,
  initialSearch,
  queryProblem,
  type SearchState,
  searchReducer,
} from '../../../utils/search/popup-search';

const carol = { id: '42', name: 'Carol', email: 'carol@zylker.com', badgeCount: 3 };
const ben = { id: '43', name: 'Ben', badgeCount: 0 };

describe('queryProblem', () => {
  it.each([
    ['search', 'c', /at least 2 characters/],
    ['search', ' c ', /at least 2 characters/],
    ['id', 'carol', /A user ID is a number/],
    ['id', '12a', /A user ID is a number/],
    ['id', '-12', /A user ID is a number/],
    ['id', '1.5', /A user ID is a number/],
  ] as const)('%s %j is refused', (mode, text, message) => {
    expect(queryProblem(mode, text)).toMatch(message);
  });

  it.each([
    ['search', 'ca'],
    ['search', 'carol@zylker.com'],
    ['search', ''],
    ['id', '310975130121'],
    ['id', ' 42 '],
  ] as const)('%s %j is fine', (mode, text) => {
    expect(queryProblem(mode, text)).toBeNull();
  });
});

describe('searchReducer', () => {
  const typed = (query: string, state: SearchState = initialSearch) => searchReducer(state, { type: 'typed', query });

  it('marks invalid text and clears results, so nothing is looked up', () => {
    const withResults: SearchState = { ...initialSearch, query: 'carol', status: 'done', results: [carol], active: 0 };
    const state = typed('c', withResults);
    expect(state).toMatchObject({ status: 'invalid', results: [], active: -1 });
    expect(state.problem).toMatch(/2 characters/);
    expect(searchReducer(state, { type: 'mode', mode: 'id' }).problem).toMatch(/number/);
  });

  it('drops the answer to an older query', () => {
    let state = searchReducer(typed('carol'), { type: 'started', request: 1 });
    state = searchReducer(typed('ben', state), { type: 'started', request: 2 });
    state = searchReducer(state, { type: 'loaded', request: 1, page: { users: [carol] }, append: false });
    expect(state).toMatchObject({ status: 'loading', results: [] });
    state = searchReducer(state, { type: 'loaded', request: 2, page: { users: [ben] }, append: false });
    expect(state).toMatchObject({ status: 'done', results: [ben], active: 0 });
    expect(searchReducer(state, { type: 'failed', request: 1, error: { kind: 'network', message: 'x' } })).toBe(state);
  });

  it('appends the next page and keeps the highlight', () => {
    let state = searchReducer(typed('zylker'), { type: 'started', request: 1 });
    state = searchReducer(state, { type: 'loaded', request: 1, page: { users: [carol], nextFrom: 11 }, append: false });
    state = searchReducer(state, { type: 'move', delta: 1 });
    state = searchReducer(state, { type: 'started', request: 2 });
    state = searchReducer(state, { type: 'loaded', request: 2, page: { users: [ben] }, append: true });
    expect(state.results.map((u) => u.id)).toEqual(['42', '43']);
    expect(state.nextFrom).toBeUndefined();
    expect(searchReducer(state, { type: 'move', delta: 1 }).active).toBe(1);
    expect(searchReducer(searchReducer(state, { type: 'move', delta: 5 }), { type: 'move', delta: -9 }).active).toBe(0);
  });

  it('shows a restored search at once, marked stale until fresh data replaces it', () => {
    const state = searchReducer(initialSearch, {
      type: 'restore',
      saved: { mode: 'search', query: 'carol', helpCenterId: '7', results: [carol] },
    });
    expect(state).toMatchObject({ status: 'done', stale: true, results: [carol], helpCenterId: '7', active: 0 });
    const fresh = searchReducer(searchReducer(state, { type: 'started', request: 1 }), {
      type: 'loaded',
      request: 1,
      page: { users: [carol, ben] },
      append: false,
    });
    expect(fresh).toMatchObject({ stale: false, results: [carol, ben] });
  });
});

describe('ID formatting', () => {
  it('lists the IDs one per line, leaving out the unknown ones', () => {
    expect(idsAsText({ userId: '42', helpCenterId: '7', orgId: '600' })).toBe(
      'User ID: 42\nHelp Center ID: 7\nOrganization ID: 600',
    );
    expect(idsAsText({ userId: '42', contactId: '9' })).toBe('User ID: 42\nContact ID: 9');
  });

  it('builds Desk URLs the detector recognises', () => {
    const url = helpCenterUserPageUrl({
      deskHost: 'https://desk.zoho.eu',
      portal: 'zylker labs',
      helpCenterId: '7',
      userId: '42',
    });
    expect(url).toBe('https://desk.zoho.eu/agent/zylker%20labs/all/setup#setup/channels/helpcenter/7/users/42');
    expect(detectHelpCenterUserPage(url)).toMatchObject({ portal: 'zylker labs', helpCenterId: '7', userId: '42' });
  });
});
