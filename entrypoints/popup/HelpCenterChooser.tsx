import { ErrorMessage } from '../../components/common/Notices';
import type { SerializedError } from '../../utils/platform/errors';
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
        <label for="hc">Help center</label>
        {helpCenters === 'unlisted' ? (
          <input
            id="hc"
            inputMode="numeric"
            placeholder="Help center ID"
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
      {props.error ? <ErrorMessage error={props.error} /> : null}
    </>
  );
}
