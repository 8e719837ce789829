/**
 * Paging by `from` (1-based) and `limit`, with each list's default and cap from Zoho's newest files:
 * a user's badges (default 50, at most 50), the organization's badges (default 10), users (default 50) and
 * help centers (no default: all from `from` on).
 */
import { describe, expect, it } from 'vitest';
import { DEMO_USER_ID, ZYLKER_ORG_ID } from '../../sandbox/data';
import { deskPerFile, type HttpResult } from './helpers';

const d = deskPerFile();

/** Badges of Zylker up to `count` in all, the new ones held by the demo user. */
function seedBadges(count: number): void {
  const { data } = d.t.sandbox.state;
  const user = data.users.find((u) => u.id === DEMO_USER_ID)!;
  for (let n = data.badges.filter((b) => b.orgId === ZYLKER_ORG_ID).length; n < count; n++) {
    const id = String(24073000005000000n + BigInt(n));
    data.badges.push({
      id,
      orgId: ZYLKER_ORG_ID,
      name: `Badge ${n}`,
      description: '',
      isCustom: true,
      levelName: null,
      iconId: '1',
    });
    user.badgeIds.push(id);
  }
}

/** Zylker's users up to `count`, the new ones copies of the demo user. */
function seedUsers(count: number): void {
  const { data } = d.t.sandbox.state;
  const model = data.users.find((u) => u.id === DEMO_USER_ID)!;
  for (let n = data.users.filter((u) => u.orgId === ZYLKER_ORG_ID).length; n < count; n++)
    data.users.push({ ...structuredClone(model), id: String(310975140000n + BigInt(n)), name: `User ${n}` });
}

function seedHelpCenters(count: number): void {
  const { data } = d.t.sandbox.state;
  for (let n = data.helpCenters.filter((h) => h.orgId === ZYLKER_ORG_ID).length; n < count; n++) {
    const id = String(7000000014000n + BigInt(n));
    data.helpCenters.push({
      id,
      orgId: ZYLKER_ORG_ID,
      name: `Help center ${n}`,
      portalName: `hc${n}`,
      portalId: id,
      departmentIds: [],
    });
  }
}

const ids = (res: HttpResult): string[] => {
  const body = res.json();
  return (Array.isArray(body) ? body : body.data).map((x: { id: string }) => x.id);
};

interface List {
  name: string;
  path: string;
  seed: () => void;
  /** Everything the list holds once seeded, in order. */
  all: () => string[];
  /** The page size without `limit`; undefined when it lists everything. */
  byDefault: number | undefined;
}

const LISTS: List[] = [
  {
    name: "a user's badges",
    path: `/users/${DEMO_USER_ID}/badges`,
    seed: () => seedBadges(64),
    all: () => d.t.sandbox.state.data.users.find((u) => u.id === DEMO_USER_ID)!.badgeIds,
    byDefault: 50,
  },
  {
    name: "the organization's badges",
    path: '/badges',
    seed: () => seedBadges(23),
    all: () => d.t.sandbox.state.data.badges.filter((b) => b.orgId === ZYLKER_ORG_ID).map((b) => b.id),
    byDefault: 10,
  },
  {
    name: 'users',
    path: '/users',
    seed: () => seedUsers(57),
    // Without a status, every user but the deleted ones.
    all: () =>
      d.t.sandbox.state.data.users.filter((u) => u.orgId === ZYLKER_ORG_ID && u.status !== 'DELETED').map((u) => u.id),
    byDefault: 50,
  },
  {
    name: 'help centers',
    path: '/helpCenters',
    seed: () => seedHelpCenters(62),
    all: () => d.t.sandbox.state.data.helpCenters.filter((h) => h.orgId === ZYLKER_ORG_ID).map((h) => h.id),
    byDefault: undefined,
  },
];

describe.each(LISTS)('$name', (list) => {
  const page = (query: string) => d.call('GET', `${list.path}${query}`);

  it('the first page without from or limit has the default size', async () => {
    list.seed();
    const all = list.all();
    expect(all.length).toBeGreaterThan(10);
    expect(ids(await page(''))).toEqual(all.slice(0, list.byDefault));
  });

  it('the next page starts where from says, the last is short, and past the end there is nothing (204)', async () => {
    list.seed();
    const all = list.all();
    const size = 7;
    expect(ids(await page(`?from=1&limit=${size}`))).toEqual(all.slice(0, size));
    expect(ids(await page(`?from=${size + 1}&limit=${size}`))).toEqual(all.slice(size, 2 * size));
    const lastFrom = all.length - (all.length % size || size) + 1;
    const last = ids(await page(`?from=${lastFrom}&limit=${size}`));
    expect(last).toEqual(all.slice(lastFrom - 1));
    expect(last.length).toBeLessThanOrEqual(size);
    const beyond = await page(`?from=${all.length + 1}&limit=${size}`);
    expect(beyond.status).toBe(204);
    expect(beyond.text).toBe('');
  });

  it('takes a limit of 50 and refuses 0, 51 and a from of 0', async () => {
    list.seed();
    expect(ids(await page('?limit=50'))).toEqual(list.all().slice(0, 50));
    for (const [query, field] of [
      ['?limit=0', 'limit'],
      ['?limit=51', 'limit'],
      ['?from=0', 'from'],
      ['?from=-3', 'from'],
    ]) {
      const res = await page(query!);
      expect(res.status, query).toBe(422);
      expect(res.json().errors[0].fieldName, query).toBe(`/${field}`);
    }
  });
});
