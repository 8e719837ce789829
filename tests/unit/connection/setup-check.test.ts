import { describe, expect, it } from 'vitest';
import { checkSetup, describeShape, setupReport } from '../../../utils/connection/setup-check';
import { ZohoError } from '../../../utils/platform/errors';
import { getBadges, getUserBadges, MAX_PAGE_SIZE } from '../../../utils/platform/zoho/desk-api';
import type { DeskClient } from '../../../utils/platform/zoho/desk-client';

const CAROL = { id: '42', name: 'Carol Diaz', emailAddress: 'carol@zylker.com', photoURL: null };

/** A fake Desk answering by path; an Error value is thrown. `queries` keeps what each request asked, by path. */
function desk(replies: Record<string, unknown>) {
  const paths: string[] = [];
  const queries: Record<string, unknown[]> = {};
  const client: DeskClient = {
    async request(req) {
      paths.push(`${req.method} ${req.path}`);
      queries[req.path] = [...(queries[req.path] ?? []), req.query];
      const reply = replies[req.path];
      if (reply instanceof Error) throw reply;
      return { status: reply === null ? 204 : 200, data: req.schema.parse(reply ?? null) as never };
    },
  };
  return { client, paths, queries };
}

const HEALTHY = {
  '/api/v1/organizations': { data: [{ id: '600', companyName: 'Zylker', isDefault: true }] },
  '/api/v1/helpCenters': { data: [{ id: '7', name: 'Zylker Community' }] },
  '/api/v1/users': { data: [CAROL] },
  '/api/v1/users/42/badges': [{ id: '11', name: 'Rising Star' }],
  '/api/v1/badges': { data: [{ id: '11', name: 'Rising Star' }] },
};

const statuses = (check: Awaited<ReturnType<typeof checkSetup>>) =>
  Object.fromEntries(check.probes.map((p) => [p.id, p.status]));

describe('checkSetup', () => {
  it('passes every probe on a healthy organization, with reads only', async () => {
    const { client, paths } = desk(HEALTHY);
    const check = await checkSetup(client, () => 5);
    expect(statuses(check)).toEqual({
      organizations: 'passed',
      'help-centers': 'passed',
      user: 'passed',
      'user-badges': 'passed',
      'org-badges': 'passed',
    });
    expect(paths.every((p) => p.startsWith('GET '))).toBe(true);
  });

  it('probes badge reads with the paging the product reads with, so it fails where the product would', async () => {
    const product = desk(HEALTHY);
    await getUserBadges(product.client, '42');
    await getBadges(product.client);
    const probes = desk(HEALTHY);
    await checkSetup(probes.client, () => 5);
    for (const path of ['/api/v1/users/42/badges', '/api/v1/badges']) {
      expect(probes.queries[path], path).toEqual([product.queries[path]![0]]);
      expect(probes.queries[path]![0], path).toEqual({ from: 1, limit: MAX_PAGE_SIZE });
    }
  });

  it('warns, and says what to do, when Zoho will not list help centers', async () => {
    const { client } = desk({
      ...HEALTHY,
      '/api/v1/helpCenters': new ZohoError({ kind: 'forbidden', status: 403, errorCode: 'FORBIDDEN', message: 'no' }),
    });
    const probe = (await checkSetup(client, () => 5)).probes.find((p) => p.id === 'help-centers')!;
    expect(probe).toMatchObject({ status: 'warning', httpStatus: 403, errorCode: 'FORBIDDEN' });
    expect(probe.action).toContain('type the help center ID');
  });

  it('fails a reply whose shape the extension does not read, and reports the shape without values', async () => {
    const { client } = desk({ ...HEALTHY, '/api/v1/users/42/badges': { items: [{ badgeId: 11, title: 'Secret' }] } });
    const probe = (await checkSetup(client, () => 5)).probes.find((p) => p.id === 'user-badges')!;
    expect(probe.status).toBe('failed');
    expect(probe.shape).toBe('{items: [{badgeId: number, title: string}]}');
  });

  it('fails with the scope to grant when the token lacks one', async () => {
    const { client } = desk({
      ...HEALTHY,
      '/api/v1/badges': new ZohoError({
        kind: 'scope',
        status: 403,
        errorCode: 'SCOPE_MISMATCH',
        message: 'The Zoho connection lacks a permission this action needs.',
        action: 'Reconnect in the options page to grant the permissions the extension needs.',
      }),
    });
    const probe = (await checkSetup(client, () => 5)).probes.find((p) => p.id === 'org-badges')!;
    expect(probe).toMatchObject({ status: 'failed', errorCode: 'SCOPE_MISMATCH' });
    expect(probe.action).toContain('Reconnect');
  });

  it('skips the badge read when there is no user, and warns about that', async () => {
    const { client } = desk({ ...HEALTHY, '/api/v1/users': null });
    expect(statuses(await checkSetup(client, () => 5))).toMatchObject({ user: 'warning', 'user-badges': 'skipped' });
  });
});

describe('setupReport', () => {
  it('holds statuses, codes and shapes, and nothing personal', async () => {
    const { client } = desk({
      ...HEALTHY,
      '/api/v1/helpCenters': new ZohoError({
        kind: 'not-found',
        status: 404,
        errorCode: 'URL_NOT_FOUND',
        message: 'x',
      }),
    });
    const report = setupReport(await checkSetup(client, () => Date.UTC(2026, 11, 1)), {
      version: '0.1.0',
      browser: 'Chrome/156.0',
      dataCenter: 'us',
    });
    expect(report).toContain('PASSED GET /api/v1/users/{userId}/badges');
    expect(report).toContain('WARNING GET /api/v1/helpCenters · HTTP 404 · errorCode URL_NOT_FOUND');
    expect(report).toContain('Extension 0.1.0 · Chrome/156.0');
    for (const personal of ['Carol', 'carol@zylker.com', 'Zylker', 'Rising Star', '42', '600', '1000.']) {
      expect(report).not.toContain(personal);
    }
  });
});

describe('describeShape', () => {
  it('names types, not values, and stops at depth', () => {
    expect(describeShape({ a: 1, b: 'x', c: null, d: [true], e: { f: [] } })).toBe(
      '{a: number, b: string, c: null, d: [boolean], e: {f: []}}',
    );
    expect(describeShape({ 'carol@zylker.com': 1 })).toBe('{?: number}');
  });
});
