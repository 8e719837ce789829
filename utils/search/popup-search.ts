/**
 * The popup's search as a pure state machine: what the admin typed, what is loading, what came back,
 * which result is active. Late answers to an older query are dropped, so typing fast never shows
 * results for text no longer in the box.
 */

import type { SerializedError } from '../platform/errors';
import { type MessageKey, t } from '../platform/i18n';
import { isZohoId } from '../platform/ids';
import type { UserSearchPage, UserSummary } from '../platform/zoho/views';

export type SearchMode = 'search' | 'id';

export interface SearchState {
  mode: SearchMode;
  query: string;
  helpCenterId?: string;
  /** idle: nothing to look up; invalid: see `problem`. */
  status: 'idle' | 'invalid' | 'loading' | 'done' | 'error';
  problem?: string;
  error?: SerializedError;
  results: UserSummary[];
  nextFrom?: number;
  /** Index of the highlighted result, for the arrow keys; -1 for none. */
  active: number;
  /** Results shown from the last popup session until fresh ones arrive. */
  stale: boolean;
  /** Identity of the request whose answer is awaited. */
  pending?: number;
}

export const initialSearch: SearchState = {
  mode: 'search',
  query: '',
  status: 'idle',
  results: [],
  active: -1,
  stale: false,
};

/** Why the text cannot be looked up yet, or null. No request is made while there is a problem. */
export function queryProblem(mode: SearchMode, text: string): string | null {
  const query = text.trim();
  if (mode === 'id') {
    if (!query) return null;
    return isZohoId(query) ? null : t('worker_search_id_not_number');
  }
  if (query.length === 1) return t('worker_search_too_short');
  return null;
}

export type SearchAction =
  | { type: 'typed'; query: string }
  | { type: 'mode'; mode: SearchMode }
  | { type: 'helpCenter'; helpCenterId?: string }
  | { type: 'started'; request: number }
  | { type: 'loaded'; request: number; page: UserSearchPage; append: boolean }
  | { type: 'failed'; request: number; error: SerializedError }
  | { type: 'move'; delta: number }
  | { type: 'restore'; saved: SavedSearch };

/** What the popup keeps between openings (in session storage) to show at once. */
export interface SavedSearch {
  mode: SearchMode;
  query: string;
  helpCenterId?: string;
  results: UserSummary[];
  nextFrom?: number;
}

function withQuery(state: SearchState, mode: SearchMode, query: string): SearchState {
  const problem = queryProblem(mode, query);
  const empty = query.trim() === '';
  return {
    ...state,
    mode,
    query,
    status: problem ? 'invalid' : empty ? 'idle' : state.status,
    problem: problem ?? undefined,
    error: undefined,
    pending: undefined,
    ...(problem || empty ? { results: [], nextFrom: undefined, active: -1 } : {}),
  };
}

export function searchReducer(state: SearchState, action: SearchAction): SearchState {
  switch (action.type) {
    case 'typed':
      return withQuery(state, state.mode, action.query);
    case 'mode':
      return withQuery(state, action.mode, state.query);
    case 'helpCenter':
      return { ...state, helpCenterId: action.helpCenterId, pending: undefined };
    case 'started':
      return { ...state, status: 'loading', pending: action.request, error: undefined };
    case 'loaded':
      if (action.request !== state.pending) return state;
      return {
        ...state,
        status: 'done',
        pending: undefined,
        stale: false,
        results: action.append ? [...state.results, ...action.page.users] : action.page.users,
        nextFrom: action.page.nextFrom,
        active: action.append ? state.active : action.page.users.length ? 0 : -1,
      };
    case 'failed':
      if (action.request !== state.pending) return state;
      return { ...state, status: 'error', pending: undefined, error: action.error };
    case 'move': {
      if (state.results.length === 0) return state;
      const next = Math.min(state.results.length - 1, Math.max(0, state.active + action.delta));
      return { ...state, active: next };
    }
    case 'restore':
      return {
        ...initialSearch,
        ...action.saved,
        status: action.saved.results.length ? 'done' : 'idle',
        active: action.saved.results.length ? 0 : -1,
        stale: true,
      };
  }
}

/** The IDs of a user, one per line, as "Copy all" puts them on the clipboard. */
export function idsAsText(ids: { userId: string; helpCenterId?: string; orgId?: string; contactId?: string }): string {
  const lines: [MessageKey & `worker_ids_${string}`, string | undefined][] = [
    ['worker_ids_user', ids.userId],
    ['worker_ids_help_center', ids.helpCenterId],
    ['worker_ids_contact', ids.contactId],
    ['worker_ids_org', ids.orgId],
  ];
  return lines.flatMap(([key, value]) => (value ? [t(key, [value])] : [])).join('\n');
}
