// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PanelApi } from '../../../components/removal/RemoveBadgesPanel';
import { PanelChoicesContext, RemoveBadgesPanel } from '../../../components/removal/RemoveBadgesPanel';
import { readMessages, speak } from '../../../scripts/locale-files';
import type { StatusView } from '../../../utils/connection/requests';
import { ZohoError } from '../../../utils/platform/errors';
import { localizeDocument } from '../../../utils/platform/i18n';
import type { UserBadgesView } from '../../../utils/platform/zoho/views';
import type { RemovalTarget } from '../../../utils/removal/panel-context';
import { type PanelChoicesStore, panelChoicesStore } from '../../../utils/removal/panel-frame';
import type { RemovalReport } from '../../../utils/removal/report';

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

/** The panel as its frame shows it (entrypoints/removal-panel): a dialog that goes when the panel closes it. */
function PanelPage(props: { api: PanelApi; target: RemovalTarget }) {
  const [open, setOpen] = useState(true);
  return open ? (
    <div role="dialog" aria-labelledby="t">
      <RemoveBadgesPanel api={props.api} target={props.target} titleId="t" onClose={() => setOpen(false)} />
    </div>
  ) : null;
}

function showPanel(a: PanelApi, target: RemovalTarget) {
  render(<PanelPage api={a} target={target} />);
}

const connected: StatusView = { connection: 'connected', scopes: [], redirectUri: 'https://x.chromiumapp.org/' };
const view: UserBadgesView = {
  user: { id: '42', name: 'Carol Lee', email: 'carol@zylker.com' },
  helpCenter: { id: '7', name: 'Zylker Community' },
  badges: [
    { id: '11', name: 'Rising Star', isCustom: false, description: 'Level 2' },
    { id: '12', name: '<img src=x onerror=alert(1)>', isCustom: true },
    { id: '13', name: 'Top Contributor', isCustom: false },
  ],
};

function report(results: RemovalReport['results']): RemovalReport {
  return {
    auditId: 'a',
    orgId: '1',
    userId: '42',
    helpCenterId: '7',
    route: 'users-dissociate',
    results,
    verified: true,
    notes: ['The Help Center DELETE route is not available here'],
    startedAt: 1,
    finishedAt: 2,
  };
}

function api(over: Partial<PanelApi> = {}): PanelApi {
  return {
    getStatus: vi.fn(async () => connected),
    getUserBadges: vi.fn(async () => view),
    removeBadges: vi.fn(async () => report([])),
    openOptions: vi.fn(async () => null),
    ...over,
  };
}

async function openPanel(a: PanelApi) {
  showPanel(a, { userId: '42', helpCenterId: '7' });
  await screen.findByRole('checkbox', { name: /Rising Star/ });
}

describe('the removal panel', () => {
  it('shows every badge checked, with markup in names as text', async () => {
    await openPanel(api());
    const boxes = screen.getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([true, true, true]);
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(screen.getByText('Custom')).toBeTruthy();
  });

  it('disables review when nothing is selected', async () => {
    await openPanel(api());
    fireEvent.click(screen.getByRole('button', { name: 'Select none' }));
    expect((screen.getByRole('button', { name: /Review removal/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('previews exactly, and Cancel or Escape change nothing', async () => {
    const a = api();
    await openPanel(a);
    fireEvent.click(screen.getByRole('checkbox', { name: /<img/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Review removal (2)' }));
    expect(screen.getByText('Remove 2 badges from Carol Lee (carol@zylker.com) in Zylker Community')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Review removal (2)' }));
    // Escape from inside the panel: first back from the preview, then closed.
    fireEvent.keyDown(screen.getByRole('button', { name: 'Cancel' }), { key: 'Escape' });
    expect(screen.queryByText(/^Remove 2 badges from/)).toBeNull();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Cancel' }), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(a.removeBadges).not.toHaveBeenCalled();
  });

  it('removes exactly the chosen badges and reports each outcome, announced', async () => {
    const a = api({
      removeBadges: vi.fn(async () =>
        report([
          { badgeId: '11', name: 'Rising Star', outcome: { status: 'removed' } },
          {
            badgeId: '13',
            name: 'Top Contributor',
            outcome: { status: 'failed', errorCode: 'FORBIDDEN', message: 'Zoho refused (FORBIDDEN).' },
          },
        ]),
      ),
    });
    await openPanel(a);
    fireEvent.click(screen.getByRole('checkbox', { name: /<img/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Review removal (2)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove 2 badges' }));
    await screen.findByText('Removed (verified)');
    expect(a.removeBadges).toHaveBeenCalledWith({ userId: '42', helpCenterId: '7', badgeIds: ['11', '13'] });
    expect(screen.getByText('Failed: Zoho refused (FORBIDDEN).')).toBeTruthy();
    expect(screen.getByText('Route: Users dissociate')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('1 removed, 1 failed.');
  });

  it('offers Connect in options when disconnected', async () => {
    const a = api({ getStatus: vi.fn(async () => ({ ...connected, connection: 'disconnected' as const })) });
    showPanel(a, { userId: '42' });
    fireEvent.click(await screen.findByRole('button', { name: 'Connect in options' }));
    expect(a.openOptions).toHaveBeenCalled();
    expect(a.getUserBadges).not.toHaveBeenCalled();
  });

  it('asks to reconnect when a scope is missing', async () => {
    const a = api({
      getUserBadges: vi.fn(async () => {
        throw new ZohoError({
          kind: 'scope',
          errorCode: 'SCOPE_MISMATCH',
          message: 'The Zoho connection lacks a permission.',
        });
      }),
    });
    showPanel(a, { userId: '42' });
    expect(await screen.findByRole('button', { name: 'Reconnect' })).toBeTruthy();
    expect(screen.getByText('The Zoho connection lacks a permission.')).toBeTruthy();
  });

  it('shows other errors with Try again', async () => {
    const getUserBadges = vi
      .fn<PanelApi['getUserBadges']>()
      .mockRejectedValueOnce(
        new ZohoError({ kind: 'server', message: 'Zoho Desk failed with HTTP 502.', action: 'Try again in a minute.' }),
      )
      .mockResolvedValueOnce(view);
    showPanel(api({ getUserBadges }), { userId: '42' });
    expect((await screen.findByRole('alert')).textContent).toContain('HTTP 502');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('checkbox', { name: /Rising Star/ });
  });

  it('the panel alone (as in the popup) loads again for a new target and drops the old reply', async () => {
    let answerFirst: (v: UserBadgesView) => void = () => {};
    const other: UserBadgesView = { ...view, user: { id: '43', name: 'Dan Ro' }, badges: [view.badges[2]!] };
    const getUserBadges = vi
      .fn<PanelApi['getUserBadges']>()
      .mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)))
      .mockResolvedValueOnce(other);
    const a = api({ getUserBadges });
    const onClose = vi.fn();
    const { rerender } = render(<RemoveBadgesPanel api={a} target={{ userId: '42' }} titleId="t" onClose={onClose} />);
    await waitFor(() => expect(getUserBadges).toHaveBeenCalledTimes(1));
    rerender(<RemoveBadgesPanel api={a} target={{ userId: '43' }} titleId="t" onClose={onClose} />);
    await screen.findByRole('checkbox', { name: /Top Contributor/ });
    expect(getUserBadges).toHaveBeenLastCalledWith({ userId: '43' });
    answerFirst(view);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByRole('checkbox', { name: /Rising Star/ })).toBeNull();
    expect(screen.getByText(/Dan Ro/)).toBeTruthy();
  });
});

describe('the panel in a frame that reloads', () => {
  const sessionStore = (): PanelChoicesStore => {
    const items = new Map<string, string>();
    return panelChoicesStore(
      {
        getItem: (key) => items.get(key) ?? null,
        setItem: (key, value) => void items.set(key, value),
        removeItem: (key) => void items.delete(key),
      },
      'panel-1',
    );
  };

  /** The frame's page: the panel under the store its frame keeps; a reload is this drawn afresh. */
  function frame(a: PanelApi, store: PanelChoicesStore, target: RemovalTarget = { userId: '42', helpCenterId: '7' }) {
    cleanup();
    render(
      <PanelChoicesContext.Provider value={store}>
        <div role="dialog" aria-labelledby="t">
          <RemoveBadgesPanel api={a} target={target} titleId="t" onClose={() => {}} />
        </div>
      </PanelChoicesContext.Provider>,
    );
  }

  it('comes back on the step the admin was on, with the badges they chose', async () => {
    const store = sessionStore();
    frame(api(), store);
    fireEvent.click(await screen.findByRole('checkbox', { name: /<img/ }));
    frame(api(), store);
    await screen.findByRole('button', { name: 'Review removal (2)' });
    expect((screen.getAllByRole('checkbox') as HTMLInputElement[]).map((b) => b.checked)).toEqual([true, false, true]);
    fireEvent.click(screen.getByRole('button', { name: 'Review removal (2)' }));
    frame(api(), store);
    const sentence = await screen.findByText('Remove 2 badges from Carol Lee (carol@zylker.com) in Zylker Community');
    expect(document.activeElement).toBe(sentence);
    expect(screen.getByRole('button', { name: 'Remove 2 badges' })).toBeTruthy();
  });

  it('chooses no badge the user no longer holds, and keeps no choice for another user', async () => {
    const store = sessionStore();
    store.write({ userId: '42', helpCenterId: '7', step: 'preview', selected: ['12', '99'] });
    frame(api(), store);
    await screen.findByText('Remove 1 badge from Carol Lee (carol@zylker.com) in Zylker Community');
    frame(api(), store, { userId: '43' });
    await screen.findByRole('button', { name: 'Review removal (3)' });
  });

  it('shows the verified report again, not a new choice', async () => {
    const store = sessionStore();
    const removed = report([{ badgeId: '11', name: 'Rising Star', outcome: { status: 'removed' } }]);
    frame(api({ removeBadges: vi.fn(async () => removed) }), store);
    fireEvent.click(await screen.findByRole('button', { name: 'Select none' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Rising Star/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Review removal (1)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove 1 badge' }));
    await screen.findByText('Removed (verified)');
    const a = api({ getUserBadges: vi.fn(async () => ({ ...view, badges: view.badges.slice(1) })) });
    frame(a, store);
    await screen.findByText('Removed (verified)');
    expect(screen.getByRole('button', { name: 'Done' })).toBeTruthy();
    expect(a.removeBadges).not.toHaveBeenCalled();
  });
});

describe('the panel in Arabic', () => {
  afterEach(() => {
    document.documentElement.removeAttribute('dir');
    document.documentElement.removeAttribute('lang');
  });

  it('reads right to left, in Arabic words and plural forms', async () => {
    speak(fakeBrowser.i18n, 'ar');
    const arabic = (key: string) => readMessages('ar')[key]!.message;
    // As the panel page does before it draws (entrypoints/removal-panel/main.tsx).
    localizeDocument(document, 'panel_page_title');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(document.title).toBe(arabic('panel_page_title'));

    showPanel(api(), { userId: '42', helpCenterId: '7' });
    await screen.findByRole('checkbox', { name: /Rising Star/ });
    expect(screen.getByRole('heading').textContent).toBe(arabic('panel_page_title'));
    expect(screen.getByRole('button', { name: arabic('panel_select_all') })).toBeTruthy();
    // Three of three: Arabic's "few" form.
    expect(
      screen.getByText(arabic('panel_selected_few').replace('$selected$', '3').replace('$total$', '3')),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: arabic('panel_review').replace('$count$', '3') }));
    expect(
      screen.getByText(
        arabic('panel_preview_remove_in_few')
          .replace('$count$', '3')
          .replace('$user$', 'Carol Lee (carol@zylker.com)')
          .replace('$helpcenter$', 'Zylker Community'),
      ),
    ).toBeTruthy();
    expect(
      screen.getByRole('button', { name: arabic('panel_confirm_remove_few').replace('$count$', '3') }),
    ).toBeTruthy();
  });
});
