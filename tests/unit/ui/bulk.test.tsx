// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type BulkApi, BulkApp } from '../../../entrypoints/bulk/App';
import type { BulkItem, BulkRun } from '../../../utils/badges/bulk';

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
      getBulkRun: vi.fn(async () => null),
      watchRun: () => () => {},
      listHelpCenters: () => new Promise((resolve) => (listed = resolve)),
      prepareBulk,
      now: () => 0,
    } as unknown as BulkApi;
    render(<BulkApp api={api} />);
    fireEvent.click(await screen.findByRole('radio', { name: /Every user in a help center/ }));
    fireEvent.input(screen.getByLabelText('Badge (name or ID)'), { target: { value: 'Rising Star' } });
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
});
