import { useMemo } from 'preact/hooks';
import { plural } from '../../components/removal/ConfirmPreview';
import {
  badgeCatalogue,
  confirmed,
  countRemovals,
  estimatedCredits,
  type Loss,
  needsTyping,
  toggleBadge,
} from '../../utils/bulk/dry-run';
import type { BulkPlanView } from '../../utils/bulk/requests';

/**
 * Step 2: who loses which badges, what the run will cost, and the confirmation. The planner keeps the state, so
 * what the admin typed outlives another dry run, and a failed start shows beside the dry run's errors.
 */
export function DryRunPreview(props: {
  plan: BulkPlanView;
  /** A list: the admin picks the badges from what the users hold. */
  pick: boolean;
  chosen: Set<string>;
  onChoose: (chosen: Set<string>) => void;
  rows: Loss[];
  typed: string;
  onType: (typed: string) => void;
  busy: boolean;
  onStart: () => void;
}) {
  const { plan, chosen, rows } = props;
  const catalogue = useMemo(() => badgeCatalogue(plan.users), [plan]);
  return (
    <section class="card" aria-labelledby="what">
      <h2 id="what">2. Dry run: who loses which badges</h2>
      {props.pick ? (
        <fieldset>
          <legend>Badges to remove</legend>
          {catalogue.length === 0 ? <p class="muted">These users hold no badges.</p> : null}
          {catalogue.map((b) => (
            <label key={b.id} class="radio">
              <input
                type="checkbox"
                checked={chosen.has(b.id)}
                onChange={(e) => props.onChoose(toggleBadge(chosen, b.id, e.currentTarget.checked))}
              />
              {b.name} <span class="muted">({plural(b.holders, 'holder')})</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <p role="status">
        <strong>
          {plural(rows.length, 'user')} {rows.length === 1 ? 'loses' : 'lose'} {plural(countRemovals(rows), 'badge')}.
        </strong>{' '}
        <span class="muted">
          Estimated API credits for the run: about {estimatedCredits(rows.length)} (two calls per user: the removal and
          its read-back; this dry run's reads are spent already). An estimate from weights Zoho does not publish itself;
          while the run works, Zoho's own count shows. {plan.skipped.length} skipped.
        </span>
      </p>
      <table class="plan">
        <thead>
          <tr>
            <th>User</th>
            <th>Email</th>
            <th>Loses</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.user.userId}>
              <td>
                {r.user.name} <span class="muted">{r.user.userId}</span>
              </td>
              <td>{r.user.email ?? ''}</td>
              <td>{r.losing.map((b) => b.name).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.skipped.length ? (
        <details open>
          <summary>Skipped ({plan.skipped.length})</summary>
          <ul>
            {plan.skipped.map((s) => (
              <li key={s.input}>
                {s.input}: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {needsTyping(rows.length) ? (
        <div class="field">
          <label for="confirm-count">Type {rows.length} to confirm</label>
          <input
            id="confirm-count"
            inputMode="numeric"
            value={props.typed}
            onInput={(e) => props.onType(e.currentTarget.value)}
          />
        </div>
      ) : null}
      <button
        type="button"
        class="danger"
        disabled={!confirmed(rows.length, props.typed) || props.busy}
        onClick={props.onStart}
      >
        Remove badges from {rows.length} users
      </button>
    </section>
  );
}
