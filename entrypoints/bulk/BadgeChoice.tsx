import { useEffect, useState } from 'preact/hooks';
import { type SerializedError, serializeError } from '../../utils/platform/errors';
import { t } from '../../utils/platform/i18n';
import type { BadgeView } from '../../utils/platform/zoho/views';

/**
 * The badge whose holders lose it: chosen from the organization's badges (`GET /badges`), or typed (name or ID)
 * when Zoho does not give that list, or the admin prefers to.
 */
export function BadgeChoice(props: {
  listBadges: () => Promise<BadgeView[]>;
  value: string;
  onChange: (badge: string) => void;
}) {
  const [badges, setBadges] = useState<BadgeView[] | null | undefined>(undefined);
  const [unavailable, setUnavailable] = useState<SerializedError | null>(null);
  const [typing, setTyping] = useState(false);

  useEffect(() => {
    props.listBadges().then(
      (list) => setBadges(list),
      (e) => {
        setBadges(null);
        setUnavailable(serializeError(e));
      },
    );
  }, []);

  if (badges === undefined) {
    return (
      <div class="field">
        <label for="badge">{t('bulk_badge_label')}</label>
        <select id="badge" disabled>
          <option>{t('bulk_badges_loading')}</option>
        </select>
      </div>
    );
  }

  if (badges?.length && !typing) {
    const names = new Map<string, number>();
    for (const b of badges) names.set(b.name, (names.get(b.name) ?? 0) + 1);
    return (
      <div class="field">
        <label for="badge">{t('bulk_badge_label')}</label>
        <select id="badge" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
          <option value="">{t('bulk_badge_choose')}</option>
          {badges.map((b) => (
            <option key={b.id} value={b.id}>
              {/* Two badges of one name are told apart by their IDs. */}
              {names.get(b.name)! > 1 ? t('bulk_badge_with_id', [b.name, b.id]) : b.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          class="link"
          onClick={() => {
            setTyping(true);
            props.onChange('');
          }}
        >
          {t('bulk_badge_type_instead')}
        </button>
      </div>
    );
  }

  return (
    <div class="field">
      <label for="badge">{t('bulk_badge_typed_label')}</label>
      <input
        id="badge"
        value={props.value}
        aria-describedby={unavailable || badges?.length === 0 ? 'badge-note' : undefined}
        onInput={(e) => props.onChange(e.currentTarget.value)}
      />
      {unavailable ? (
        <p id="badge-note" class="hint">
          {t('bulk_badges_unreadable', [unavailable.message])}
        </p>
      ) : badges?.length === 0 ? (
        <p id="badge-note" class="hint">
          {t('bulk_badges_none_listed')}
        </p>
      ) : null}
      {badges?.length ? (
        <button type="button" class="link" onClick={() => setTyping(false)}>
          {t('bulk_badge_choose_from_list')}
        </button>
      ) : null}
    </div>
  );
}
