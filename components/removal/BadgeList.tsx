import { Component } from 'preact';
import { plural, t } from '../../utils/platform/i18n';
import { isZohoImageUrl } from '../../utils/platform/zoho/datacenters';
import type { Badge } from '../../utils/platform/zoho/schemas';

/** The badge's first letter, shown where its icon is missing, broken or hosted outside Zoho. */
export const badgeLetter = (name: string): string => name.trim().charAt(0).toLocaleUpperCase() || '★';

// Class components: the Desk page's content script bundles these and would otherwise need preact/hooks.
export class BadgeIcon extends Component<{ badge: Badge }, { broken: boolean }> {
  override state = { broken: false };
  override render() {
    const { badge } = this.props;
    const trusted = badge.iconUrl && isZohoImageUrl(badge.iconUrl);
    return (
      <span class="br-icon" aria-hidden="true">
        {trusted && !this.state.broken ? (
          <img
            src={badge.iconUrl!}
            alt=""
            referrerpolicy="no-referrer"
            onError={() => this.setState({ broken: true })}
          />
        ) : (
          badgeLetter(badge.name)
        )}
      </span>
    );
  }
}

export function BadgeKind({ badge, id }: { badge: Badge; id?: string }) {
  if (badge.isCustom === undefined) return null;
  return (
    <span id={id} class={badge.isCustom ? 'br-tag br-tag-custom' : 'br-tag'}>
      {badge.isCustom ? t('panel_badge_custom') : t('panel_badge_default')}
    </span>
  );
}

/** The user's badges with checkboxes; Zoho's text is rendered as text. */
export function BadgeList(props: {
  badges: Badge[];
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}) {
  const { badges, selected, onChange } = props;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <>
      <div class="br-tools">
        <button type="button" class="br-link" onClick={() => onChange(new Set(badges.map((b) => b.id)))}>
          {t('panel_select_all')}
        </button>
        <button type="button" class="br-link" onClick={() => onChange(new Set())}>
          {t('panel_select_none')}
        </button>
        <span class="br-muted">{plural('panel_selected', selected.size, [selected.size, badges.length])}</span>
      </div>
      <ul class="br-list">
        {badges.map((badge, index) => (
          <li key={badge.id}>
            <label class="br-badge">
              <input
                type="checkbox"
                // Where focus goes when the list appears.
                data-step-focus={index === 0 ? true : undefined}
                checked={selected.has(badge.id)}
                onChange={(e) => toggle(badge.id, e.currentTarget.checked)}
                // Named by the badge and its kind; the description is read once, as the description.
                aria-labelledby={
                  badge.isCustom === undefined ? `br-name-${badge.id}` : `br-name-${badge.id} br-kind-${badge.id}`
                }
                aria-describedby={badge.description ? `br-desc-${badge.id}` : undefined}
              />
              <BadgeIcon badge={badge} />
              <span>
                <span class="br-name" id={`br-name-${badge.id}`}>
                  {badge.name}
                </span>
                <BadgeKind badge={badge} id={`br-kind-${badge.id}`} />
                {badge.levelName ? <span class="br-tag">{badge.levelName}</span> : null}
                {badge.description ? (
                  <span class="br-desc" id={`br-desc-${badge.id}`}>
                    <br />
                    {badge.description}
                  </span>
                ) : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </>
  );
}
