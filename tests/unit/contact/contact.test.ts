import { describe, expect, it } from 'vitest';
import { findContactUsers } from '../../../utils/contact/contact';
import { ZohoError } from '../../../utils/platform/errors';
import type { DeskClient } from '../../../utils/platform/zoho/desk-client';

interface FakeUser {
  id: string;
  name: string;
  email: string;
  contactId: string;
  hcs: string[];
}

/** A fake Desk with help centers, users (list items without contactId, like Zoho) and one contact. */
/**
 * `contactHelpCenters`: how Zoho answers `GET /contacts/{id}/helpCenters`; absent, 404 as Zoho answers a path it lacks
 * (the fallback's tests).
 */
function desk(
  users: FakeUser[],
  options: { listHelpCenters?: boolean | 403; contactHelpCenters?: unknown | 404 | 405 | 500 } = {},
) {
  const calls: string[] = [];
  const helpCenters = [
    { id: '7', name: 'Community' },
    { id: '8', name: 'Partners' },
  ];
  const contact = { id: '900', email: 'carol@zylker.com', firstName: 'Carol', lastName: 'Diaz' };
  const client: DeskClient = {
    async request(req) {
      calls.push(`${req.method} ${req.path}${req.query?.helpCenterId ? `?hc=${req.query.helpCenterId}` : ''}`);
      let raw: unknown;
      if (req.path === '/api/v1/contacts/900/helpCenters') {
        const answer = options.contactHelpCenters ?? 404;
        if (answer === 404)
          throw new ZohoError({ kind: 'not-found', status: 404, errorCode: 'URL_NOT_FOUND', message: 'x' });
        if (answer === 405) {
          throw new ZohoError({
            kind: 'method-not-allowed',
            status: 405,
            errorCode: 'METHOD_NOT_ALLOWED',
            message: 'x',
          });
        }
        if (answer === 500)
          throw new ZohoError({ kind: 'server', status: 500, message: 'Zoho Desk failed with HTTP 500.' });
        raw = answer;
      } else if (req.path === '/api/v1/contacts/900') raw = contact;
      else if (req.path === '/api/v1/helpCenters') {
        if (options.listHelpCenters === false) {
          throw new ZohoError({ kind: 'not-found', status: 404, errorCode: 'URL_NOT_FOUND', message: 'x' });
        }
        if (options.listHelpCenters === 403) {
          throw new ZohoError({ kind: 'forbidden', status: 403, errorCode: 'FORBIDDEN', message: 'x' });
        }
        raw = { data: helpCenters };
      } else if (req.path === '/api/v1/users') {
        const hc = req.query?.helpCenterId as string | undefined;
        const found = users
          .filter((u) => u.email.includes(String(req.query?.searchBy)) && (!hc || u.hcs.includes(hc)))
          .map((u) => ({ id: u.id, name: u.name, emailAddress: u.email }));
        raw = found.length ? { data: found } : null;
      } else {
        const user = users.find((u) => req.path === `/api/v1/users/${u.id}`);
        if (!user) throw new ZohoError({ kind: 'not-found', status: 404, message: 'x' });
        raw = { id: user.id, name: user.name, contactId: user.contactId, email: [{ emailAddress: user.email }] };
      }
      return { status: 200, data: req.schema.parse(raw) as never };
    },
  };
  return { client, calls };
}

const carol = (over: Partial<FakeUser> = {}): FakeUser => ({
  id: '42',
  name: 'Carol Diaz',
  email: 'carol@zylker.com',
  contactId: '900',
  hcs: ['7'],
  ...over,
});

describe('findContactUsers', () => {
  it('maps a contact to its user in one help center', async () => {
    const { client } = desk([carol()]);
    expect(await findContactUsers(client, '900')).toEqual({
      contact: { id: '900', name: 'Carol Diaz', email: 'carol@zylker.com' },
      memberships: [
        {
          helpCenter: { id: '7', name: 'Community' },
          user: { id: '42', name: 'Carol Diaz', email: 'carol@zylker.com' },
        },
      ],
    });
  });

  it('lists each help center the contact is an end user of', async () => {
    const { client, calls } = desk([carol({ hcs: ['7', '8'] })]);
    const view = await findContactUsers(client, '900');
    expect(view.memberships.map((m) => [m.helpCenter?.name, m.user.id])).toEqual([
      ['Community', '42'],
      ['Partners', '42'],
    ]);
    // The user's record is read once, however many help centers list them.
    expect(calls.filter((c) => c === 'GET /api/v1/users/42')).toHaveLength(1);
  });

  it('says plainly when the contact is no Help Center user', async () => {
    const { client } = desk([]);
    expect((await findContactUsers(client, '900')).memberships).toEqual([]);
  });

  it('never uses a user whose email matches but whose contactId is another', async () => {
    const { client } = desk([carol({ id: '77', contactId: '901' })]);
    expect((await findContactUsers(client, '900')).memberships).toEqual([]);
  });

  it('ignores a user whose email only contains the contact email', async () => {
    const { client } = desk([carol({ id: '78', email: 'old.carol@zylker.com' })]);
    expect((await findContactUsers(client, '900')).memberships).toEqual([]);
  });

  it.each([false, 403] as const)(
    'searches once across help centers when Zoho will not list them (%s)',
    async (listHelpCenters) => {
      const { client, calls } = desk([carol()], { listHelpCenters });
      const view = await findContactUsers(client, '900');
      expect(view.memberships).toEqual([{ user: { id: '42', name: 'Carol Diaz', email: 'carol@zylker.com' } }]);
      expect(calls.filter((c) => c.startsWith('GET /api/v1/users?') || c === 'GET /api/v1/users')).toEqual([
        'GET /api/v1/users',
      ]);
    },
  );

  it("uses Zoho's documented call when it has it: one call, no email search", async () => {
    const { client, calls } = desk([carol({ hcs: ['7', '8'] })], {
      contactHelpCenters: {
        data: [
          {
            helpCenter: { id: '7', name: 'Community', url: null, status: 'ACTIVE' },
            userStatus: 'ACTIVE',
            userId: '42',
          },
          { helpCenter: { id: 8, name: null, url: null, status: 'ACTIVE' }, userStatus: 'ACTIVE', userId: 42 },
          // Says nothing: no user in that help center.
          { helpCenter: { id: '9', name: 'Staff', url: null, status: 'DISABLED' }, userStatus: null, userId: null },
          null,
        ],
      },
    });
    expect(await findContactUsers(client, '900')).toEqual({
      contact: { id: '900', name: 'Carol Diaz', email: 'carol@zylker.com' },
      memberships: [
        {
          helpCenter: { id: '7', name: 'Community' },
          user: { id: '42', name: 'Carol Diaz', email: 'carol@zylker.com' },
        },
        {
          helpCenter: { id: '8', name: 'Help center 8' },
          user: { id: '42', name: 'Carol Diaz', email: 'carol@zylker.com' },
        },
      ],
    });
    expect(calls).toEqual(['GET /api/v1/contacts/900', 'GET /api/v1/contacts/900/helpCenters']);
  });

  it('an empty answer means no Help Center user, without an email search', async () => {
    const { client, calls } = desk([carol()], { contactHelpCenters: { data: [] } });
    expect((await findContactUsers(client, '900')).memberships).toEqual([]);
    expect(calls).toHaveLength(2);
  });

  it.each([404, 405] as const)('falls back to the email search only when the call is missing (%s)', async (status) => {
    const { client, calls } = desk([carol()], { contactHelpCenters: status });
    expect((await findContactUsers(client, '900')).memberships.map((m) => m.user.id)).toEqual(['42']);
    expect(calls).toContain('GET /api/v1/users?hc=7');
  });

  it('any other failure is said, never hidden by the fallback', async () => {
    const { client, calls } = desk([carol()], { contactHelpCenters: 500 });
    await expect(findContactUsers(client, '900')).rejects.toMatchObject({ kind: 'server', status: 500 });
    expect(calls.some((c) => c.startsWith('GET /api/v1/users'))).toBe(false);
  });
});
