import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { CopyableId } from '../../components/common/CopyableId';
import { ErrorMessage } from '../../components/common/Notices';
import type { Client } from '../../utils/client';
import { helpCenterListUnavailable, type SerializedError, serializeError } from '../../utils/platform/errors';
import { plural, t } from '../../utils/platform/i18n';
import { isZohoId } from '../../utils/platform/ids';
import type { UserSummary } from '../../utils/platform/zoho/views';
import type { RemovalTarget } from '../../utils/removal/panel-context';
import {
  defaultHelpCenter,
  pageOfUser,
  planLookup,
  readyToLookUp,
  savedSearch,
  searchKey,
} from '../../utils/search/popup-lookup';
import { initialSearch, type SavedSearch, searchReducer } from '../../utils/search/popup-search';
import { type HelpCenterChoices, HelpCenterChooser } from './HelpCenterChooser';

export interface SearchApi extends Pick<Client, 'listHelpCenters' | 'searchUsers' | 'getUserBadges'> {
  loadLastSearch(): Promise<SavedSearch | null>;
  saveLastSearch(saved: SavedSearch): Promise<void>;
  loadTypedHelpCenterId(): Promise<string | null>;
  saveTypedHelpCenterId(id: string): Promise<void>;
}

const DEBOUNCE_MS = 300;

/** Finds Help Center users by name, email or user ID, in one help center or all. */
export function Search(props: {
  api: SearchApi;
  onOpen: (user: UserSummary, helpCenterId?: string) => void;
  onRemove: (user: UserSummary, helpCenterId?: string) => void;
  onOpenInDesk?: (target: RemovalTarget) => void;
}) {
  const { api } = props;
  const [state, dispatch] = useReducer(searchReducer, initialSearch);
  const [helpCenters, setHelpCenters] = useState<HelpCenterChoices>(null);
  const [hcError, setHcError] = useState<SerializedError | null>(null);
  const [typedHc, setTypedHc] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const requestSeq = useRef(0);
  const restored = useRef(false);

  // Open with the last search at once; the help centers load beside it.
  useEffect(() => {
    input.current?.focus();
    (async () => {
      const saved = await api.loadLastSearch();
      if (saved) dispatch({ type: 'restore', saved });
      restored.current = true;
      try {
        const list = await api.listHelpCenters();
        setHelpCenters(list);
        const first = defaultHelpCenter(saved, list);
        if (first !== undefined) dispatch({ type: 'helpCenter', helpCenterId: first });
      } catch (e) {
        const err = serializeError(e);
        if (!helpCenterListUnavailable(err)) return setHcError(err);
        // Zoho has no help-center listing here: the admin types the ID once, and it is kept.
        setHelpCenters('unlisted');
        const typed = await api.loadTypedHelpCenterId();
        if (typed) {
          setTypedHc(typed);
          dispatch({ type: 'helpCenter', helpCenterId: typed });
        }
      }
    })();
  }, []);

  const run = async (from?: number) => {
    const request = ++requestSeq.current;
    dispatch({ type: 'started', request });
    try {
      const lookup = planLookup(state, from);
      const page =
        lookup.by === 'id' ? pageOfUser(await api.getUserBadges(lookup.input)) : await api.searchUsers(lookup.input);
      dispatch({ type: 'loaded', request, page, append: from !== undefined });
      if (from === undefined) await api.saveLastSearch(savedSearch(state, page));
    } catch (e) {
      dispatch({ type: 'failed', request, error: serializeError(e) });
    }
  };

  // Debounced: a search runs once typing pauses, never for invalid text.
  useEffect(() => {
    if (!restored.current || !readyToLookUp(state)) return;
    const timer = setTimeout(() => void run(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [state.query, state.mode, state.helpCenterId]);

  const onKeyDown = (event: KeyboardEvent) => {
    const key = searchKey(event.key, state);
    if (!key) return;
    event.preventDefault();
    if (key.kind === 'move') dispatch({ type: 'move', delta: key.delta });
    else if (key.user) props.onOpen(key.user, state.helpCenterId);
  };

  return (
    <section class="search" aria-label={t('popup_search_label')}>
      <HelpCenterChooser
        helpCenters={helpCenters}
        selectedId={state.helpCenterId}
        typed={typedHc}
        error={hcError}
        onType={(value) => {
          setTypedHc(value);
          if (isZohoId(value)) {
            dispatch({ type: 'helpCenter', helpCenterId: value });
            void api.saveTypedHelpCenterId(value);
          }
        }}
        onSelect={(helpCenterId) => dispatch({ type: 'helpCenter', helpCenterId })}
      />
      <div class="modes" role="radiogroup" aria-label={t('popup_find_by')}>
        {(['search', 'id'] as const).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name="mode"
              checked={state.mode === mode}
              onChange={() => dispatch({ type: 'mode', mode })}
            />
            {t(mode === 'search' ? 'popup_name_or_email' : 'popup_user_id')}
          </label>
        ))}
      </div>
      <input
        ref={input}
        type="search"
        class="query"
        aria-label={t(state.mode === 'id' ? 'popup_user_id' : 'popup_name_or_email')}
        placeholder={state.mode === 'id' ? t('common_for_example', ['310975130121']) : t('popup_query_placeholder')}
        value={state.query}
        onInput={(e) => dispatch({ type: 'typed', query: e.currentTarget.value })}
        onKeyDown={onKeyDown}
        aria-invalid={state.problem ? true : undefined}
        aria-describedby="query-problem"
      />
      <p id="query-problem" class="field-error" role={state.problem ? 'alert' : undefined}>
        {state.problem ?? ''}
      </p>
      {state.status === 'loading' ? <p class="muted">{t('popup_searching')}</p> : null}
      {state.status === 'error' && state.error ? <ErrorMessage error={state.error} onRetry={() => void run()} /> : null}
      {state.status === 'done' && state.results.length === 0 ? <p class="muted">{t('popup_no_match')}</p> : null}
      <ul id="results" class="results" aria-label={t('popup_results')}>
        {state.results.map((user, index) => (
          <li
            key={user.id}
            aria-current={index === state.active ? 'true' : undefined}
            class={index === state.active ? 'result active' : 'result'}
          >
            <button type="button" class="result-open" onClick={() => props.onOpen(user, state.helpCenterId)}>
              <span class="name">{user.name}</span>
              {user.email ? <span class="muted"> {user.email}</span> : null}
              <span class="count">{plural('popup_badge_count', user.badgeCount)}</span>
            </button>
            <CopyableId label={t('popup_user_id')} value={user.id} />
            <div class="actions">
              {props.onOpenInDesk && state.helpCenterId ? (
                <button
                  type="button"
                  onClick={() => props.onOpenInDesk?.({ userId: user.id, helpCenterId: state.helpCenterId })}
                >
                  {t('popup_open_in_desk')}
                </button>
              ) : null}
              <button type="button" onClick={() => props.onRemove(user, state.helpCenterId)}>
                {t('popup_remove_badges')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {state.stale ? <p class="muted">{t('popup_stale')}</p> : null}
      {state.nextFrom && state.status === 'done' ? (
        <button type="button" onClick={() => void run(state.nextFrom)}>
          {t('popup_more_results')}
        </button>
      ) : null}
    </section>
  );
}
