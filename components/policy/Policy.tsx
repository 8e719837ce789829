/** The organization's policy on the extension's pages: a value it sets, something it turns off, a policy it refused. */

import { t } from '../../utils/platform/i18n';
import type { PolicyView } from '../../utils/policy/policy';

/** Beside a field the policy sets, which shows disabled; `id` for the field's `aria-describedby`. */
export function SetByOrganization({ id }: { id: string }) {
  return (
    <p class="hint" id={id}>
      {t('common_set_by_organization')}
    </p>
  );
}

/** In place of a feature the policy turns off. */
export function TurnedOffByOrganization({ what }: { what: string }) {
  return (
    <div class="alert" role="status">
      <p>{t('common_turned_off_by_organization', [what])}</p>
      <p class="muted">{t('common_policy_ask_it')}</p>
    </div>
  );
}

/** A policy that could not be used: none of it applies, and the page says why, for IT to correct. */
export function PolicyProblem({ policy }: { policy: PolicyView | null }) {
  if (!policy?.problem) return null;
  return (
    <div class="alert" role="alert">
      <p>{t('common_policy_problem', [policy.problem])}</p>
      <p class="muted">{t('common_policy_problem_ask')}</p>
    </div>
  );
}
