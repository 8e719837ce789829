/** A Self Client, step by step in Zoho's API console, with the exact scope string to paste there. */
import { CopyableId } from '../../components/common/CopyableId';
import { DESK_SCOPE_STRING } from '../../utils/connection/scopes';
import { selfClientSteps } from '../../utils/connection/settings-form';

export function SelfClientSteps() {
  return (
    <div class="field">
      <span class="label" id="self-client-steps-title">
        In Zoho's API console
      </span>
      <ol class="steps" aria-labelledby="self-client-steps-title">
        {selfClientSteps().map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <CopyableId label="Scope string" value={DESK_SCOPE_STRING} id="scope-string" />
    </div>
  );
}
