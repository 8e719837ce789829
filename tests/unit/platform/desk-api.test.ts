/**
 * Every Desk call the extension makes, as it goes on the wire (through the real Desk client), checked against the
 * operation of the same operationId in Zoho's newest OpenAPI files: method, path template, each query parameter's
 * type and bounds, and the JSON body. Paging is exercised at its edges: the first page, the next, and the last.
 */
import { describe, expect, it } from 'vitest';
import {
  associateBadgesToUsers,
  DESK_OPERATIONS,
  type DeskOperationName,
  deleteHelpCenterUserBadges,
  dissociateBadgesFromUsers,
  getAllHelpCenters,
  getBadges,
  getContact,
  getContactActivationStatusAcrossHelpCenters,
  getHelpCenter,
  getOrganizations,
  getUserBadges,
  getUserDetails,
  getUsers,
  MAX_PAGE_SIZE,
} from '../../../utils/platform/zoho/desk-api';
import { createDeskClient, memoryPageSizes } from '../../../utils/platform/zoho/desk-client';
import { loadDeskSpec } from '../../sandbox/oas';
import { fakeFetch, json, type RecordedRequest } from './fakes';

const spec = loadDeskSpec();

const badges = (count: number) => Array.from({ length: count }, (_, i) => ({ id: String(5000 + i), name: `B${i}` }));

/** A fake Desk that answers each list with `total` items, paged by from/limit as Zoho pages. */
function fakeDesk(total: number, options: { maxLimit?: number } = {}) {
  const items = badges(total);
  const page = (req: RecordedRequest) => {
    const url = new URL(req.url);
    const from = Number(url.searchParams.get('from') ?? 1);
    const limit = Number(url.searchParams.get('limit') ?? 50);
    if (options.maxLimit && limit > options.maxLimit) {
      return json(
        {
          errorCode: 'UNPROCESSABLE_ENTITY',
          message: `The value passed for field 'limit' exceeds the range of '1-${options.maxLimit}'`,
        },
        422,
      );
    }
    return items.slice(from - 1, from - 1 + limit);
  };
  const { fetch, requests } = fakeFetch([
    [/\/users\/\d+\/badges\/(dissociate|associate)/, json({ results: [{ id: '5000', success: true, errors: null }] })],
    [/\/helpcenter\/\d+\/users\/\d+\/badges/, new Response(null, { status: 204 })],
    [/\/users\/\d+\/badges/, (req) => (Array.isArray(page(req)) ? json(page(req)) : (page(req) as Response))],
    [/\/badges\?/, (req) => (Array.isArray(page(req)) ? json({ data: page(req) }) : (page(req) as Response))],
    [
      /\/helpCenters\?/,
      (req) => json({ data: (page(req) as { id: string }[]).map((b) => ({ id: b.id, name: 'HC' })) }),
    ],
    [/\/helpCenters\/\d+/, json({ id: '7', name: 'Community' })],
    ['/organizations', json({ data: [{ id: '600', companyName: 'Zylker' }] })],
    [
      /\/contacts\/\d+\/helpCenters/,
      json({
        data: [
          {
            helpCenter: { id: '7', name: 'Community', url: null, status: 'ACTIVE' },
            userStatus: 'ACTIVE',
            userId: '42',
          },
        ],
      }),
    ],
    [/\/contacts\/\d+/, json({ id: '900', email: 'carol@zylker.com' })],
    [/\/users\/\d+/, json({ id: '42', name: 'Carol' })],
    [/\/users(\?|$)/, json({ data: [{ id: '42', name: 'Carol' }] })],
  ]);
  let org = '600';
  const client = createDeskClient({
    fetch,
    auth: { getAccessToken: async () => '1000.a', invalidateAccessToken: async () => {} },
    deskHost: async () => 'https://desk.zoho.com',
    orgId: async () => org,
    pageSizes: memoryPageSizes(),
    sleep: async () => {},
  });
  const setOrg = (next: string) => {
    org = next;
  };
  return { client, requests, setOrg };
}

/** The template an operation's path fills: the one a recorded request belongs to. */
function operationOf(req: RecordedRequest): DeskOperationName {
  const path = new URL(req.url).pathname;
  const found = (Object.keys(DESK_OPERATIONS) as DeskOperationName[]).find((name) => {
    const op = DESK_OPERATIONS[name];
    return op.method === req.method && new RegExp(`^${op.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(path);
  });
  if (!found) throw new Error(`no operation for ${req.method} ${path}`);
  return found;
}

function problemsOf(req: RecordedRequest): string[] {
  const name = operationOf(req);
  const { operationId } = DESK_OPERATIONS[name];
  if (operationId === null) return [];
  const url = new URL(req.url);
  return spec.checkRequest(operationId, {
    method: req.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    ...(req.body ? { body: JSON.parse(req.body) } : {}),
  });
}

describe("every Desk call, checked against Zoho's newest spec", () => {
  it('keeps to each operation, paging included at its edges, and no endpoint is left out', async () => {
    // 120 items: the first page (from 1), the next (from 51), and the last, short one (from 101).
    const { client, requests } = fakeDesk(120);
    expect(await getUserBadges(client, '42')).toHaveLength(120);
    expect(await getBadges(client)).toHaveLength(120);
    expect(await getAllHelpCenters(client)).toHaveLength(120);
    await getOrganizations(client);
    await getHelpCenter(client, '7');
    await getUsers(client, { searchBy: 'carol@zylker.com', helpCenterId: '7', from: 11, limit: 10 });
    await getUsers(client, { helpCenterId: '7', from: 1, limit: MAX_PAGE_SIZE });
    await getUserDetails(client, '42');
    await getUserDetails(client, '42', { helpCenterId: '7' });
    await dissociateBadgesFromUsers(client, '42', ['5000', '5001']);
    await associateBadgesToUsers(client, '42', ['5000']);
    await getContact(client, '900');
    await getContactActivationStatusAcrossHelpCenters(client, '900');
    await deleteHelpCenterUserBadges(client, '7', '42', ['5000']);

    for (const req of requests) expect(problemsOf(req), `${req.method} ${req.url}`).toEqual([]);
    const pages = requests.filter((r) => operationOf(r) === 'getUserBadges').map((r) => new URL(r.url).search);
    expect(pages).toEqual(['?from=1&limit=50', '?from=51&limit=50', '?from=101&limit=50']);
    // Adding an endpoint to the module without a request here fails this.
    expect(new Set(requests.map(operationOf))).toEqual(new Set(Object.keys(DESK_OPERATIONS)));
    // The one route no spec file has is the only one without an operationId.
    expect(
      Object.entries(DESK_OPERATIONS)
        .filter(([, op]) => op.operationId === null)
        .map(([n]) => n),
    ).toEqual(['deleteHelpCenterUserBadges']);
  });

  it('the spec check bites: a page of 100, as the extension once sent, is refused', () => {
    expect(
      spec.checkRequest('getUserBadges', {
        method: 'GET',
        path: '/api/v1/users/42/badges',
        query: { from: '1', limit: '100' },
      }),
    ).toEqual(["The value passed for field 'limit' exceeds the range of '1-50'."]);
    expect(
      spec.checkRequest('dissociateBadgesFromUsers', {
        method: 'POST',
        path: '/api/v1/users/42/badges/dissociate',
        body: { badgeIds: [] },
      }),
    ).not.toEqual([]);
  });

  it('never sends an empty badge list, where Zoho could read "all"', async () => {
    const { client, requests } = fakeDesk(0);
    await expect(dissociateBadgesFromUsers(client, '42', [])).rejects.toThrow('No badge to send.');
    await expect(deleteHelpCenterUserBadges(client, '7', '42', [])).rejects.toThrow('No badge to send.');
    expect(requests).toEqual([]);
  });
});

describe('paging', () => {
  it('a user with 55 badges is read across two pages', async () => {
    const { client, requests } = fakeDesk(55);
    expect((await getUserBadges(client, '42')).map((b) => b.id)).toEqual(badges(55).map((b) => b.id));
    expect(requests.map((r) => new URL(r.url).search)).toEqual(['?from=1&limit=50', '?from=51&limit=50']);
  });

  it('stops when Zoho sends the same page again (it ignores from)', async () => {
    const items = badges(50);
    const { fetch, requests } = fakeFetch([['/badges', json(items)]]);
    const client = createDeskClient({
      fetch,
      auth: { getAccessToken: async () => '1000.a', invalidateAccessToken: async () => {} },
      deskHost: async () => 'https://desk.zoho.com',
      orgId: async () => '600',
    });
    expect(await getUserBadges(client, '42')).toHaveLength(50);
    expect(requests).toHaveLength(2);
  });
});

describe('a page size Zoho refuses', () => {
  it('is tried once smaller (the size its message names), then learned for that organization', async () => {
    const { client, requests, setOrg } = fakeDesk(60, { maxLimit: 25 });
    expect(await getUserBadges(client, '42')).toHaveLength(60);
    expect(requests.map((r) => new URL(r.url).search)).toEqual([
      '?from=1&limit=50',
      '?from=1&limit=25',
      '?from=26&limit=25',
      '?from=51&limit=25',
    ]);
    // Learned: the next read asks for 25 at once; another organization starts from the spec's size again.
    requests.length = 0;
    await getUserBadges(client, '43');
    expect(new URL(requests[0]!.url).search).toBe('?from=1&limit=25');
    requests.length = 0;
    setOrg('700');
    await getUserBadges(client, '43');
    expect(new URL(requests[0]!.url).search).toBe('?from=1&limit=50');
  });

  it('halves the page when Zoho names limit without a range, and fails clearly if that is refused too', async () => {
    const { fetch, requests } = fakeFetch([
      ['/badges', json({ errorCode: 'UNPROCESSABLE_ENTITY', message: "Invalid value for 'limit'" }, 422)],
    ]);
    const client = createDeskClient({
      fetch,
      auth: { getAccessToken: async () => '1000.a', invalidateAccessToken: async () => {} },
      deskHost: async () => 'https://desk.zoho.com',
      orgId: async () => '600',
    });
    await expect(getUserBadges(client, '42')).rejects.toMatchObject({
      kind: 'invalid-request',
      status: 422,
      message: expect.stringContaining("Invalid value for 'limit'"),
    });
    expect(requests.map((r) => new URL(r.url).searchParams.get('limit'))).toEqual(['50', '25']);
  });

  it('a 422 about another field is not retried', async () => {
    const { fetch, requests } = fakeFetch([
      [
        '/badges',
        json({ errorCode: 'UNPROCESSABLE_ENTITY', message: "The value passed for field 'from' is invalid" }, 422),
      ],
    ]);
    const client = createDeskClient({
      fetch,
      auth: { getAccessToken: async () => '1000.a', invalidateAccessToken: async () => {} },
      deskHost: async () => 'https://desk.zoho.com',
      orgId: async () => '600',
    });
    await expect(getUserBadges(client, '42')).rejects.toMatchObject({ status: 422 });
    expect(requests).toHaveLength(1);
  });
});
