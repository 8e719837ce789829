/** What an ID that names no user, help center or contact gets, by `wrongKindStatus`. */
import { describe, expect, it } from 'vitest';
import { COMMUNITY_HC_ID, DEMO_USER_ID, ZYLKER_BADGES } from '../../sandbox/data';
import { deskPerFile } from './helpers';

const d = deskPerFile();

describe('IDs of the wrong kind', () => {
  const contactId = '3313135931139';
  const cases: [string, string, string, unknown][] = [
    ['GET', `/users/${contactId}`, 'userId', undefined],
    ['GET', `/users/${COMMUNITY_HC_ID}/badges`, 'userId', undefined],
    ['POST', `/users/${contactId}/badges/dissociate`, 'userId', { badgeIds: [ZYLKER_BADGES.newcomer] }],
    ['GET', `/users/${contactId}/labels`, 'userId', undefined],
    ['GET', `/helpCenters/${DEMO_USER_ID}`, 'helpcenterId', undefined],
    ['GET', `/contacts/${DEMO_USER_ID}`, 'contactId', undefined],
    ['GET', `/contacts/${DEMO_USER_ID}/helpCenters`, 'contactId', undefined],
    ['DELETE', `/helpcenter/${DEMO_USER_ID}/users/${DEMO_USER_ID}/badges?badgeIds=1`, 'helpCenterId', undefined],
    ['DELETE', `/helpcenter/${COMMUNITY_HC_ID}/users/${contactId}/badges?badgeIds=1`, 'userId', undefined],
  ];
  const expected = {
    404: () => ({ errorCode: 'URL_NOT_FOUND', message: expect.any(String) }),
    403: () => ({ errorCode: 'FORBIDDEN', message: 'You are not authorized to access this resource.' }),
    422: (field: string) => ({
      errorCode: 'INVALID_DATA',
      message: `The value passed for field '${field}' is invalid.`,
      errors: [
        {
          fieldName: `/${field}`,
          errorType: 'invalid',
          errorMessage: `The value passed for field '${field}' is invalid.`,
        },
      ],
    }),
  };

  it.each([404, 403, 422] as const)('answer %i, as wrongKindStatus says (404 by default)', async (status) => {
    if (status !== 404) d.t.sandbox.state.configure({ wrongKindStatus: status });
    d.t.sandbox.state.configure({ routes: { helpCenterDelete: true } });
    for (const [method, path, field, json] of cases) {
      const res = await d.call(method, path, json === undefined ? {} : { json });
      expect(res.status, `${method} ${path}`).toBe(status);
      expect(res.json(), `${method} ${path}`).toEqual(expected[status](field));
    }
    expect(d.user(DEMO_USER_ID).badgeIds).toHaveLength(4);
    await expect(d.t.control.configure({ wrongKindStatus: 500 } as never)).rejects.toThrow(/wrongKindStatus/);
  });
});
