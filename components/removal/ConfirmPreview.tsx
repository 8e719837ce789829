import type { ConnectedOrg } from '../../utils/connection/stored';
import { plural as pluralMessage, t } from '../../utils/platform/i18n';
import type { Badge } from '../../utils/platform/zoho/schemas';
import type { UserBadgesView } from '../../utils/platform/zoho/views';
import { GatedButton } from '../common/GatedButton';

/** English only: the bulk page's, until that page reads its words from the locales. */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Remove 3 badges from Carol Diaz (carol@zylker.com) in Zylker Community" */
export function previewSentence(view: UserBadgesView, count: number): string {
  const who = view.user.email ? t('panel_user_email', [view.user.name, view.user.email]) : view.user.name;
  return view.helpCenter
    ? pluralMessage('panel_preview_remove_in', count, [count, who, view.helpCenter.name])
    : pluralMessage('panel_preview_remove', count, [count, who]);
}

/** "In Zylker's Zoho Desk (portal zylker)": where the removal happens, so a page of another portal stands out. */
export function whereSentence(org: ConnectedOrg): string {
  return org.portalName ? t('panel_where_portal', [org.name, org.portalName]) : t('panel_where', [org.name]);
}

/** What will change, before anything does. Confirm is a separate, deliberate click. */
export function ConfirmPreview(props: {
  view: UserBadgesView;
  /** The connected organization: the worker refuses a page of another portal or data center. */
  org?: ConnectedOrg | undefined;
  badges: Badge[];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { view, badges } = props;
  return (
    <>
      <div class="br-preview">
        {/* Focused when the preview appears, so it is read first. */}
        <p class="br-step-focus" tabIndex={-1} data-step-focus>
          {previewSentence(view, badges.length)}
        </p>
        <ul>
          {badges.map((b) => (
            <li key={b.id}>{b.name}</li>
          ))}
        </ul>
        {props.org ? <p class="br-where">{whereSentence(props.org)}</p> : null}
      </div>
      <p class="br-muted">{t('panel_preview_note')}</p>
      <div class="br-actions">
        <button type="button" onClick={props.onCancel}>
          {t('panel_cancel')}
        </button>
        <GatedButton class="br-danger" onClick={props.onConfirm}>
          {pluralMessage('panel_confirm_remove', badges.length)}
        </GatedButton>
      </div>
    </>
  );
}
