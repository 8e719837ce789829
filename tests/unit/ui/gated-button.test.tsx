// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GatedButton, VisibilityGateContext } from '../../../components/common/GatedButton';
import { type PanelApi, RemoveBadgesPanel } from '../../../components/removal/RemoveBadgesPanel';
import type { StatusView } from '../../../utils/connection/requests';
import type { UserBadgesView } from '../../../utils/platform/zoho/views';
import { VISIBILITY_DWELL_MS, type VisibilityReport, visibilityGate } from '../../../utils/removal/visibility-gate';

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

const connected: StatusView = {
  connection: 'connected',
  org: { id: '600', name: 'Zylker', portalName: 'zylker' },
  scopes: [],
  redirectUri: 'https://x.chromiumapp.org/',
};
const view: UserBadgesView = {
  user: { id: '42', name: 'Carol Lee', email: 'carol@zylker.com' },
  helpCenter: { id: '7', name: 'Zylker Community' },
  badges: [
    { id: '11', name: 'Rising Star', isCustom: false },
    { id: '13', name: 'Top Contributor', isCustom: false },
  ],
};

/** The panel as its frame shows it, with a gate on a hand-driven clock and visibility reports. */
async function framedPanel() {
  let now = 0;
  let report: (r: VisibilityReport) => void = () => {};
  const gate = visibilityGate({
    watch: (onReport) => {
      report = onReport;
      return () => {};
    },
    now: () => now,
  });
  const api: PanelApi = {
    getStatus: vi.fn(async () => connected),
    getUserBadges: vi.fn(async () => view),
    removeBadges: vi.fn(async () => ({
      auditId: 'a',
      orgId: '600',
      userId: '42',
      route: 'users-dissociate' as const,
      results: [],
      verified: true,
      notes: [],
      startedAt: 1,
      finishedAt: 2,
    })),
    openOptions: vi.fn(async () => null),
  };
  render(
    <VisibilityGateContext.Provider value={gate}>
      <RemoveBadgesPanel api={api} target={{ userId: '42', helpCenterId: '7' }} titleId="t" onClose={() => {}} />
    </VisibilityGateContext.Provider>,
  );
  await screen.findByRole('checkbox', { name: /Rising Star/ });
  return {
    api,
    advance: (ms: number) => {
      now += ms;
    },
    visible: () => report({ isIntersecting: true, isVisible: true }),
    covered: () => report({ isIntersecting: true, isVisible: false }),
  };
}

const review = () => screen.getByRole('button', { name: /Review removal/ });
const confirm = () => screen.getByRole('button', { name: 'Remove 2 badges' });
const covering = () => screen.queryByRole('alert');

describe('Review and confirm in a panel a page could cover', () => {
  it('do nothing while the page covers the panel (or makes it transparent), and say why', async () => {
    const p = await framedPanel();
    p.covered();
    p.advance(10_000);
    expect(review().getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(review());
    expect(screen.queryByText(/^Remove 2 badges from/)).toBeNull();
    expect(covering()?.textContent).toContain("Desk's page is covering this panel");
    expect(p.api.removeBadges).not.toHaveBeenCalled();
  });

  it('act once the step has been visible for the dwell, each step on its own; the preview names the organization and portal', async () => {
    const p = await framedPanel();
    p.visible();
    p.advance(VISIBILITY_DWELL_MS);
    fireEvent.click(review());
    expect(screen.getByText('Remove 2 badges from Carol Lee (carol@zylker.com) in Zylker Community')).toBeTruthy();
    expect(screen.getByText("In Zylker's Zoho Desk (portal zylker)")).toBeTruthy();
    // The second click of a quick double click: too soon, nothing sent, and nothing said (nothing covered it).
    p.advance(100);
    fireEvent.click(confirm());
    expect(p.api.removeBadges).not.toHaveBeenCalled();
    expect(covering()).toBeNull();
    // Covered for a moment while the preview shows: the click right after is refused as covered.
    p.covered();
    p.advance(1000);
    p.visible();
    p.advance(200);
    fireEvent.click(confirm());
    expect(p.api.removeBadges).not.toHaveBeenCalled();
    expect(covering()?.textContent).toContain("Desk's page is covering this panel");
    p.advance(VISIBILITY_DWELL_MS);
    fireEvent.click(confirm());
    expect(p.api.removeBadges).toHaveBeenCalledWith({ userId: '42', helpCenterId: '7', badgeIds: ['11', '13'] });
  });

  it('show themselves available once the dwell is over, with nothing else happening', async () => {
    vi.useFakeTimers();
    try {
      // A clock in fractions of a millisecond that moves on with every reading, as performance.now() does.
      let ticks = 0;
      const now = () => {
        ticks += 0.3;
        return Date.now() + ticks;
      };
      let report: (r: VisibilityReport) => void = () => {};
      const gate = visibilityGate({
        watch: (onReport) => {
          report = onReport;
          return () => {};
        },
        now,
      });
      render(
        <VisibilityGateContext.Provider value={gate}>
          <GatedButton onClick={() => {}}>Review removal</GatedButton>
        </VisibilityGateContext.Provider>,
      );
      const button = screen.getByRole('button', { name: 'Review removal' });
      report({ isIntersecting: true, isVisible: true });
      await vi.advanceTimersByTimeAsync(0);
      expect(button.getAttribute('aria-disabled')).toBe('true');
      await vi.advanceTimersByTimeAsync(VISIBILITY_DWELL_MS + 50);
      expect(button.getAttribute('aria-disabled')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
