/**
 * What the popup's search sends and keeps, planned from the search state (popup-search.ts), so the popup
 * only wires requests to the reducer.
 */
import type { HelpCenterView, UserBadgesView, UserSearchPage, UserSummary } from '../platform/zoho/views';
import { queryProblem, type SavedSearch, type SearchState } from './popup-search';

/** A user to open or remove badges from; no help center means Zoho's default one. */
export interface UserTarget {
  userId: string;
  helpCenterId?: string;
}

/** Leaves out an empty help center, as the requests' schemas expect. */
export const userTarget = (userId: string, helpCenterId?: string): UserTarget => ({
  userId,
  ...(helpCenterId ? { helpCenterId } : {}),
});

export type Lookup =
  | { by: 'id'; input: UserTarget }
  | { by: 'search'; input: { query: string; helpCenterId?: string; from?: number } };

type Query = Pick<SearchState, 'mode' | 'query' | 'helpCenterId'>;

/** Debounced lookups wait for text that can be looked up. */
export const readyToLookUp = (state: Query): boolean =>
  state.query.trim() !== '' && !queryProblem(state.mode, state.query);

/** The request for the typed text; `from` pages a name search (a user ID has one answer). */
export function planLookup(state: Query, from?: number): Lookup {
  const query = state.query.trim();
  if (state.mode === 'id') return { by: 'id', input: userTarget(query, state.helpCenterId) };
  return {
    by: 'search',
    input: {
      query,
      ...(state.helpCenterId ? { helpCenterId: state.helpCenterId } : {}),
      ...(from ? { from } : {}),
    },
  };
}

/** A user looked up by ID, shown as the one result of a search. */
export function pageOfUser(view: UserBadgesView): UserSearchPage {
  const { user } = view;
  return {
    users: [
      {
        id: user.id,
        name: user.name,
        ...(user.email ? { email: user.email } : {}),
        ...(user.contactId ? { contactId: user.contactId } : {}),
        badgeCount: view.badges.length,
      },
    ],
  };
}

/** What is kept of a first page of results, to show at once when the popup opens again. */
export function savedSearch(state: Query, page: UserSearchPage): SavedSearch {
  return {
    mode: state.mode,
    query: state.query,
    ...(state.helpCenterId ? { helpCenterId: state.helpCenterId } : {}),
    results: page.users,
    ...(page.nextFrom ? { nextFrom: page.nextFrom } : {}),
  };
}

/** The help center to choose once the list arrives: the first, unless the restored search has one. */
export function defaultHelpCenter(saved: SavedSearch | null, list: readonly HelpCenterView[]): string | undefined {
  return saved?.helpCenterId ? undefined : list[0]?.id;
}

/** Arrows move the highlight; Enter opens the highlighted user (if any). Other keys are left alone. */
export type SearchKey = { kind: 'move'; delta: 1 | -1 } | { kind: 'open'; user: UserSummary | undefined };

export function searchKey(key: string, state: Pick<SearchState, 'results' | 'active'>): SearchKey | null {
  if (key === 'ArrowDown' || key === 'ArrowUp') return { kind: 'move', delta: key === 'ArrowDown' ? 1 : -1 };
  if (key === 'Enter') return { kind: 'open', user: state.results[state.active] };
  return null;
}
