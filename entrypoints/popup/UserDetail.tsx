import { useState } from 'preact/hooks';
import { CopyableId } from '../../components/common/CopyableId';
import { type PanelApi, RemoveBadgesPanel } from '../../components/removal/RemoveBadgesPanel';
import type { StatusView } from '../../utils/connection/requests';
import { plural, t } from '../../utils/platform/i18n';
import type { UserSummary } from '../../utils/platform/zoho/views';
import type { RemovalTarget } from '../../utils/removal/panel-context';
import { idsAsText } from '../../utils/search/popup-search';

export interface UserDetailApi extends PanelApi {
  copy(text: string): Promise<void>;
}

/** A chosen user: from the page in the current tab, or from the search. */
export interface Selected {
  target: RemovalTarget;
  summary?: UserSummary;
  fromPage: boolean;
}

function IdList(props: {
  ids: { userId: string; helpCenterId?: string; contactId?: string; orgId?: string };
  copy: (t: string) => Promise<void>;
}) {
  const { ids } = props;
  const [copiedAll, setCopiedAll] = useState(false);
  return (
    <div class="ids">
      <CopyableId label={t('popup_user_id')} value={ids.userId} />
      {ids.helpCenterId ? <CopyableId label={t('popup_help_center_id')} value={ids.helpCenterId} /> : null}
      {ids.contactId ? <CopyableId label={t('popup_contact_id')} value={ids.contactId} /> : null}
      {ids.orgId ? <CopyableId label={t('popup_organization_id')} value={ids.orgId} /> : null}
      <button
        type="button"
        class="link"
        onClick={async () => {
          await props.copy(idsAsText(ids));
          setCopiedAll(true);
        }}
      >
        {t(copiedAll ? 'popup_copied_all_ids' : 'popup_copy_all_ids')}
      </button>
    </div>
  );
}

/** The chosen user's IDs and badge removal; the page's user gets the removal panel at once. */
export function UserDetail(props: {
  api: UserDetailApi;
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
    <section class="detail" aria-label={t('popup_user_label')}>
      {selected.fromPage ? (
        <p class="muted">{t('popup_user_on_page')}</p>
      ) : (
        <button type="button" class="link" onClick={props.onBack}>
          {t('popup_back_to_search')}
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
          {summary ? <span class="muted">{plural('popup_badge_count', summary.badgeCount)}</span> : null}
          {props.onOpenInDesk && target.helpCenterId ? (
            <button type="button" onClick={() => props.onOpenInDesk?.(target)}>
              {t('popup_open_in_desk')}
            </button>
          ) : null}
          <button type="button" class="primary" onClick={props.onRemove}>
            {t('popup_remove_badges')}
          </button>
        </div>
      )}
    </section>
  );
}
