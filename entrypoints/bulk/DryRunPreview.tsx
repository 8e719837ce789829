import { useMemo } from 'preact/hooks';
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
import { plural, t } from '../../utils/platform/i18n';

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
      <h2 id="what">{t('bulk_dry_run_heading')}</h2>
      {props.pick ? (
        <fieldset>
          <legend>{t('bulk_badges_to_remove')}</legend>
          {catalogue.length === 0 ? <p class="muted">{t('bulk_no_badges_held')}</p> : null}
          {catalogue.map((b) => (
            <label key={b.id} class="radio">
              <input
                type="checkbox"
                checked={chosen.has(b.id)}
                onChange={(e) => props.onChoose(toggleBadge(chosen, b.id, e.currentTarget.checked))}
              />
              {b.name} <span class="muted">{plural('bulk_badge_holders', b.holders)}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <p role="status">
        <strong>{summary(rows.length, countRemovals(rows))}</strong>{' '}
        <span class="muted">
          {t('bulk_dry_run_estimate', [estimatedCredits(rows.length)])}{' '}
          {plural('bulk_dry_run_skipped', plan.skipped.length)}
        </span>
      </p>
      <table class="plan">
        <thead>
          <tr>
            <th>{t('bulk_column_user')}</th>
            <th>{t('bulk_column_email')}</th>
            <th>{t('bulk_column_loses')}</th>
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
          <summary>{t('bulk_skipped_heading', [plan.skipped.length])}</summary>
          <ul>
            {plan.skipped.map((s) => (
              <li key={s.input}>{t('bulk_skipped_entry', [s.input, s.reason])}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {needsTyping(rows.length) ? (
        <div class="field">
          {/* As typed: the digits alone, so the label shows what confirms. */}
          <label for="confirm-count">{t('bulk_type_to_confirm', [String(rows.length)])}</label>
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
        {plural('bulk_start', rows.length)}
      </button>
    </section>
  );
}

/** "2 users lose 3 badges.": the sentence takes the users' plural form, the badges come in as their own phrase. */
function summary(users: number, badges: number): string {
  return plural('bulk_dry_run_summary', users, [users, plural('bulk_dry_run_badges', badges)]);
}
