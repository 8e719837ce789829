/** A user's badges, the organization's, associate/dissociate and the Help Center DELETE route. */
import { describe, expect, it } from 'vitest';
import {
  BOTH_HELP_CENTERS_USER_ID,
  COMMUNITY_HC_ID,
  DEMO_USER_ID,
  NO_BADGES_USER_ID,
  PARTNERS_HC_ID,
  ZYLKER_BADGES,
} from '../../sandbox/data';
import { call, deskPerFile } from './helpers';

const d = deskPerFile();

describe('badges', () => {
  it("lists a user's badges as {data} (schema) or a bare array with isCustom a string (example); 204 when none", async () => {
    const schemaShaped = await d.get(`/users/${DEMO_USER_ID}/badges`);
    expect(schemaShaped.status).toBe(200);
    expect(schemaShaped.json().data[0].isCustom).toBe(false);
    d.t.sandbox.state.configure({ replyShapes: 'examples' });
    const res = await d.get(`/users/${DEMO_USER_ID}/badges`);
    const list = res.json();
    expect(Array.isArray(list)).toBe(true);
    expect(list.map((b: { name: string }) => b.name)).toEqual([
      'Newcomer',
      'Rising Star',
      'Top Contributor',
      'Beta Tester',
    ]);
    expect(list[0]).toEqual({
      name: 'Newcomer',
      isCustom: 'false',
      description: 'Joined the community and made a first post',
      id: ZYLKER_BADGES.newcomer,
      iconUrl: 'https://desk.zoho.com/portal/api/publicImages/1',
    });
    expect(list[3].isCustom).toBe('true');
    expect((await d.get(`/users/${DEMO_USER_ID}/badges?type=custom`)).json()).toHaveLength(1);
    expect(
      (await d.get(`/users/${DEMO_USER_ID}/badges?limit=2&from=2`)).json().map((b: { name: string }) => b.name),
    ).toEqual(['Rising Star', 'Top Contributor']);
    const none = await d.get(`/users/${NO_BADGES_USER_ID}/badges`);
    expect(none.status).toBe(204);
    expect(none.text).toBe('');
  });

  it('dissociate answers one result per badge with HTTP 200, failed items included', async () => {
    d.t.sandbox.state.configure({ forbiddenBadgeIds: [ZYLKER_BADGES.topContributor] });
    const res = await d.call('POST', `/users/${DEMO_USER_ID}/badges/dissociate`, {
      json: { badgeIds: [ZYLKER_BADGES.newcomer, ZYLKER_BADGES.mvp2026, ZYLKER_BADGES.topContributor, '123'] },
    });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      results: [
        { success: true, id: ZYLKER_BADGES.newcomer, errors: null },
        {
          success: false,
          id: ZYLKER_BADGES.mvp2026,
          errors: {
            errorCode: 'INVALID_DATA',
            httpCode: 422,
            errorMessage: 'The user does not hold this badge.',
            error: null,
          },
        },
        {
          success: false,
          id: ZYLKER_BADGES.topContributor,
          errors: { errorCode: 'FORBIDDEN', httpCode: 403, errorMessage: 'You do not have permission.', error: null },
        },
        {
          success: false,
          id: '123',
          errors: { errorCode: 'INVALID_DATA', httpCode: 422, errorMessage: 'The badge does not exist.', error: null },
        },
      ],
    });
    expect(d.user(DEMO_USER_ID).badgeIds).toEqual([
      ZYLKER_BADGES.risingStar,
      ZYLKER_BADGES.topContributor,
      ZYLKER_BADGES.betaTester,
    ]);
  });

  it('associate re-adds a removed badge', async () => {
    const path = `/users/${DEMO_USER_ID}/badges`;
    await d.call('POST', `${path}/dissociate`, { json: { badgeIds: [ZYLKER_BADGES.betaTester] } });
    expect(d.user(DEMO_USER_ID).badgeIds).not.toContain(ZYLKER_BADGES.betaTester);
    const res = await d.call('POST', `${path}/associate`, {
      json: { badgeIds: [ZYLKER_BADGES.betaTester] },
    });
    expect(res.json().results).toEqual([{ success: true, id: ZYLKER_BADGES.betaTester, errors: null }]);
    expect((await d.get(path)).json().data.map((b: { id: string }) => b.id)).toContain(ZYLKER_BADGES.betaTester);
  });

  it('refuses empty or missing badgeIds (422) and a body that is not JSON (415)', async () => {
    const path = `/users/${DEMO_USER_ID}/badges/dissociate`;
    for (const json of [{ badgeIds: [] }, {}]) {
      const res = await d.call('POST', path, { json });
      expect(res.status).toBe(422);
      expect(res.json().errorCode).toBe('UNPROCESSABLE_ENTITY');
    }
    const plain = await call(d.t.sandbox, {
      host: 'desk.zoho.com',
      method: 'POST',
      path: `/api/v1${path}`,
      headers: { Authorization: `Zoho-oauthtoken ${d.token}`, orgId: '60001234567', 'Content-Type': 'text/plain' },
      body: JSON.stringify({ badgeIds: [ZYLKER_BADGES.newcomer] }),
    });
    expect(plain.status).toBe(415);
    expect(d.user(DEMO_USER_ID).badgeIds).toContain(ZYLKER_BADGES.newcomer);
  });

  it('can switch the dissociate route off (404)', async () => {
    d.t.sandbox.state.configure({ routes: { dissociate: false } });
    const res = await d.call('POST', `/users/${DEMO_USER_ID}/badges/dissociate`, {
      json: { badgeIds: [ZYLKER_BADGES.newcomer] },
    });
    expect(res.status).toBe(404);
    expect(d.user(DEMO_USER_ID).badgeIds).toContain(ZYLKER_BADGES.newcomer);
  });

  it('removes badges over the Help Center DELETE route, which can be absent (404) or 405', async () => {
    const path = `/helpcenter/${COMMUNITY_HC_ID}/users/${DEMO_USER_ID}/badges?badgeIds=${ZYLKER_BADGES.newcomer},${ZYLKER_BADGES.risingStar}`;
    d.t.sandbox.state.configure({ routes: { helpCenterDelete: false } });
    const absent = await d.call('DELETE', path);
    expect(absent.status).toBe(404);
    expect(absent.json().errorCode).toBe('URL_NOT_FOUND');
    d.t.sandbox.state.configure({ routes: { helpCenterDelete: '405' } });
    const notAllowed = await d.call('DELETE', path);
    expect(notAllowed.status).toBe(405);
    expect(notAllowed.json().errorCode).toBe('METHOD_NOT_ALLOWED');
    expect(d.user(DEMO_USER_ID).badgeIds).toHaveLength(4);

    d.t.sandbox.state.configure({ routes: { helpCenterDelete: true } });
    const res = await d.call('DELETE', path);
    expect(res.status).toBe(200);
    expect(res.json().results).toEqual([
      { success: true, id: ZYLKER_BADGES.newcomer, errors: null },
      { success: true, id: ZYLKER_BADGES.risingStar, errors: null },
    ]);
    expect(d.user(DEMO_USER_ID).badgeIds).toEqual([ZYLKER_BADGES.topContributor, ZYLKER_BADGES.betaTester]);
  });

  it('never treats a DELETE without badgeIds as "all", and checks help center membership', async () => {
    d.t.sandbox.state.configure({ routes: { helpCenterDelete: true } });
    const none = await d.call('DELETE', `/helpcenter/${COMMUNITY_HC_ID}/users/${DEMO_USER_ID}/badges`);
    expect(none.status).toBe(422);
    expect(d.user(DEMO_USER_ID).badgeIds).toHaveLength(4);
    const otherHc = await d.call(
      'DELETE',
      `/helpcenter/${PARTNERS_HC_ID}/users/${DEMO_USER_ID}/badges?badgeIds=${ZYLKER_BADGES.newcomer}`,
    );
    expect(otherHc.status).toBe(422);
    expect(otherHc.json().errorCode).toBe('INVALID_DATA');
    // A user in both help centers can be reached through either.
    const both = await d.call(
      'DELETE',
      `/helpcenter/${PARTNERS_HC_ID}/users/${BOTH_HELP_CENTERS_USER_ID}/badges?badgeIds=${ZYLKER_BADGES.partnerChampion}`,
    );
    expect(both.json().results[0].success).toBe(true);
  });
});
