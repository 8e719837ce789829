import { describe, expect, it } from 'vitest';
import {
  badgeCatalogue,
  confirmed,
  countRemovals,
  dryRunRequest,
  estimatedCredits,
  firstChoice,
  losses,
  needsTyping,
  startRequest,
  TYPE_TO_CONFIRM_OVER,
  toggleBadge,
} from '../../../utils/bulk/dry-run';
import type { BulkPlanUser } from '../../../utils/bulk/plan';
import { badgeNamed } from '../../../utils/bulk/recipients';
import { CREDITS_PER_USER } from '../../../utils/bulk/run-state';
import { CREDIT_WEIGHTS, DESK_OPERATIONS } from '../../../utils/platform/zoho/desk-api';

const star = { id: '11', name: 'Rising Star' };
const guru = { id: '12', name: 'Guru' };
const ace = { id: '13', name: 'ace' };
const users: BulkPlanUser[] = [
  { userId: '1', name: 'Carol', email: 'carol@zylker.com', badges: [star, guru] },
  { userId: '2', name: 'Ben', badges: [guru, ace] },
  { userId: '3', name: 'Ann', badges: [] },
];

describe('dryRunRequest', () => {
  const form = { source: 'list' as const, text: 'carol@zylker.com', helpCenterId: '7', badge: '' };

  it('sends a list with the help center only when it is a Zoho ID', () => {
    expect(dryRunRequest(form)).toEqual({ request: { kind: 'list', text: 'carol@zylker.com', helpCenterId: '7' } });
    expect(dryRunRequest({ ...form, helpCenterId: 'abc' })).toEqual({
      request: { kind: 'list', text: 'carol@zylker.com' },
    });
  });

  it('asks for the help center, then the badge, before a holders dry run', () => {
    const holders = { ...form, source: 'holders' as const };
    expect(dryRunRequest({ ...holders, helpCenterId: '', badge: 'Guru' })).toEqual({
      problem: 'Choose the help center, or type its ID (digits only).',
    });
    expect(dryRunRequest({ ...holders, badge: '  ' })).toEqual({
      problem: 'Choose the badge whose holders lose it, or type its name or ID.',
    });
    expect(dryRunRequest({ ...holders, badge: 'Guru' })).toEqual({
      request: { kind: 'holders', helpCenterId: '7', badge: 'Guru' },
    });
  });
});

describe('choosing badges', () => {
  it('names a badge by ID, or by name regardless of case and spaces', () => {
    expect(badgeNamed(' rising STAR ')(star)).toBe(true);
    expect(badgeNamed('11')(star)).toBe(true);
    expect(badgeNamed('Rising')(star)).toBe(false);
  });

  it('starts with the named badge for holders, and with nothing for a list', () => {
    expect([...firstChoice('holders', 'guru', users)]).toEqual(['12']);
    expect([...firstChoice('holders', '13', users)]).toEqual(['13']);
    expect(firstChoice('list', 'guru', users).size).toBe(0);
  });

  it('toggles a badge into a new set, leaving the old one alone', () => {
    const chosen = new Set(['11']);
    const added = toggleBadge(chosen, '12', true);
    expect([...added]).toEqual(['11', '12']);
    expect([...toggleBadge(added, '11', false)]).toEqual(['12']);
    expect([...chosen]).toEqual(['11']);
  });

  it('lists every held badge once, with its holders, by name', () => {
    expect(badgeCatalogue(users)).toEqual([
      { id: '13', name: 'ace', holders: 1 },
      { id: '12', name: 'Guru', holders: 2 },
      { id: '11', name: 'Rising Star', holders: 1 },
    ]);
    expect(badgeCatalogue([])).toEqual([]);
  });
});

describe('who loses what', () => {
  it('keeps only users who hold a chosen badge, with just those badges', () => {
    const rows = losses(users, new Set(['12', '13']));
    expect(rows.map((r) => [r.user.userId, r.losing.map((b) => b.id)])).toEqual([
      ['1', ['12']],
      ['2', ['12', '13']],
    ]);
    expect(countRemovals(rows)).toBe(3);
    expect(losses(users, new Set())).toEqual([]);
  });

  it('estimates the run at the credits of each user', () => {
    expect(estimatedCredits(4)).toBe(4 * CREDITS_PER_USER);
    expect(estimatedCredits(0)).toBe(0);
  });

  it("takes Zoho's weights as integrators quote them: a get 1, a list 3 (a user's badges are a list)", () => {
    expect(CREDIT_WEIGHTS).toMatchObject({ get: 1, list: 3 });
    expect(DESK_OPERATIONS.getUserDetails.credits).toBe(1);
    expect(DESK_OPERATIONS.getUserBadges.credits).toBe(3);
    // An untouched user: the removal (a change, our guess) and its read-back.
    expect(CREDITS_PER_USER).toBe(CREDIT_WEIGHTS.change + 3);
  });

  it('needs the number typed only above the limit', () => {
    const over = TYPE_TO_CONFIRM_OVER + 1;
    expect(confirmed(0, '')).toBe(false);
    expect(needsTyping(TYPE_TO_CONFIRM_OVER)).toBe(false);
    expect(confirmed(TYPE_TO_CONFIRM_OVER, '')).toBe(true);
    expect(needsTyping(over)).toBe(true);
    expect(confirmed(over, '')).toBe(false);
    expect(confirmed(over, String(over - 1))).toBe(false);
    expect(confirmed(over, ` ${over} `)).toBe(true);
  });

  it('starts the run with the dry run’s help center, time and snapshot', () => {
    const rows = losses(users, new Set(['12']));
    const plan = { users, skipped: [], helpCenterId: '7', plannedAt: 1_000 };
    expect(startRequest(plan, rows)).toEqual({
      helpCenterId: '7',
      plannedAt: 1_000,
      items: [
        { userId: '1', email: 'carol@zylker.com', name: 'Carol', badgeIds: ['12'], held: [star, guru] },
        { userId: '2', name: 'Ben', badgeIds: ['12'], held: [guru, ace] },
      ],
    });
    const { helpCenterId: _, ...withoutHc } = plan;
    expect(startRequest(withoutHc, rows)).not.toHaveProperty('helpCenterId');
    expect(startRequest(plan, rows).items[1]).not.toHaveProperty('email');
  });
});
