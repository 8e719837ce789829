import type { Badge } from '../../utils/platform/zoho/schemas';
import type { UserBadgesView } from '../../utils/platform/zoho/views';

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Remove 3 badges from Carol Diaz (carol@zylker.com) in Zylker Community" */
export function previewSentence(view: UserBadgesView, count: number): string {
  const who = view.user.email ? `${view.user.name} (${view.user.email})` : view.user.name;
  return `Remove ${plural(count, 'badge')} from ${who}${view.helpCenter ? ` in ${view.helpCenter.name}` : ''}`;
}

/** What will change, before anything does. Confirm is a separate, deliberate click. */
export function ConfirmPreview(props: {
  view: UserBadgesView;
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
      </div>
      <p class="br-muted">
        Zoho Desk removes them at once. Each one is checked afterwards by reading the user's badges back.
      </p>
      <div class="br-actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" class="br-danger" onClick={props.onConfirm}>
          Remove {plural(badges.length, 'badge')}
        </button>
      </div>
    </>
  );
}
