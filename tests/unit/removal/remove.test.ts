import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { speak } from '../../../scripts/locale-files';
import { ZohoError } from '../../../utils/platform/errors';
import { type RemovalDeps, removeBadges } from '../../../utils/removal/remove';
import { outcomeText } from '../../../utils/removal/report';
import type { RemovalRoute } from '../../../utils/removal/routes';
import { fakeDesk } from '../platform/fake-desk';

function deps(client: RemovalDeps['client'], over: Partial<RemovalDeps> = {}) {
  const remembered: RemovalRoute[] = [];
  let t = 1000;
  const d: RemovalDeps = {
    client,
    orgId: '600',
    routeSetting: 'auto',
    rememberRoute: async (r) => {
      remembered.push(r);
    },
    now: () => t++,
    newId: () => 'audit-1',
    ...over,
  };
  return { d, remembered };
}

const outcomes = (report: Awaited<ReturnType<typeof removeBadges>>) =>
  Object.fromEntries(report.results.map((r) => [r.badgeId, r.outcome.status]));
const writes = (calls: ReturnType<typeof fakeDesk>['calls']) => calls.filter((c) => c.method !== 'GET');

describe('removeBadges', () => {
  it('waits for beforeChange after the first read and before the removal is sent', async () => {
    const desk = fakeDesk();
    const seenAtBeforeChange: string[] = [];
    const { d } = deps(desk.client, {
      beforeChange: async () => {
        seenAtBeforeChange.push(...desk.calls.map((c) => c.method));
      },
    });
    await removeBadges(d, { userId: '42', helpCenterId: '7', badgeIds: ['11'] });
    expect(seenAtBeforeChange).toEqual(['GET']);
    expect(desk.calls.map((c) => c.method)).toEqual(['GET', 'POST', 'GET']);
  });

  it("Automatic uses Zoho's documented dissociate with the explicit ids, and verifies by reading back", async () => {
    const desk = fakeDesk();
    const { d, remembered } = deps(desk.client);
    const report = await removeBadges(d, { userId: '42', helpCenterId: '7', badgeIds: ['11', '12'] });
    expect(outcomes(report)).toEqual({ '11': 'removed', '12': 'removed' });
    expect(report).toMatchObject({ route: 'users-dissociate', verified: true, userId: '42', helpCenterId: '7' });
    expect(report.results.map((r) => r.name)).toEqual(['Rising Star', 'Top Contributor']);
    expect(writes(desk.calls)).toEqual([
      { method: 'POST', path: '/api/v1/users/42/badges/dissociate', body: { badgeIds: ['11', '12'] } },
    ]);
    expect([...desk.held]).toEqual(['13']);
    expect(remembered).toEqual(['users-dissociate']);
    expect(desk.calls.every((c) => !c.path.includes('label'))).toBe(true);
  });

  it('with the dry run\'s snapshot, costs the removal and its read-back only; a badge gone meanwhile is "already gone"', async () => {
    // The dry run saw 11, 12 and 13; 12 went since.
    const desk = fakeDesk({ held: ['11', '13'] });
    const report = await removeBadges(deps(desk.client).d, {
      userId: '42',
      badgeIds: ['11', '12'],
      before: [
        { id: '11', name: 'Rising Star' },
        { id: '12', name: 'Top Contributor' },
        { id: '13', name: 'Beta Tester' },
      ],
    });
    expect(desk.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /api/v1/users/42/badges/dissociate',
      'GET /api/v1/users/42/badges',
    ]);
    expect(outcomes(report)).toEqual({ '11': 'removed', '12': 'skipped' });
    expect(report.results[1]?.outcome).toEqual({
      status: 'skipped',
      reason: 'Already gone: the user no longer held this badge.',
    });
  });

  it('uses the Help Center DELETE when chosen in Advanced', async () => {
    const desk = fakeDesk();
    const report = await removeBadges(deps(desk.client, { routeSetting: 'helpcenter-delete' }).d, {
      userId: '42',
      helpCenterId: '7',
      badgeIds: ['11', '12'],
    });
    expect(report.route).toBe('helpcenter-delete');
    expect(writes(desk.calls)).toEqual([
      { method: 'DELETE', path: '/api/v1/helpcenter/7/users/42/badges', query: { badgeIds: '11,12' } },
    ]);
  });

  it.each(['404', '405'] as const)(
    'tries the Help Center DELETE only when dissociate answers %s, and remembers it',
    async (mode) => {
      const desk = fakeDesk({ dissociateRoute: mode });
      const { d, remembered } = deps(desk.client);
      const report = await removeBadges(d, { userId: '42', helpCenterId: '7', badgeIds: ['12'] });
      expect(outcomes(report)).toEqual({ '12': 'removed' });
      expect(report.route).toBe('helpcenter-delete');
      expect(report.notes.join(' ')).toContain('Help Center DELETE was used');
      expect(writes(desk.calls).map((c) => `${c.method} ${c.path}`)).toEqual([
        'POST /api/v1/users/42/badges/dissociate',
        'DELETE /api/v1/helpcenter/7/users/42/badges',
      ]);
      expect(remembered).toEqual(['helpcenter-delete']);

      const next = fakeDesk({ dissociateRoute: mode });
      await removeBadges(deps(next.client, { rememberedRoute: 'helpcenter-delete' }).d, {
        userId: '42',
        helpCenterId: '7',
        badgeIds: ['11'],
      });
      expect(writes(next.calls).map((c) => c.method)).toEqual(['DELETE']);
    },
  );

  it('does not try the DELETE when dissociate refuses for another reason', async () => {
    const desk = fakeDesk({ forbidden: ['12'] });
    const report = await removeBadges(deps(desk.client).d, { userId: '42', helpCenterId: '7', badgeIds: ['12'] });
    expect(writes(desk.calls).map((c) => c.method)).toEqual(['POST']);
    expect(outcomes(report)).toEqual({ '12': 'failed' });
  });

  it('catches a removal that took badges not chosen: re-awarded at once, verified and reported', async () => {
    const desk = fakeDesk({ takesAll: true });
    const report = await removeBadges(deps(desk.client).d, { userId: '42', helpCenterId: '7', badgeIds: ['11'] });
    expect(outcomes(report)).toEqual({ '11': 'removed' });
    expect(report.unchosen).toEqual([
      { badgeId: '12', name: 'Top Contributor', outcome: { status: 'restored' } },
      { badgeId: '13', name: 'Beta Tester', outcome: { status: 'restored' } },
    ]);
    expect(writes(desk.calls).at(-1)).toEqual({
      method: 'POST',
      path: '/api/v1/users/42/badges/associate',
      body: { badgeIds: ['12', '13'] },
    });
    expect([...desk.held].sort()).toEqual(['12', '13']);
    expect(report.notes.join(' ')).toContain('not chosen');
  });

  it('says so when a badge taken although not chosen could not be re-awarded', async () => {
    const desk = fakeDesk({ takesAll: true, associateIgnored: true });
    const report = await removeBadges(deps(desk.client).d, { userId: '42', badgeIds: ['11'] });
    expect(report.unchosen?.map((r) => r.outcome.status)).toEqual(['still-absent', 'still-absent']);
  });

  it('has no unchosen list when only the chosen badges went', async () => {
    const desk = fakeDesk();
    const report = await removeBadges(deps(desk.client).d, { userId: '42', badgeIds: ['11'] });
    expect(report.unchosen).toBeUndefined();
  });

  it('uses dissociate when no help center is known', async () => {
    const desk = fakeDesk();
    const report = await removeBadges(deps(desk.client).d, { userId: '42', badgeIds: ['13'] });
    expect(report.route).toBe('users-dissociate');
    expect(outcomes(report)).toEqual({ '13': 'removed' });
  });

  it('reports per-item failures from an HTTP 200 dissociate', async () => {
    const desk = fakeDesk({ forbidden: ['12'] });
    const report = await removeBadges(deps(desk.client, { routeSetting: 'users-dissociate' }).d, {
      userId: '42',
      badgeIds: ['11', '12'],
    });
    expect(outcomes(report)).toEqual({ '11': 'removed', '12': 'failed' });
    // Our explanation, and Zoho's own words verbatim beside it.
    expect(report.results[1]!.outcome).toMatchObject({
      errorCode: 'FORBIDDEN',
      message:
        'Zoho refused: your account may not remove this badge (FORBIDDEN, HTTP 403). Zoho said: "Badges awarded by the system cannot be removed"',
    });
  });

  it('reports a badge Zoho said it removed but still shows as still present', async () => {
    const desk = fakeDesk({ sticky: ['11'] });
    const report = await removeBadges(deps(desk.client).d, { userId: '42', helpCenterId: '7', badgeIds: ['11', '12'] });
    expect(outcomes(report)).toEqual({ '11': 'still-present', '12': 'removed' });
  });

  it('lets the read-back decide when DELETE answers with no body', async () => {
    const desk = fakeDesk({ deleteRoute: 'empty', sticky: ['12'] });
    const report = await removeBadges(deps(desk.client, { routeSetting: 'helpcenter-delete' }).d, {
      userId: '42',
      helpCenterId: '7',
      badgeIds: ['11', '12'],
    });
    expect(outcomes(report)).toEqual({ '11': 'removed', '12': 'still-present' });
  });

  it('skips badges the user does not hold and never sends them', async () => {
    const desk = fakeDesk({ held: ['11'] });
    const report = await removeBadges(deps(desk.client).d, { userId: '42', helpCenterId: '7', badgeIds: ['11', '99'] });
    expect(outcomes(report)).toEqual({ '11': 'removed', '99': 'skipped' });
    expect(writes(desk.calls)[0]!.body).toEqual({ badgeIds: ['11'] });
  });

  it("says why a badge was skipped in the browser's language: German", async () => {
    speak(fakeBrowser.i18n, 'de');
    const desk = fakeDesk({ held: ['11'] });
    const report = await removeBadges(deps(desk.client).d, { userId: '42', helpCenterId: '7', badgeIds: ['11', '99'] });
    const skipped = report.results.find((r) => r.badgeId === '99')!;
    expect(skipped.name).toBe('Abzeichen 99');
    expect(outcomeText(skipped.outcome)).toBe('Übersprungen: Dieser Benutzer hat dieses Abzeichen nicht (mehr).');
  });

  it('makes no removal call at all when nothing chosen is held', async () => {
    const desk = fakeDesk({ held: [] });
    const report = await removeBadges(deps(desk.client).d, { userId: '42', helpCenterId: '7', badgeIds: ['11'] });
    expect(outcomes(report)).toEqual({ '11': 'skipped' });
    expect(writes(desk.calls)).toEqual([]);
    expect(report.route).toBeNull();
  });

  it('settles a dropped connection by reading back: applied', async () => {
    const error = new ZohoError({ kind: 'network', message: 'No answer from Zoho Desk.' });
    const desk = fakeDesk({ removalFault: { error, applied: true } });
    const report = await removeBadges(deps(desk.client).d, { userId: '42', helpCenterId: '7', badgeIds: ['11', '12'] });
    expect(outcomes(report)).toEqual({ '11': 'removed', '12': 'removed' });
    expect(report.notes.join(' ')).toContain('connection dropped');
    expect(report.verified).toBe(true);
  });

  it('settles a dropped connection by reading back: not applied', async () => {
    const error = new ZohoError({ kind: 'network', message: 'No answer from Zoho Desk.' });
    const desk = fakeDesk({ removalFault: { error, applied: false } });
    const report = await removeBadges(deps(desk.client).d, { userId: '42', helpCenterId: '7', badgeIds: ['11'] });
    expect(outcomes(report)).toEqual({ '11': 'still-present' });
  });

  it('never guesses when both the removal and the read-back fail', async () => {
    const desk = fakeDesk({
      removalFault: { error: new ZohoError({ kind: 'network', message: 'dropped' }), applied: true },
      readBackFault: new ZohoError({ kind: 'network', message: 'still offline' }),
    });
    const report = await removeBadges(deps(desk.client).d, { userId: '42', helpCenterId: '7', badgeIds: ['11'] });
    expect(report.results[0]!.outcome).toMatchObject({ status: 'failed', message: expect.stringMatching(/^Unknown/) });
    expect(report.verified).toBe(false);
  });

  it('reports a reconnect error mid-operation on every attempted badge, still reading back', async () => {
    const error = new ZohoError({
      kind: 'reconnect',
      status: 401,
      errorCode: 'INVALID_OAUTH',
      message: 'Zoho Desk no longer accepts the connection.',
    });
    const desk = fakeDesk({ removalFault: { error, applied: false } });
    const report = await removeBadges(deps(desk.client).d, { userId: '42', helpCenterId: '7', badgeIds: ['11', '12'] });
    expect(report.results.map((r) => r.outcome)).toEqual([
      {
        status: 'failed',
        errorCode: 'INVALID_OAUTH',
        message: 'Zoho Desk no longer accepts the connection.',
        retryable: true,
        awaitsConnection: true,
      },
      {
        status: 'failed',
        errorCode: 'INVALID_OAUTH',
        message: 'Zoho Desk no longer accepts the connection.',
        retryable: true,
        awaitsConnection: true,
      },
    ]);
    expect(desk.calls.filter((c) => c.method === 'GET')).toHaveLength(2);
  });

  it('reports a 429 that outlasted the retries, and a removal that went through anyway', async () => {
    const error = new ZohoError({
      kind: 'rate-limited',
      status: 429,
      errorCode: 'TOO_MANY_REQUESTS',
      message: 'limited',
      retryAfterSeconds: 1,
    });
    const desk = fakeDesk({ removalFault: { error, applied: true } });
    const report = await removeBadges(deps(desk.client).d, { userId: '42', helpCenterId: '7', badgeIds: ['11'] });
    expect(outcomes(report)).toEqual({ '11': 'removed' });
    const desk2 = fakeDesk({ removalFault: { error, applied: false } });
    const report2 = await removeBadges(deps(desk2.client).d, { userId: '42', helpCenterId: '7', badgeIds: ['11'] });
    expect(report2.results[0]!.outcome).toEqual({
      status: 'failed',
      errorCode: 'TOO_MANY_REQUESTS',
      message: 'limited',
      retryable: true,
    });
  });

  it('refuses a forced DELETE without a help center, sending nothing', async () => {
    const desk = fakeDesk();
    const report = await removeBadges(deps(desk.client, { routeSetting: 'helpcenter-delete' }).d, {
      userId: '42',
      badgeIds: ['11'],
    });
    expect(report.results[0]!.outcome).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('help center ID'),
    });
    expect(writes(desk.calls)).toEqual([]);
  });

  it('accepts the data envelope for the badges list', async () => {
    const desk = fakeDesk({ envelope: true });
    const report = await removeBadges(deps(desk.client).d, { userId: '42', helpCenterId: '7', badgeIds: ['13'] });
    expect(outcomes(report)).toEqual({ '13': 'removed' });
  });
});
