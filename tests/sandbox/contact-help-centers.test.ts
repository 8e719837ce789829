/** `GET /contacts/{contactId}/helpCenters`: where a contact is a Help Center end user, and its switch. */
import { describe, expect, it } from 'vitest';
import {
  BOTH_HELP_CENTERS_USER_ID,
  COMMUNITY_HC_ID,
  DEMO_USER_ID,
  NON_USER_CONTACT_ID,
  PARTNERS_HC_ID,
} from '../../sandbox/data';
import { connect, desk, deskPerFile } from './helpers';

const d = deskPerFile();

describe("a contact's help centers (GET /contacts/{id}/helpCenters)", () => {
  const anaContactId = () => d.user(BOTH_HELP_CENTERS_USER_ID).contactId;
  const helpCentersOf = (contactId: string, query = '') => d.get(`/contacts/${contactId}/helpCenters${query}`);

  it("lists each help center the contact's end user is in, with the user's status and ID", async () => {
    const res = await helpCentersOf(anaContactId());
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      data: [
        {
          helpCenter: {
            id: COMMUNITY_HC_ID,
            name: 'Zylker Community',
            url: 'https://desk.zoho.com/portal/zylkercommunity/',
            status: 'ACTIVE',
          },
          userStatus: 'ACTIVE',
          userId: BOTH_HELP_CENTERS_USER_ID,
        },
        {
          helpCenter: {
            id: PARTNERS_HC_ID,
            name: 'Zylker Partners',
            url: 'https://desk.zoho.com/portal/zylkerpartners/',
            status: 'ACTIVE',
          },
          userStatus: 'ACTIVE',
          userId: BOTH_HELP_CENTERS_USER_ID,
        },
      ],
    });
    const one = (await helpCentersOf(anaContactId(), `?helpCenterId=${PARTNERS_HC_ID}`)).json().data;
    expect(one.map((d: { helpCenter: { id: string } }) => d.helpCenter.id)).toEqual([PARTNERS_HC_ID]);
    const disabled = d.t.sandbox.state.data.users.find((u) => u.name === 'Grace Kim')!;
    expect((await helpCentersOf(disabled.contactId)).json().data[0].userStatus).toBe('DISABLED');
  });

  it('is empty (204) for a contact who is no end user, or not in that help center', async () => {
    const none = await helpCentersOf(NON_USER_CONTACT_ID);
    expect(none.status).toBe(204);
    expect(none.text).toBe('');
    expect((await helpCentersOf(d.user(DEMO_USER_ID).contactId, `?helpCenterId=${PARTNERS_HC_ID}`)).status).toBe(204);
    expect((await helpCentersOf(anaContactId(), '?helpCenterId=7000000099999')).json().errorCode).toBe('INVALID_DATA');
    expect((await helpCentersOf(DEMO_USER_ID)).status).toBe(404);
  });

  it('needs Desk.contacts.READ', async () => {
    d.t.sandbox.state.configure({ grantedScopes: ['Desk.basic.READ', 'Desk.settings.READ'] });
    const narrow = (await connect(d.t.sandbox)).accessToken;
    const res = await desk(d.t.sandbox, narrow, 'GET', `/contacts/${anaContactId()}/helpCenters`);
    expect(res.json().errorCode).toBe('SCOPE_MISMATCH');
  });

  it.each([
    [false, 404, 'URL_NOT_FOUND'],
    ['405', 405, 'METHOD_NOT_ALLOWED'],
  ] as const)('can be switched off (routes.contactHelpCenters %s): %i %s', async (value, status, errorCode) => {
    await d.t.control.configure({ routes: { contactHelpCenters: value } });
    const res = await helpCentersOf(anaContactId());
    expect(res.status).toBe(status);
    expect(res.json().errorCode).toBe(errorCode);
    // The contact itself still answers.
    expect((await d.get(`/contacts/${anaContactId()}`)).status).toBe(200);
  });
});
