// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/preact';
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
});
