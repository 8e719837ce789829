import { describe, expect, it } from 'vitest';
import { canUndo, isLive, itemDetail, runCsv, secondsLeft, statusLabel, undoSummary } from '../../../utils/bulk/report';
import { type BulkItem, countItems } from '../../../utils/bulk/run-state';

const item = (userId: string, over: Partial<BulkItem> = {}): BulkItem => ({
  userId,
  badgeIds: ['11'],
  state: 'pending',
  ...over,
});
const counts = (states: BulkItem['state'][]) =>
  countItems({ items: states.map((state, i) => item(String(i), { state })) });

describe('the run view', () => {
  it('reads the status, anything unknown as done', () => {
    expect(statusLabel('running')).toBe('running');
    expect(statusLabel('paused')).toBe('paused');
    expect(statusLabel('cancelled')).toBe('cancelled');
    expect(statusLabel('done')).toBe('done');
    expect(statusLabel('weird' as never)).toBe('done');
  });

  it('is live while running or paused', () => {
    expect(isLive({ status: 'running' })).toBe(true);
    expect(isLive({ status: 'paused' })).toBe(true);
    expect(isLive({ status: 'done' })).toBe(false);
    expect(isLive({ status: 'cancelled' })).toBe(false);
  });

  it('estimates the seconds left at the pace so far', () => {
    const half = counts(['removed', 'failed', 'pending', 'running']);
    expect(secondsLeft({ createdAt: 1_000 }, half, 11_000)).toBe(10);
    expect(secondsLeft({ createdAt: 1_000, finishedAt: 5_000 }, half, 11_000)).toBe(4);
    expect(secondsLeft({ createdAt: 0 }, counts(['pending']), 9_000)).toBeNull();
    expect(secondsLeft({ createdAt: 0 }, counts(['removed']), 9_000)).toBeNull();
  });

  it('offers undo only for an ended run that removed something', () => {
    const removed = counts(['removed', 'skipped']);
    expect(canUndo({ status: 'done' }, removed)).toBe(true);
    expect(canUndo({ status: 'cancelled' }, removed)).toBe(true);
    expect(canUndo({ status: 'paused' }, removed)).toBe(false);
    expect(canUndo({ status: 'done' }, counts(['failed', 'skipped']))).toBe(false);
  });

  it('details a row by its reason, else by each badge’s outcome', () => {
    const results = [
      { badgeId: '11', name: 'Star', outcome: { status: 'removed' as const } },
      { badgeId: '12', name: 'Guru', outcome: { status: 'failed' as const, message: 'nope' } },
    ];
    expect(itemDetail(item('1', { results }))).toBe('Star: Removed (verified); Guru: Failed: nope');
    expect(itemDetail(item('1', { results, reason: 'Cancelled.' }))).toBe('Cancelled.');
    expect(itemDetail(item('1'))).toBe('');
  });

  it('writes one CSV row per badge, and one for a user without results', () => {
    const csv = runCsv({
      items: [
        item('1', {
          email: 'carol@zylker.com',
          name: 'Diaz, Carol',
          state: 'removed',
          results: [
            { badgeId: '11', name: 'Star', outcome: { status: 'removed' } },
            { badgeId: '12', name: 'Guru', outcome: { status: 'skipped', reason: 'not held' } },
          ],
        }),
        item('2', { state: 'skipped', reason: 'Cancelled before it ran.' }),
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      'user_id,email,name,state,reason,badge_id,badge,result',
      '1,carol@zylker.com,"Diaz, Carol",removed,,11,Star,Removed (verified)',
      '1,carol@zylker.com,"Diaz, Carol",removed,,12,Guru,Skipped: not held',
      '2,,,skipped,Cancelled before it ran.,,,',
      '',
    ]);
  });

  it('sums up an undo', () => {
    expect(undoSummary({ restored: 3, skipped: 1, failed: 0 })).toBe('Undo: 3 badges re-awarded, 1 skipped, 0 failed.');
  });
});
