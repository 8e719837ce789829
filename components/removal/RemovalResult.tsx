import { ROUTE_LABELS } from '../../utils/platform/zoho/removal-routes';
import { type BadgeOutcome, outcomeText, type RemovalReport } from '../../utils/removal/report';

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
  const parts = [
    [count('removed'), 'removed'],
    [count('restored'), 're-awarded'],
    [count('still-absent'), 'still absent'],
    [count('still-present'), 'still present'],
    [count('failed'), 'failed'],
    [count('skipped'), 'skipped'],
  ] as const;
  return `${parts
    .filter(([n]) => n > 0)
    .map(([n, word]) => `${n} ${word}`)
    .join(', ')}.`;
}

/** One line per badge, backed by the service worker's reply and nothing else. */
export function RemovalResult({ report }: { report: RemovalReport }) {
  return (
    <>
      <p>
        <strong>{summary(report)}</strong>{' '}
        <span class="br-muted">
          {report.route ? `Route: ${ROUTE_LABELS[report.route]}` : 'No removal call was needed.'}
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
            <strong>Removed although not chosen</strong>, and re-awarded at once:
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
      {!report.verified ? <p class="br-warn">Not every badge could be verified afterwards.</p> : null}
    </>
  );
}
