import { describe, expect, it } from 'vitest';
import { ZohoError } from '../../../utils/platform/errors';
import type { DeskClient } from '../../../utils/platform/zoho/desk-client';
import { recognizePage } from '../../../utils/search/recognize-with-zoho';

/** A fake Desk that knows some records by path; anything else is 404 (or the given error). */
function desk(records: Record<string, unknown>, fail?: Record<string, ZohoError>) {
  const calls: string[] = [];
  const client: DeskClient = {
    async request(req) {
      calls.push(`${req.method} ${req.path}`);
      const error = fail?.[req.path];
      if (error) throw error;
      if (!(req.path in records)) throw new ZohoError({ kind: 'not-found', status: 404, message: 'x' });
      return { status: 200, data: req.schema.parse(records[req.path]) as never };
    },
  };
  return { client, calls };
}

const USER = { id: '12345', name: 'Jane Doe', emailAddress: 'jane@zylker.com' };
const HC = { id: '7000', name: 'Zylker Community' };
const CONTACT = { id: '4400', firstName: 'Carol', lastName: 'Diaz', email: 'carol@zylker.com' };

describe('recognizePage', () => {
  it('asks what each ID is, says so, and proposes a user-page pattern', async () => {
    const { client, calls } = desk({ '/api/v1/users/12345': USER, '/api/v1/helpCenters/7000': HC });
    const view = await recognizePage(client, 'https://desk.zoho.com/agent/zylker/sales/community/7000/members/12345');
    expect(view).toEqual({
      target: '/agent/zylker/sales/community/7000/members/12345',
      ids: [
        { id: '7000', helpCenter: { name: 'Zylker Community' } },
        { id: '12345', user: { name: 'Jane Doe', email: 'jane@zylker.com' } },
      ],
      pattern: '/agent/{portal}/{department}/community/{helpCenterId}/members/{userId}',
      kind: 'helpcenter-user',
    });
    expect(calls.every((c) => c.startsWith('GET '))).toBe(true);
    expect(calls).toHaveLength(6);
  });

  it('proposes a contact-page pattern for a contact', async () => {
    const { client } = desk({ '/api/v1/contacts/4400': CONTACT });
    const view = await recognizePage(client, 'https://desk.zoho.com/agent/zylker/sales/crm/people/4400');
    expect(view.kind).toBe('contact');
    expect(view.pattern).toBe('/agent/{portal}/{department}/crm/people/{contactId}');
    expect(view.ids).toEqual([{ id: '4400', contact: { name: 'Carol Diaz', email: 'carol@zylker.com' } }]);
  });

  it('finds nothing plainly: no pattern when no ID is a user or contact', async () => {
    const { client } = desk({ '/api/v1/helpCenters/7000': HC });
    const view = await recognizePage(client, 'https://desk.zoho.com/agent/zylker/sales/tickets/7000/55');
    expect(view.pattern).toBeUndefined();
    expect(view.ids).toEqual([{ id: '7000', helpCenter: { name: 'Zylker Community' } }, { id: '55' }]);
  });

  it('does not take a record Zoho returns under another ID', async () => {
    const { client } = desk({ '/api/v1/users/12345': { ...USER, id: '999' } });
    const view = await recognizePage(client, 'https://desk.zoho.com/agent/zylker/sales/x/12345');
    expect(view.pattern).toBeUndefined();
  });

  it.each([
    ['403 FORBIDDEN', new ZohoError({ kind: 'forbidden', status: 403, errorCode: 'FORBIDDEN', message: 'x' })],
    ['422', new ZohoError({ kind: 'invalid-request', status: 422, errorCode: 'UNPROCESSABLE_ENTITY', message: 'x' })],
  ])('takes %s on a probe as "not this kind of ID", and goes on', async (_n, error) => {
    const { client } = desk(
      { '/api/v1/users/12345': USER },
      { '/api/v1/helpCenters/12345': error, '/api/v1/contacts/12345': error },
    );
    const view = await recognizePage(client, 'https://desk.zoho.com/agent/zylker/sales/x/12345');
    expect(view.ids).toEqual([{ id: '12345', user: { name: 'Jane Doe', email: 'jane@zylker.com' } }]);
    expect(view.kind).toBe('helpcenter-user');
  });

  it('stops on a 403 about the organization, which every probe would meet', async () => {
    const { client } = desk(
      {},
      {
        '/api/v1/users/12345': new ZohoError({
          kind: 'forbidden',
          status: 403,
          errorCode: 'OAUTH_ORG_MISMATCH',
          message: 'The OAuthToken is not valid for specified organization',
        }),
      },
    );
    await expect(recognizePage(client, 'https://desk.zoho.com/agent/zylker/sales/x/12345')).rejects.toMatchObject({
      errorCode: 'OAUTH_ORG_MISMATCH',
    });
  });

  it('passes on a failure that is not "not this kind" (the admin must see it)', async () => {
    const { client } = desk(
      {},
      { '/api/v1/users/12345': new ZohoError({ kind: 'rate-limited', status: 429, message: 'slow down' }) },
    );
    await expect(recognizePage(client, 'https://desk.zoho.com/agent/zylker/sales/x/12345')).rejects.toMatchObject({
      kind: 'rate-limited',
    });
  });

  it('refuses a tab that is not a Desk page, without calling Zoho', async () => {
    const { client, calls } = desk({});
    await expect(recognizePage(client, 'https://example.com/agent/a/b/12345')).rejects.toMatchObject({
      kind: 'invalid-request',
    });
    expect(calls).toEqual([]);
  });
});
