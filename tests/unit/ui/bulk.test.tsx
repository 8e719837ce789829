// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type BulkApi, BulkApp } from '../../../entrypoints/bulk/App';
import { DryRunPreview } from '../../../entrypoints/bulk/DryRunPreview';
import { speak } from '../../../scripts/locale-files';
import { losses } from '../../../utils/bulk/dry-run';
import type { BulkItem, BulkRun } from '../../../utils/bulk/run-state';
import { ZohoError } from '../../../utils/platform/errors';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const runWith = (removed: number): BulkRun => ({
  id: 'run-1',
  orgId: '600',
  createdAt: 0,
  status: 'running',
  concurrency: 5,
  items: Array.from(
    { length: 10 },
    (_, i): BulkItem => ({ userId: String(i), badgeIds: ['11'], state: i < removed ? 'removed' : 'pending' }),
  ),
});

describe('the bulk page', () => {
  it('draws a burst of run changes once, showing the newest', async () => {
    vi.useFakeTimers();
    let onChange: (run: BulkRun | null) => void = () => {};
    const api = {
      getPolicy: vi.fn(async () => ({ set: {} })),
      getBulkRun: vi.fn(async () => runWith(0)),
      watchRun: (cb: (run: BulkRun | null) => void) => {
        onChange = cb;
        return () => {};
      },
      now: () => 0,
    } as unknown as BulkApi;
    render(<BulkApp api={api} />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(screen.getByRole('status').textContent).toMatch(/^0 removed/);

    act(() => {
      onChange(runWith(1));
      onChange(runWith(2));
      onChange(runWith(3));
    });
    // Not drawn change by change: the page waits for the burst, then shows the newest state.
    expect(screen.getByRole('status').textContent).toMatch(/^0 removed/);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_000);
    });
    expect(screen.getByRole('status').textContent).toMatch(/^3 removed · 0 failed · 0 skipped · 7 remaining/);
  });

  it('waits for the help centers before a dry run, and never sends one without a help center', async () => {
    let listed: (list: { id: string; name: string }[]) => void = () => {};
    const prepareBulk = vi.fn(async () => ({ users: [], skipped: [], helpCenterId: '7' }));
    const api = {
      getPolicy: vi.fn(async () => ({ set: {} })),
      getBulkRun: vi.fn(async () => null),
      watchRun: () => () => {},
      listHelpCenters: () => new Promise((resolve) => (listed = resolve)),
      listOrganizationBadges: async () => [],
      prepareBulk,
      now: () => 0,
    } as unknown as BulkApi;
    render(<BulkApp api={api} />);
    fireEvent.click(await screen.findByRole('radio', { name: /Every user in a help center/ }));
    fireEvent.input(await screen.findByLabelText('Badge (name or ID)'), { target: { value: 'Rising Star' } });
    const dryRun = screen.getByRole('button', { name: 'Dry run' }) as HTMLButtonElement;
    expect(dryRun.disabled).toBe(true);
    expect(screen.getByRole('combobox', { name: 'Help center' }).textContent).toBe('Loading help centers…');

    // Zoho lists none: the admin types the ID, and a dry run without one says so instead of asking Zoho.
    await act(async () => listed([]));
    await waitFor(() => expect(dryRun.disabled).toBe(false));
    fireEvent.click(dryRun);
    expect((await screen.findByRole('alert')).textContent).toContain('Choose the help center, or type its ID');
    expect(prepareBulk).not.toHaveBeenCalled();
    fireEvent.input(screen.getByPlaceholderText('Help center ID'), { target: { value: '7' } });
    fireEvent.click(dryRun);
    await waitFor(() =>
      expect(prepareBulk).toHaveBeenCalledWith({ kind: 'holders', helpCenterId: '7', badge: 'Rising Star' }),
    );
  });

  it("offers the organization's badges, and the run loses the one chosen", async () => {
    const prepareBulk = vi.fn(async () => ({
      users: [
        {
          userId: '1',
          name: 'Ann',
          badges: [
            { id: '11', name: 'Rising Star' },
            { id: '12', name: 'Top Voice' },
          ],
        },
      ],
      skipped: [],
      helpCenterId: '7',
      plannedAt: 0,
    }));
    const api = {
      getPolicy: vi.fn(async () => ({ set: {} })),
      getBulkRun: vi.fn(async () => null),
      watchRun: () => () => {},
      listHelpCenters: async () => [{ id: '7', name: 'Community' }],
      listOrganizationBadges: async () => [
        { id: '12', name: 'Top Voice' },
        { id: '11', name: 'Rising Star' },
        { id: '13', name: 'Rising Star' },
      ],
      prepareBulk,
      now: () => 0,
    } as unknown as BulkApi;
    render(<BulkApp api={api} />);
    fireEvent.click(await screen.findByRole('radio', { name: /Every user in a help center/ }));
    const choice = (await screen.findByRole('combobox', { name: 'Badge' })) as HTMLSelectElement;
    await waitFor(() => expect(choice.options.length).toBe(4));
    // Two badges of one name are told apart by their IDs.
    expect([...choice.options].map((o) => o.textContent)).toEqual([
      'Choose a badge…',
      'Top Voice',
      'Rising Star (ID 11)',
      'Rising Star (ID 13)',
    ]);
    const dryRun = screen.getByRole('button', { name: 'Dry run' }) as HTMLButtonElement;
    await waitFor(() => expect(dryRun.disabled).toBe(false));
    fireEvent.click(dryRun);
    expect((await screen.findByRole('alert')).textContent).toContain('Choose the badge');
    expect(prepareBulk).not.toHaveBeenCalled();

    fireEvent.change(choice, { target: { value: '11' } });
    fireEvent.click(dryRun);
    await waitFor(() => expect(prepareBulk).toHaveBeenCalledWith({ kind: 'holders', helpCenterId: '7', badge: '11' }));
    expect((await screen.findByText(/user loses/)).textContent).toBe('1 user loses 1 badge.');
    // The credits, from the weights integrators quote (the removal 2, its read-back a list, 3), said to be an estimate.
    const estimate = screen.getByText(/Estimated API credits/).textContent;
    expect(estimate).toContain('Estimated API credits for the run: about 5 ');
    expect(estimate).toContain('An estimate');
  });

  it("falls back to a typed badge when Zoho will not list the organization's badges, saying why", async () => {
    const prepareBulk = vi.fn(async () => ({ users: [], skipped: [], helpCenterId: '7', plannedAt: 0 }));
    const api = {
      getPolicy: vi.fn(async () => ({ set: {} })),
      getBulkRun: vi.fn(async () => null),
      watchRun: () => () => {},
      listHelpCenters: async () => [{ id: '7', name: 'Community' }],
      listOrganizationBadges: async () => {
        throw new ZohoError({ kind: 'forbidden', message: 'You do not have permission to do this.' });
      },
      prepareBulk,
      now: () => 0,
    } as unknown as BulkApi;
    render(<BulkApp api={api} />);
    fireEvent.click(await screen.findByRole('radio', { name: /Every user in a help center/ }));
    const typed = await screen.findByLabelText('Badge (name or ID)');
    expect(typed.getAttribute('aria-describedby')).toBe('badge-note');
    expect(document.getElementById('badge-note')?.textContent).toContain('You do not have permission to do this.');
    fireEvent.input(typed, { target: { value: '24073000009990001' } });
    const dryRun = screen.getByRole('button', { name: 'Dry run' }) as HTMLButtonElement;
    await waitFor(() => expect(dryRun.disabled).toBe(false));
    fireEvent.click(dryRun);
    await waitFor(() =>
      expect(prepareBulk).toHaveBeenCalledWith({ kind: 'holders', helpCenterId: '7', badge: '24073000009990001' }),
    );
  });

  it("shows the credits the run has spent, as Zoho's replies count them", async () => {
    const api = {
      getPolicy: vi.fn(async () => ({ set: {} })),
      getBulkRun: vi.fn(async () => ({ ...runWith(4), credits: { before: 5000, left: 4988 } })),
      watchRun: () => () => {},
      now: () => 0,
    } as unknown as BulkApi;
    render(<BulkApp api={api} />);
    expect((await screen.findByTestId('run-credits')).textContent).toMatch(
      /^API credits spent so far: 12 · 4,988 left today/,
    );
  });
});

describe('the dry run in German', () => {
  const user = (userId: string, badgeIds: string[]) => ({
    userId,
    name: `User ${userId}`,
    badges: badgeIds.map((id) => ({ id, name: `Badge ${id}` })),
  });
  const preview = (users: ReturnType<typeof user>[], chosen: Set<string>) => (
    <DryRunPreview
      plan={{ users, skipped: [], helpCenterId: '7', plannedAt: 0 }}
      pick={false}
      chosen={chosen}
      onChoose={() => {}}
      rows={losses(users, chosen)}
      typed=""
      onType={() => {}}
      busy={false}
      onStart={() => {}}
    />
  );

  it('says who loses what in whole German sentences, each count in its own plural form', () => {
    speak(fakeBrowser.i18n, 'de');
    const many = render(preview([user('1', ['11', '12']), user('2', ['11'])], new Set(['11', '12'])));
    expect(screen.getByRole('status').querySelector('strong')?.textContent).toBe('2 Benutzer verlieren 3 Abzeichen.');
    expect(screen.getByRole('button', { name: 'Abzeichen von 2 Benutzern entfernen' })).toBeTruthy();
    many.unmount();

    render(preview([user('1', ['11'])], new Set(['11'])));
    expect(screen.getByRole('status').querySelector('strong')?.textContent).toBe('1 Benutzer verliert 1 Abzeichen.');
    expect(screen.getByRole('button', { name: 'Abzeichen von 1 Benutzer entfernen' })).toBeTruthy();
  });
});
