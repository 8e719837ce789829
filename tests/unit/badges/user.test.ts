import { describe, expect, it } from 'vitest';
import { findUserByEmail, getUserBadges } from '../../../utils/badges/user';
import type { DeskClient } from '../../../utils/zoho/desk-client';
import { ZohoError } from '../../../utils/zoho/errors';

function client(replies: Record<string, unknown | ZohoError>) {
  const paths: string[] = [];
  const desk: DeskClient = {
    async request(req) {
      const key = `${req.method} ${req.path}`;
      paths.push(`${key}${req.query?.searchBy ? ` ${req.query.searchBy}` : ''}`);
      const raw = replies[key];
      if (raw instanceof ZohoError) throw raw;
      const parsed = req.schema.safeParse(raw === undefined ? null : raw);
      if (!parsed.success) throw new Error(`bad fake reply for ${key}`);
      return { status: 200, data: parsed.data as never };
    },
  };
  return { desk, paths };
}

const carol = {
  id: '42',
  name: 'Carol Diaz',
  contactId: '9',
  email: [{ emailAddress: 'carol@zylker.com', isPrimary: 'true' }],
};

describe('getUserBadges', () => {
  it('gives the user, the help center name and the badges', async () => {
    const { desk } = client({
      'GET /api/v1/users/42': carol,
      'GET /api/v1/users/42/badges': [{ id: '11', name: 'Rising Star', isCustom: 'false' }],
      'GET /api/v1/helpCenters': { data: [{ id: '7', name: 'Zylker Community' }] },
    });
    expect(await getUserBadges(desk, { userId: '42', helpCenterId: '7' })).toEqual({
      user: { id: '42', name: 'Carol Diaz', email: 'carol@zylker.com', contactId: '9' },
      helpCenter: { id: '7', name: 'Zylker Community' },
      badges: [{ id: '11', name: 'Rising Star', isCustom: false }],
    });
  });

  it.each([
    ['not-found', 404, 'URL_NOT_FOUND'],
    ['forbidden', 403, 'FORBIDDEN'],
    ['method-not-allowed', 405, 'METHOD_NOT_ALLOWED'],
  ] as const)(
    'does without the help center name when Zoho answers /helpCenters with %s',
    async (kind, status, code) => {
      const { desk } = client({
        'GET /api/v1/users/42': carol,
        'GET /api/v1/users/42/badges': [],
        'GET /api/v1/helpCenters': new ZohoError({ kind, status, errorCode: code, message: 'x' }),
      });
      expect((await getUserBadges(desk, { userId: '42', helpCenterId: '7' })).helpCenter).toEqual({
        id: '7',
        name: 'Help Center 7',
      });
    },
  );
});

describe('findUserByEmail', () => {
  it('keeps only an exact, case-insensitive email match', async () => {
    const { desk } = client({
      'GET /api/v1/users': {
        data: [
          { id: '1', name: 'Carol Other', emailAddress: 'carol@zylker.com.au' },
          { id: '42', name: 'Carol Diaz', emailAddress: 'Carol@Zylker.com' },
        ],
      },
    });
    expect(await findUserByEmail(desk, 'carol@zylker.com')).toMatchObject({ id: '42', name: 'Carol Diaz' });
  });

  it('answers null for an empty search (204)', async () => {
    const { desk } = client({});
    expect(await findUserByEmail(desk, 'nobody@zylker.com')).toBeNull();
  });
});
