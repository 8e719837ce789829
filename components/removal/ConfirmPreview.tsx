import type { ConnectedOrg } from '../../utils/connection/stored';
import type { Badge } from '../../utils/platform/zoho/schemas';
import type { UserBadgesView } from '../../utils/platform/zoho/views';
import { GatedButton } from '../common/GatedButton';

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Remove 3 badges from Carol Diaz (carol@zylker.com) in Zylker Community" */
export function previewSentence(view: UserBadgesView, count: number): string {
  const who = view.user.email ? `${view.user.name} (${view.user.email})` : view.user.name;
  return `Remove ${plural(count, 'badge')} from ${who}${view.helpCenter ? ` in ${view.helpCenter.name}` : ''}`;
}

/** "In Zylker's Zoho Desk (portal zylker)": where the removal happens, so a page of another portal stands out. */
export function whereSentence(org: ConnectedOrg): string {
  return `In ${org.name}'s Zoho Desk${org.portalName ? ` (portal ${org.portalName})` : ''}`;
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
      <p class="br-muted">
        Zoho Desk removes them at once. Each one is checked afterwards by reading the user's badges back.
      </p>
      <div class="br-actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <GatedButton class="br-danger" onClick={props.onConfirm}>
          Remove {plural(badges.length, 'badge')}
        </GatedButton>
      </div>
    </>
  );
}
