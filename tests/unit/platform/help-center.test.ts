import { describe, expect, it } from 'vitest';
import { ZohoError } from '../../../utils/platform/errors';
import type { DeskClient } from '../../../utils/platform/zoho/desk-client';
import { findUserByEmail, listOrganizationBadges, userBadgesView } from '../../../utils/platform/zoho/help-center';

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

describe('userBadgesView', () => {
  it('gives the user, the help center name and the badges', async () => {
    const { desk } = client({
      'GET /api/v1/users/42': carol,
      'GET /api/v1/users/42/badges': [{ id: '11', name: 'Rising Star', isCustom: 'false' }],
      'GET /api/v1/helpCenters': { data: [{ id: '7', name: 'Zylker Community' }] },
    });
    expect(await userBadgesView(desk, { userId: '42', helpCenterId: '7' })).toEqual({
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
      expect((await userBadgesView(desk, { userId: '42', helpCenterId: '7' })).helpCenter).toEqual({
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
    const { desk, paths } = client({});
    expect(await findUserByEmail(desk, 'nobody@zylker.com')).toBeNull();
    // It asked Zoho for exactly that email, and gave up there.
    expect(paths).toEqual(['GET /api/v1/users nobody@zylker.com']);
  });
});

describe('listOrganizationBadges', () => {
  it('reads every page of the organization badges, sorted by name', async () => {
    const froms: unknown[] = [];
    const first = Array.from({ length: 50 }, (_, i) => ({
      id: String(1000 + i),
      name: `Badge ${String(i).padStart(3, '0')}`,
    }));
    const desk: DeskClient = {
      async request(req) {
        expect(`${req.method} ${req.path}`).toBe('GET /api/v1/badges');
        froms.push(req.query?.from);
        // Zoho's spec allows a bare array or a `data` envelope; a page past the end is a 204.
        const raw = req.query?.from === 1 ? first : { data: [{ id: '7', name: 'Anchor', isCustom: 'true' }] };
        return { status: 200, data: req.schema.parse(raw) as never };
      },
    };
    const badges = await listOrganizationBadges(desk);
    expect(froms).toEqual([1, 51]);
    expect(badges).toHaveLength(51);
    expect(badges[0]).toEqual({ id: '7', name: 'Anchor', isCustom: true });
    expect(badges[1]).toEqual({ id: '1000', name: 'Badge 000' });
  });

  it('stops on a page with nothing new (a Zoho that ignores `from`)', async () => {
    const same = Array.from({ length: 100 }, (_, i) => ({ id: String(1000 + i), name: `B${i}` }));
    let calls = 0;
    const desk: DeskClient = {
      async request(req) {
        calls++;
        return { status: 200, data: req.schema.parse(same) as never };
      },
    };
    expect(await listOrganizationBadges(desk)).toHaveLength(100);
    expect(calls).toBe(2);
  });
});
