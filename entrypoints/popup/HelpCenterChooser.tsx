import { ErrorMessage } from '../../components/common/Notices';
import type { SerializedError } from '../../utils/platform/errors';
import { t } from '../../utils/platform/i18n';
import type { HelpCenterView } from '../../utils/platform/zoho/views';

/** Zoho's list of help centers; 'unlisted' where Zoho has none (the ID is typed instead); null while loading. */
export type HelpCenterChoices = HelpCenterView[] | 'unlisted' | null;

/** The help center to search in: a list to choose from, or a typed ID where Zoho lists none. */
export function HelpCenterChooser(props: {
  helpCenters: HelpCenterChoices;
  selectedId: string | undefined;
  typed: string;
  error: SerializedError | null;
  /** The typed text, trimmed. */
  onType: (value: string) => void;
  onSelect: (helpCenterId: string | undefined) => void;
}) {
  const { helpCenters } = props;
  return (
    <>
      <div class="row">
        <label for="hc">{t('popup_help_center')}</label>
        {helpCenters === 'unlisted' ? (
          <input
            id="hc"
            inputMode="numeric"
            placeholder={t('popup_help_center_id')}
            value={props.typed}
            onInput={(e) => props.onType(e.currentTarget.value.trim())}
            aria-describedby="hc-hint"
          />
        ) : (
          <select
            id="hc"
            value={props.selectedId ?? ''}
            onChange={(e) => props.onSelect(e.currentTarget.value || undefined)}
            disabled={!helpCenters}
          >
            {(helpCenters ?? []).map((hc) => (
              <option key={hc.id} value={hc.id}>
                {hc.name}
              </option>
            ))}
            <option value="">{t('popup_all_help_centers')}</option>
          </select>
        )}
      </div>
      {helpCenters === 'unlisted' ? (
        <p class="hint" id="hc-hint">
          {t('popup_help_center_unlisted')}
        </p>
      ) : null}
      {props.error ? <ErrorMessage error={props.error} /> : null}
    </>
  );
}
