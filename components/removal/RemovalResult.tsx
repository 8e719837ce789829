import { formatList, type PluralKey, plural, t } from '../../utils/platform/i18n';
import { type BadgeOutcome, outcomeText, type RemovalReport } from '../../utils/removal/report';
import { ROUTE_LABELS } from '../../utils/removal/routes';

const MARKS: Record<BadgeOutcome['status'], [string, string]> = {
  removed: ['✓', 'br-ok'],
  'still-present': ['!', 'br-warn'],
  failed: ['✕', 'br-bad'],
  skipped: ['–', 'br-muted'],
  restored: ['✓', 'br-ok'],
  'still-absent': ['!', 'br-warn'],
};

export function summary(report: RemovalReport): string {
  const count = (status: BadgeOutcome['status']) => report.results.filter((r) => r.outcome.status === status).length;
  const parts: [number, PluralKey][] = [
    [count('removed'), 'panel_result_removed'],
    [count('restored'), 'panel_result_restored'],
    [count('still-absent'), 'panel_result_still_absent'],
    [count('still-present'), 'panel_result_still_present'],
    [count('failed'), 'panel_result_failed'],
    [count('skipped'), 'panel_result_skipped'],
  ];
  // Counts, not a sentence: "2 removed, 1 failed" in English, joined as each language lists them.
  const list = formatList(
    parts.filter(([n]) => n > 0).map(([n, key]) => plural(key, n)),
    'conjunction',
    'narrow',
  );
  return t('panel_result_summary', [list]);
}

/** One line per badge, backed by the service worker's reply and nothing else. */
export function RemovalResult({ report }: { report: RemovalReport }) {
  return (
    <>
      <p>
        <strong>{summary(report)}</strong>{' '}
        <span class="br-muted">
          {report.route ? t('panel_result_route', [ROUTE_LABELS[report.route]]) : t('panel_result_no_call')}
        </span>
      </p>
      <ul class="br-results">
        {report.results.map((r) => {
          const [mark, tone] = MARKS[r.outcome.status];
          return (
            <li key={r.badgeId}>
              <span class={tone} aria-hidden="true">
                {mark}
              </span>
              <span>
                <span class="br-name">{r.name}</span>: <span class={tone}>{outcomeText(r.outcome)}</span>
              </span>
            </li>
          );
        })}
      </ul>
      {report.unchosen?.length ? (
        <div class="br-warn" role="alert">
          <p>
            <strong>{t('panel_result_unchosen')}</strong>
          </p>
          <ul class="br-results">
            {report.unchosen.map((r) => (
              <li key={r.badgeId}>
                <span class="br-name">{r.name}</span>: {outcomeText(r.outcome)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {report.notes.map((note) => (
        <p class="br-muted" key={note}>
          {note}
        </p>
      ))}
      {!report.verified ? <p class="br-warn">{t('panel_result_unverified')}</p> : null}
    </>
  );
}
