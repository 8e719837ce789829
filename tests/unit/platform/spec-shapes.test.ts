/** What Zoho's own spec allows, read as the extension reads it (../shared/reference/zoho-desk-oas). */
import { describe, expect, it } from 'vitest';
import type { DeskClient } from '../../../utils/platform/zoho/desk-client';
import { createDeskClient } from '../../../utils/platform/zoho/desk-client';
import {
  bulkResults,
  contact,
  helpCenter,
  helpCenterList,
  helpCenterUser,
  helpCenterUserPage,
  organizationBadges,
  organizationList,
  primaryEmail,
  userBadges,
} from '../../../utils/platform/zoho/schemas';
import { loadDeskSpec } from '../../sandbox/oas';
import { fakeFetch, json } from './fakes';

describe("Zoho's own examples, read by the extension's schemas", () => {
  const spec = loadDeskSpec();
  const example = (op: string) => spec.example(op, 200);

  it('organizations, help centers (no portal name), users and a contact', () => {
    expect(organizationList.parse(example('getOrganizations')).data[0]).toMatchObject({ id: expect.any(String) });
    const centers = helpCenterList.parse(example('getAllHelpCenters')).data;
    expect(centers[0]).toMatchObject({ id: expect.any(String), name: expect.any(String) });
    expect(helpCenter.parse(example('getHelpCenter'))).toMatchObject({ name: 'Zoho Cares', isDefault: false });
    const users = helpCenterUserPage.parse(example('getUsers'));
    expect(users.data[0]).toMatchObject({ id: '310975130121', emailAddress: 'carol@zylker.com' });
    const detail = helpCenterUser.parse(example('getUserDetails'));
    expect(primaryEmail(detail)).toBe('zylcare@zylker.com');
    expect(contact.parse(example('getContact'))).toMatchObject({ email: 'lawrence@zylker.com' });
  });

  it("a user's badges, the organization's badges and a dissociate's per-item results", () => {
    expect(userBadges.parse(example('getUserBadges'))[0]).toMatchObject({ id: '1', name: 'Badge 1', isCustom: false });
    expect(organizationBadges.parse(example('getBadges'))[0]).toMatchObject({ id: '1', levelName: null });
    expect(bulkResults.parse(example('dissociateBadgesFromUsers')).results.length).toBeGreaterThan(0);
  });

  it('a help center with every field null but its ID, and a user whose email is only in email[]', () => {
    expect(helpCenter.parse({ id: '5', name: null, isDefault: null, departmentIds: null })).toEqual({
      id: '5',
      name: 'Help center 5',
      isDefault: null,
      departmentIds: null,
    });
    const user = helpCenterUser.parse({
      id: '9',
      name: null,
      photoUrl: null,
      userType: 'ENDUSER',
      status: null,
      email: [
        { emailAddress: null, isPrimary: true, isVerified: null },
        { emailAddress: 'b@example.com', isPrimary: false, isVerified: true },
      ],
    });
    expect(primaryEmail(user)).toBe('b@example.com');
  });
});

describe('badges as the spec allows them', () => {
  it('accepts nullable fields, levelName and unknown fields, and names a nameless badge by its ID', () => {
    const parsed = userBadges.parse({
      data: [
        { id: '7', name: null, description: null, isCustom: null, iconUrl: null, levelName: null, newField: 1 },
        { id: 8, name: 'MVP', levelName: 'Gold', isCustom: true },
      ],
    });
    expect(parsed).toEqual([
      { id: '7', name: 'Badge 7', description: null, iconUrl: null, levelName: null },
      { id: '8', name: 'MVP', levelName: 'Gold', isCustom: true },
    ]);
  });

  it('reads the bare array of the spec example and the data envelope of its schema alike', () => {
    const badge = { id: '7', name: 'MVP' };
    expect(userBadges.parse([badge])).toEqual(userBadges.parse({ data: [badge] }));
  });
});

describe('per-item results (MassActionResponse)', () => {
  it('takes httpCode as a string or a number, and errorMessage', () => {
    const parsed = bulkResults.parse({
      results: [
        {
          id: '1',
          success: false,
          errors: { errorCode: 'FORBIDDEN', httpCode: '403', errorMessage: 'No', error: null },
        },
        { id: '2', success: false, errors: { errorCode: 'INVALID_DATA', httpCode: 422, errorMessage: null } },
        { id: '3', success: true, errors: null },
      ],
    });
    expect(parsed.results.map((r) => r.errors?.httpCode ?? null)).toEqual([403, 422, null]);
    expect(parsed.results[0]?.errors?.errorMessage).toBe('No');
  });
});

describe("Zoho's error codes", () => {
  const desk = (body: unknown, status: number, headers: Record<string, string> = {}) => {
    let calls = 0;
    const { fetch } = fakeFetch([
      [
        '/badges',
        () => {
          calls++;
          return calls === 1 ? json(body, status, headers) : json([], 200);
        },
      ],
    ]);
    const sleeps: number[] = [];
    const client = createDeskClient({
      fetch,
      auth: { getAccessToken: async () => '1000.a', invalidateAccessToken: async () => {} },
      deskHost: async () => 'https://desk.zoho.com',
      orgId: async () => '1',
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    return { client, sleeps, calls: () => calls };
  };
  const read = (client: DeskClient) =>
    client.request({ method: 'GET', path: '/api/v1/users/42/badges', schema: userBadges });

  it('THRESHOLD_EXCEEDED is a rate limit: waited for and retried', async () => {
    const { client, sleeps, calls } = desk({ errorCode: 'THRESHOLD_EXCEEDED', message: 'slow' }, 400, {
      'Retry-After': '2',
    });
    expect((await read(client)).data).toEqual([]);
    expect(sleeps).toEqual([2000]);
    expect(calls()).toBe(2);
  });

  for (const [code, status, says] of [
    ['LICENSE_ACCESS_LIMITED', 403, /edition or license/],
    ['ONLY_LIVECHAT_USER', 403, /live-chat-only/],
    ['INTEGRATION_ADMIN_ERROR', 403, /needs an administrator/],
    ['EMPTY_PAYLOAD', 400, /without its content/],
    ['FORBIDDEN', 403, /may not do this/],
  ] as const) {
    it(`${code} says what happened and what to do`, async () => {
      const { client } = desk({ errorCode: code }, status);
      const error = await read(client).catch((e) => e);
      expect(error.message).toMatch(says);
      expect(error.action).toBeTruthy();
      expect(error.errorCode).toBe(code);
    });
  }
});
