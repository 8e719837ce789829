/** What Zoho's own spec allows, read as the extension reads it (../shared/reference/zoho-desk-oas). */
import { describe, expect, it } from 'vitest';
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
