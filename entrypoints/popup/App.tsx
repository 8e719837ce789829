import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { CopyableId } from '../../components/common/CopyableId';
import { ConnectionNotice, ErrorMessage } from '../../components/common/Notices';
import { ZohoAccessNotice } from '../../components/connection/ZohoAccessNotice';
import { type PanelApi, type RemovalTarget, RemoveBadgesPanel } from '../../components/removal/RemoveBadgesPanel';
import type { Client } from '../../utils/client';
import type { StatusView } from '../../utils/connection/requests';
import type { ZohoAccessApi } from '../../utils/connection/zoho-access';
import { detectPage } from '../../utils/page';
import { detectHelpCenterUserPage, helpCenterUserPageUrl, isDeskOrigin } from '../../utils/page/helpcenter-user';
import { matchTarget } from '../../utils/page/url-pattern';
import { helpCenterListUnavailable, type SerializedError, serializeError } from '../../utils/platform/errors';
import { isZohoId } from '../../utils/platform/ids';
import { dataCenterByLocation, isAgentAppPath } from '../../utils/platform/zoho/datacenters';
import type { HelpCenterView, UserSearchPage, UserSummary } from '../../utils/platform/zoho/views';
import {
  idsAsText,
  initialSearch,
  queryProblem,
  type SavedSearch,
  searchReducer,
} from '../../utils/search/popup-search';
import { type RecognizeApi, RecognizePage } from './RecognizePage';

export interface PopupApi
  extends PanelApi,
    RecognizeApi,
    ZohoAccessApi,
    Pick<Client, 'listHelpCenters' | 'searchUsers'> {
  currentTab(): Promise<{ id: number; url: string } | null>;
  pagePatterns(): Promise<string[]>;
  openInTab(tabId: number, url: string): Promise<void>;
  loadLastSearch(): Promise<SavedSearch | null>;
  saveLastSearch(saved: SavedSearch): Promise<void>;
  loadTypedHelpCenterId(): Promise<string | null>;
  saveTypedHelpCenterId(id: string): Promise<void>;
  copy(text: string): Promise<void>;
  deskAddresses(): Promise<string[]>;
  /** Opens the options page with the address filled in, where the browser asks to allow it. */
  editDeskAddress(origin: string): Promise<void>;
}

const DEBOUNCE_MS = 300;

/** A chosen user: from the page in the current tab, or from the search. */
interface Selected {
  target: RemovalTarget;
  summary?: UserSummary;
  fromPage: boolean;
}

export function PopupApp({ api }: { api: PopupApi }) {
  const [status, setStatus] = useState<StatusView | null>(null);
  const [tab, setTab] = useState<{ id: number; url: string } | null>(null);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<SerializedError | null>(null);
  /** The tab's URL when it is an agent-app page that no pattern knows. */
  const [unknownPage, setUnknownPage] = useState<string | null>(null);
  const [learned, setLearned] = useState<string | null>(null);
  /** An agent-app path on a host that is not Zoho's: perhaps the organization's own Desk address. */
  const [ownDomain, setOwnDomain] = useState<string | null>(null);
  const showPageUser = (url: string, patterns: string[]) => {
    const page = detectHelpCenterUserPage(url, patterns);
    if (!page?.userId) return;
    setSelected({
      target: { userId: page.userId, ...(page.helpCenterId ? { helpCenterId: page.helpCenterId } : {}) },
      fromPage: true,
    });
  };
  useEffect(() => {
    (async () => {
      try {
        const [s, current, patterns] = await Promise.all([api.getStatus(), api.currentTab(), api.pagePatterns()]);
        setStatus(s);
        setTab(current);
        if (!current) return;
        showPageUser(current.url, patterns);
        const target = matchTarget(current.url, isDeskOrigin);
        if (target !== null && isAgentAppPath(target) && !detectPage(current.url, patterns))
          setUnknownPage(current.url);
        const url = new URL(current.url);
        if (target === null && url.protocol === 'https:' && isAgentAppPath(url.pathname)) {
          const known = await api.deskAddresses();
          if (!known.includes(url.origin)) setOwnDomain(url.origin);
        }
      } catch (e) {
        setError(serializeError(e));
      }
    })();
  }, []);

  const openInDesk = (target: RemovalTarget) => {
    const dc = status?.dataCenter && dataCenterByLocation(status.dataCenter.location);
    if (!dc || !status?.org?.portalName || !target.helpCenterId || !tab) return;
    const url = helpCenterUserPageUrl({
      deskHost: dc.deskHost,
      portal: status.org.portalName,
      helpCenterId: target.helpCenterId,
      userId: target.userId,
    });
    api.openInTab(tab.id, url).catch((e) => setError(serializeError(e)));
  };

  let body: preact.ComponentChild;
  if (error) body = <ErrorMessage error={error} />;
  else if (!status) body = <p class="muted">Loading…</p>;
  else if (status.connection !== 'connected') {
    body = (
      <ConnectionNotice
        state={status.connection}
        onFix={() => api.openOptions().catch((e) => setError(serializeError(e)))}
      />
    );
  } else if (selected) {
    body = (
      <>
        {learned ? (
          <p class="saved" role="status">
            Saved the pattern <code>{learned}</code>. The control is on this page now.
          </p>
        ) : null}
        <UserDetail
          api={api}
          status={status}
          selected={selected}
          removing={removing}
          onRemove={() => setRemoving(true)}
          onDoneRemoving={() => setRemoving(false)}
          onOpenInDesk={tab && status.org?.portalName ? openInDesk : undefined}
          onBack={() => {
            setSelected(null);
            setRemoving(false);
          }}
        />
      </>
    );
  } else {
    const search = (
      <Search
        api={api}
        onOpen={(summary, helpCenterId) =>
          setSelected({
            target: { userId: summary.id, ...(helpCenterId ? { helpCenterId } : {}) },
            summary,
            fromPage: false,
          })
        }
        onRemove={(summary, helpCenterId) => {
          setSelected({
            target: { userId: summary.id, ...(helpCenterId ? { helpCenterId } : {}) },
            summary,
            fromPage: false,
          });
          setRemoving(true);
        }}
        onOpenInDesk={tab && status.org?.portalName ? openInDesk : undefined}
      />
    );
    const ownDomainOffer = ownDomain ? (
      <section class="own-domain" aria-labelledby="own-domain-title">
        <h2 id="own-domain-title">Is this your Zoho Desk?</h2>
        <p class="muted">
          {ownDomain} looks like Desk's agent app on your organization's own domain. Add it as your Desk address, and
          the Remove badges control works here too.
        </p>
        <button type="button" onClick={() => api.editDeskAddress(ownDomain).catch((e) => setError(serializeError(e)))}>
          Add as my Desk address…
        </button>
      </section>
    ) : null;
    body = unknownPage ? (
      <>
        <RecognizePage
          api={api}
          url={unknownPage}
          onLearned={async (view) => {
            setLearned(view.pattern ?? null);
            showPageUser(unknownPage, await api.pagePatterns());
          }}
        />
        {search}
      </>
    ) : (
      <>
        {ownDomainOffer}
        {search}
      </>
    );
  }

  return (
    <main class="popup">
      <header class="bar">
        {/* The page's one h1, except in a user's view, whose h1 is the user's name. */}
        {selected ? <strong>Badge Remover</strong> : <h1 class="brand">Badge Remover</h1>}
        <span class="muted">{status?.org ? status.org.name : ''}</span>
        <a class="link" href="bulk.html" target="_blank" rel="noopener">
          Bulk
        </a>
        <a class="link" href="audit.html" target="_blank" rel="noopener">
          Audit log
        </a>
        <button type="button" class="link" onClick={() => api.openOptions()}>
          Options
        </button>
      </header>
      <ZohoAccessNotice api={api} skin="panel" />
      {body}
    </main>
  );
}

function IdList(props: {
  ids: { userId: string; helpCenterId?: string; contactId?: string; orgId?: string };
  copy: (t: string) => Promise<void>;
}) {
  const { ids } = props;
  const [copiedAll, setCopiedAll] = useState(false);
  return (
    <div class="ids">
      <CopyableId label="User ID" value={ids.userId} />
      {ids.helpCenterId ? <CopyableId label="Help Center ID" value={ids.helpCenterId} /> : null}
      {ids.contactId ? <CopyableId label="Contact ID" value={ids.contactId} /> : null}
      {ids.orgId ? <CopyableId label="Organization ID" value={ids.orgId} /> : null}
      <button
        type="button"
        class="link"
        onClick={async () => {
          await props.copy(idsAsText(ids));
          setCopiedAll(true);
        }}
      >
        {copiedAll ? 'Copied all IDs' : 'Copy all IDs'}
      </button>
    </div>
  );
}

function UserDetail(props: {
  api: PopupApi;
  status: StatusView;
  selected: Selected;
  removing: boolean;
  onRemove: () => void;
  onDoneRemoving: () => void;
  onOpenInDesk?: (target: RemovalTarget) => void;
  onBack: () => void;
}) {
  const { selected, status } = props;
  const { summary, target } = selected;
  return (
    <section class="detail" aria-label="Help Center user">
      {selected.fromPage ? (
        <p class="muted">The user on this page</p>
      ) : (
        <button type="button" class="link" onClick={props.onBack}>
          ‹ Back to search
        </button>
      )}
      {summary ? (
        <h1 class="name">
          {summary.name} {summary.email ? <span class="muted">{summary.email}</span> : null}
        </h1>
      ) : null}
      <IdList
        ids={{
          ...target,
          ...(summary?.contactId ? { contactId: summary.contactId } : {}),
          ...(status.org ? { orgId: status.org.id } : {}),
        }}
        copy={props.api.copy}
      />
      {props.removing || selected.fromPage ? (
        <div class="inline-panel">
          <RemoveBadgesPanel
            api={props.api}
            target={target}
            titleId="popup-remove-title"
            onClose={selected.fromPage ? () => {} : props.onDoneRemoving}
          />
        </div>
      ) : (
        <div class="actions">
          {summary ? <span class="muted">{summary.badgeCount} badges</span> : null}
          {props.onOpenInDesk && target.helpCenterId ? (
            <button type="button" onClick={() => props.onOpenInDesk?.(target)}>
              Open in Desk
            </button>
          ) : null}
          <button type="button" class="primary" onClick={props.onRemove}>
            Remove badges
          </button>
        </div>
      )}
    </section>
  );
}

function Search(props: {
  api: PopupApi;
  onOpen: (user: UserSummary, helpCenterId?: string) => void;
  onRemove: (user: UserSummary, helpCenterId?: string) => void;
  onOpenInDesk?: (target: RemovalTarget) => void;
}) {
  const { api } = props;
  const [state, dispatch] = useReducer(searchReducer, initialSearch);
  const [helpCenters, setHelpCenters] = useState<HelpCenterView[] | 'unlisted' | null>(null);
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
        if (!saved?.helpCenterId && list[0]) dispatch({ type: 'helpCenter', helpCenterId: list[0].id });
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
      const query = state.query.trim();
      let page: UserSearchPage;
      if (state.mode === 'id') {
        const view = await api.getUserBadges({
          userId: query,
          ...(state.helpCenterId ? { helpCenterId: state.helpCenterId } : {}),
        });
        page = {
          users: [
            {
              id: view.user.id,
              name: view.user.name,
              ...(view.user.email ? { email: view.user.email } : {}),
              ...(view.user.contactId ? { contactId: view.user.contactId } : {}),
              badgeCount: view.badges.length,
            },
          ],
        };
      } else {
        page = await api.searchUsers({
          query,
          ...(state.helpCenterId ? { helpCenterId: state.helpCenterId } : {}),
          ...(from ? { from } : {}),
        });
      }
      dispatch({ type: 'loaded', request, page, append: from !== undefined });
      if (from === undefined) {
        await api.saveLastSearch({
          mode: state.mode,
          query: state.query,
          ...(state.helpCenterId ? { helpCenterId: state.helpCenterId } : {}),
          results: page.users,
          ...(page.nextFrom ? { nextFrom: page.nextFrom } : {}),
        });
      }
    } catch (e) {
      dispatch({ type: 'failed', request, error: serializeError(e) });
    }
  };

  // Debounced: a search runs once typing pauses, never for invalid text.
  useEffect(() => {
    if (!restored.current || !state.query.trim() || queryProblem(state.mode, state.query)) return;
    const timer = setTimeout(() => void run(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [state.query, state.mode, state.helpCenterId]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      dispatch({ type: 'move', delta: event.key === 'ArrowDown' ? 1 : -1 });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const user = state.results[state.active];
      if (user) props.onOpen(user, state.helpCenterId);
    }
  };

  return (
    <section class="search" aria-label="Find a Help Center user">
      <div class="row">
        <label for="hc">Help center</label>
        {helpCenters === 'unlisted' ? (
          <input
            id="hc"
            inputMode="numeric"
            placeholder="Help center ID"
            value={typedHc}
            onInput={(e) => {
              const value = e.currentTarget.value.trim();
              setTypedHc(value);
              if (isZohoId(value)) {
                dispatch({ type: 'helpCenter', helpCenterId: value });
                void api.saveTypedHelpCenterId(value);
              }
            }}
            aria-describedby="hc-hint"
          />
        ) : (
          <select
            id="hc"
            value={state.helpCenterId ?? ''}
            onChange={(e) => dispatch({ type: 'helpCenter', helpCenterId: e.currentTarget.value || undefined })}
            disabled={!helpCenters}
          >
            {(helpCenters ?? []).map((hc) => (
              <option key={hc.id} value={hc.id}>
                {hc.name}
              </option>
            ))}
            <option value="">All help centers</option>
          </select>
        )}
      </div>
      {helpCenters === 'unlisted' ? (
        <p class="hint" id="hc-hint">
          Zoho does not list help centers here: type the help center ID once (Setup → Help Center), and it is
          remembered.
        </p>
      ) : null}
      {hcError ? <ErrorMessage error={hcError} /> : null}
      <div class="modes" role="radiogroup" aria-label="Find by">
        {(['search', 'id'] as const).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name="mode"
              checked={state.mode === mode}
              onChange={() => dispatch({ type: 'mode', mode })}
            />
            {mode === 'search' ? 'Name or email' : 'User ID'}
          </label>
        ))}
      </div>
      <input
        ref={input}
        type="search"
        class="query"
        aria-label={state.mode === 'id' ? 'User ID' : 'Name or email'}
        placeholder={state.mode === 'id' ? 'e.g. 310975130121' : 'Name or email, at least 2 characters'}
        value={state.query}
        onInput={(e) => dispatch({ type: 'typed', query: e.currentTarget.value })}
        onKeyDown={onKeyDown}
        aria-invalid={state.problem ? true : undefined}
        aria-describedby="query-problem"
      />
      <p id="query-problem" class="field-error" role={state.problem ? 'alert' : undefined}>
        {state.problem ?? ''}
      </p>
      {state.status === 'loading' ? <p class="muted">Searching…</p> : null}
      {state.status === 'error' && state.error ? <ErrorMessage error={state.error} onRetry={() => void run()} /> : null}
      {state.status === 'done' && state.results.length === 0 ? <p class="muted">No Help Center user matches.</p> : null}
      <ul id="results" class="results" aria-label="Results">
        {state.results.map((user, index) => (
          <li
            key={user.id}
            aria-current={index === state.active ? 'true' : undefined}
            class={index === state.active ? 'result active' : 'result'}
          >
            <button type="button" class="result-open" onClick={() => props.onOpen(user, state.helpCenterId)}>
              <span class="name">{user.name}</span>
              {user.email ? <span class="muted"> {user.email}</span> : null}
              <span class="count">{user.badgeCount} badges</span>
            </button>
            <CopyableId label="User ID" value={user.id} />
            <div class="actions">
              {props.onOpenInDesk && state.helpCenterId ? (
                <button
                  type="button"
                  onClick={() => props.onOpenInDesk?.({ userId: user.id, helpCenterId: state.helpCenterId })}
                >
                  Open in Desk
                </button>
              ) : null}
              <button type="button" onClick={() => props.onRemove(user, state.helpCenterId)}>
                Remove badges
              </button>
            </div>
          </li>
        ))}
      </ul>
      {state.stale ? <p class="muted">Showing your last search; refreshing…</p> : null}
      {state.nextFrom && state.status === 'done' ? (
        <button type="button" onClick={() => void run(state.nextFrom)}>
          More results
        </button>
      ) : null}
    </section>
  );
}
