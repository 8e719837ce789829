/** The organization's policy on the extension's pages: a value it sets, something it turns off, a policy it refused. */
import type { PolicyView } from '../../utils/policy/policy';
import { SET_BY_ORGANIZATION, TURNED_OFF_BY_ORGANIZATION } from '../../utils/policy/words';

/** Beside a field the policy sets, which shows disabled; `id` for the field's `aria-describedby`. */
export function SetByOrganization({ id }: { id: string }) {
  return (
    <p class="hint" id={id}>
      {SET_BY_ORGANIZATION}
    </p>
  );
}

/** In place of a feature the policy turns off. */
export function TurnedOffByOrganization({ what }: { what: string }) {
  return (
    <div class="alert" role="status">
      <p>
        {what}: {TURNED_OFF_BY_ORGANIZATION.toLowerCase()}.
      </p>
      <p class="muted">Your IT department manages this extension; ask them if you need it.</p>
    </div>
  );
}

/** A policy that could not be used: none of it applies, and the page says why, for IT to correct. */
export function PolicyProblem({ policy }: { policy: PolicyView | null }) {
  if (!policy?.problem) return null;
  return (
    <div class="alert" role="alert">
      <p>Your organization's policy for this extension could not be used, so none of it applies: {policy.problem}.</p>
      <p class="muted">Ask your IT department to correct it: nothing it sets takes effect until then.</p>
    </div>
  );
}
