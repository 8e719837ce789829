import { useEffect, useState } from 'preact/hooks';
import { ConnectionNotice, ErrorMessage } from '../../components/common/Notices';
import { ZohoAccessNotice } from '../../components/connection/ZohoAccessNotice';
import type { PanelApi } from '../../components/removal/RemoveBadgesPanel';
import type { Client } from '../../utils/client';
import type { StatusView } from '../../utils/connection/requests';
import type { ZohoAccessApi } from '../../utils/connection/zoho-access';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { t, tParts } from '../../utils/platform/i18n';
import type { UserSummary } from '../../utils/platform/zoho/views';
import type { RemovalTarget } from '../../utils/removal/panel-context';
import { userTarget } from '../../utils/search/popup-lookup';
import { deskUserPageUrl, pageUserTarget, tabOffers } from '../../utils/search/popup-tab';
import { OwnDomainOffer } from './OwnDomainOffer';
import { type RecognizeApi, RecognizePage } from './RecognizePage';
import { Search, type SearchApi } from './Search';
import { type Selected, UserDetail, type UserDetailApi } from './UserDetail';

export interface PopupApi
  extends PanelApi,
    RecognizeApi,
    ZohoAccessApi,
    SearchApi,
    UserDetailApi,
    Pick<Client, 'getPolicy'> {
  currentTab(): Promise<{ id: number; url: string } | null>;
  pagePatterns(): Promise<string[]>;
  openInTab(tabId: number, url: string): Promise<void>;
  deskAddresses(): Promise<string[]>;
  /** Opens the options page with the address filled in, where the browser asks to allow it. */
  editDeskAddress(origin: string): Promise<void>;
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
  /** The organization's policy turns bulk removal off: no way in from here. */
  const [bulkOff, setBulkOff] = useState(false);
  const showPageUser = (url: string, patterns: string[]) => {
    const target = pageUserTarget(url, patterns);
    if (target) setSelected({ target, fromPage: true });
  };
  useEffect(() => {
    (async () => {
      try {
        const [s, current, patterns, policy] = await Promise.all([
          api.getStatus(),
          api.currentTab(),
          api.pagePatterns(),
          api.getPolicy(),
        ]);
        setStatus(s);
        setBulkOff(policy.set.bulkRemovalAllowed === false);
        setTab(current);
        if (!current) return;
        showPageUser(current.url, patterns);
        const offers = tabOffers(current.url, patterns);
        if (offers.unknownPage) setUnknownPage(offers.unknownPage);
        // Addresses the policy sets cannot be added to: nothing to offer.
        if (offers.ownDomain && !policy.set.deskAddresses) {
          const known = await api.deskAddresses();
          if (!known.includes(offers.ownDomain)) setOwnDomain(offers.ownDomain);
        }
      } catch (e) {
        setError(serializeError(e));
      }
    })();
  }, []);

  const openInDesk = (target: RemovalTarget) => {
    const url = deskUserPageUrl(status, target);
    if (!url || !tab) return;
    api.openInTab(tab.id, url).catch((e) => setError(serializeError(e)));
  };
  const openUser = (summary: UserSummary, helpCenterId?: string) =>
    setSelected({ target: userTarget(summary.id, helpCenterId), summary, fromPage: false });

  let body: preact.ComponentChild;
  if (error) body = <ErrorMessage error={error} />;
  else if (!status) body = <p class="muted">{t('common_loading')}</p>;
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
            {tParts('popup_pattern_saved', [<code key="pattern">{learned}</code>])}
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
        onOpen={openUser}
        onRemove={(summary, helpCenterId) => {
          openUser(summary, helpCenterId);
          setRemoving(true);
        }}
        onOpenInDesk={tab && status.org?.portalName ? openInDesk : undefined}
      />
    );
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
        {ownDomain ? (
          <OwnDomainOffer
            origin={ownDomain}
            onAdd={() => api.editDeskAddress(ownDomain).catch((e) => setError(serializeError(e)))}
          />
        ) : null}
        {search}
      </>
    );
  }

  return (
    <main class="popup">
      <header class="bar">
        {/* The page's one h1, except in a user's view, whose h1 is the user's name. */}
        {selected ? <strong>{t('popup_page_title')}</strong> : <h1 class="brand">{t('popup_page_title')}</h1>}
        <span class="muted">{status?.org ? status.org.name : ''}</span>
        {bulkOff ? null : (
          <a class="link" href="bulk.html" target="_blank" rel="noopener">
            {t('popup_bulk_link')}
          </a>
        )}
        <a class="link" href="audit.html" target="_blank" rel="noopener">
          {t('popup_audit_link')}
        </a>
        <button type="button" class="link" onClick={() => api.openOptions()}>
          {t('popup_options_link')}
        </button>
      </header>
      <ZohoAccessNotice api={api} skin="panel" />
      {body}
    </main>
  );
}
