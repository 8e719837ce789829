import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as z from 'zod/mini';
import { speak } from '../../../scripts/locale-files';
import {
  type CreditCount,
  createDeskClient,
  type DeskClient,
  observeCredits,
} from '../../../utils/platform/zoho/desk-client';
import { creditsSpent } from '../../../utils/platform/zoho/desk-errors';
import { createLimiter } from '../../../utils/platform/zoho/limiter';
import { userBadges } from '../../../utils/platform/zoho/schemas';
import { fakeFetch, json } from './fakes';

function client(routes: Parameters<typeof fakeFetch>[0], tokens = ['1000.a', '1000.b', '1000.c']) {
  const { fetch, requests } = fakeFetch(routes);
  const issued: string[] = [];
  const invalidated: string[] = [];
  const sleeps: number[] = [];
  const auth = {
    async getAccessToken() {
      const token = tokens[invalidated.length]!;
      issued.push(token);
      return token;
    },
    async invalidateAccessToken(token: string) {
      invalidated.push(token);
    },
  };
  const desk = createDeskClient({
    fetch,
    auth,
    deskHost: async () => 'https://desk.zoho.eu',
    orgId: async () => '60001234567',
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { desk, requests, invalidated, sleeps };
}

const badgesRequest = { method: 'GET' as const, path: '/api/v1/users/42/badges', schema: userBadges };
const BADGE = { id: '7', name: 'MVP', isCustom: 'true', description: null, iconUrl: null };

describe('createDeskClient', () => {
  it('sends the token, the orgId header and comma-joined arrays to the data center host', async () => {
    const { desk, requests } = client([['/badges', json({ results: [] })]]);
    await desk.request({
      method: 'DELETE',
      path: '/api/v1/helpcenter/1/users/42/badges',
      query: { badgeIds: ['7', '8'] },
      schema: z.unknown(),
    });
    expect(requests[0]).toMatchObject({
      url: 'https://desk.zoho.eu/api/v1/helpcenter/1/users/42/badges?badgeIds=7%2C8',
      method: 'DELETE',
      headers: { authorization: 'Zoho-oauthtoken 1000.a', orgid: '60001234567' },
    });
  });

  it('leaves out orgId for /organizations', async () => {
    const { desk, requests } = client([['/organizations', json({ data: [] })]]);
    await desk.request({ method: 'GET', path: '/api/v1/organizations', orgId: null, schema: z.unknown() });
    expect(requests[0]!.headers).not.toHaveProperty('orgid');
  });

  it('accepts a bare array, a data envelope and 204 for a user’s badges', async () => {
    const { desk } = client([
      ['/badges', [json([BADGE]), json({ data: [BADGE] }), new Response(null, { status: 204 })]],
    ]);
    expect((await desk.request(badgesRequest)).data).toEqual([{ ...BADGE, isCustom: true }]);
    expect((await desk.request(badgesRequest)).data).toHaveLength(1);
    expect((await desk.request(badgesRequest)).data).toEqual([]);
  });

  it('turns an unexpected shape into a clear error, never a wrong result', async () => {
    const { desk } = client([['/badges', json({ badges: 'none' })]]);
    await expect(desk.request(badgesRequest)).rejects.toMatchObject({
      kind: 'unexpected-response',
      message: expect.stringContaining('GET /api/v1/users/42/badges'),
    });
  });

  it('refreshes once on 401 INVALID_OAUTH and retries once, not twice', async () => {
    const invalid = () =>
      json({ errorCode: 'INVALID_OAUTH', message: 'The OAuth Token you provided is invalid.' }, 401);
    const { desk, requests, invalidated } = client([['/badges', invalid]]);
    await expect(desk.request(badgesRequest)).rejects.toMatchObject({ kind: 'reconnect', status: 401 });
    expect(requests.map((r) => r.headers.authorization)).toEqual(['Zoho-oauthtoken 1000.a', 'Zoho-oauthtoken 1000.b']);
    expect(invalidated).toEqual(['1000.a']);
  });

  it('succeeds on the retry after a refresh', async () => {
    const { desk, requests } = client([
      ['/badges', [json({ errorCode: 'INVALID_OAUTH', message: 'x' }, 401), json([BADGE])]],
    ]);
    expect((await desk.request(badgesRequest)).data).toHaveLength(1);
    expect(requests).toHaveLength(2);
  });

  it('waits for Retry-After on 429 and retries', async () => {
    const { desk, sleeps, requests } = client([
      [
        '/badges',
        [json({ errorCode: 'TOO_MANY_REQUESTS', message: 'slow down' }, 429, { 'Retry-After': '2' }), json([])],
      ],
    ]);
    expect((await desk.request(badgesRequest)).data).toEqual([]);
    expect(sleeps).toEqual([2000]);
    expect(requests).toHaveLength(2);
  });

  it('does not wait hours when the daily credits are used up', async () => {
    const { desk, sleeps } = client([
      ['/badges', json({ errorCode: 'TOO_MANY_REQUESTS', message: 'x' }, 429, { 'Retry-After': '36000' })],
    ]);
    await expect(desk.request(badgesRequest)).rejects.toMatchObject({
      kind: 'rate-limited',
      retryAfterSeconds: 36000,
      message: expect.stringContaining('daily API credits'),
    });
    expect(sleeps).toEqual([]);
  });

  it('TOO_MANY_REQUESTS (no Retry-After): backs off with jitter, and allows one call fewer than were in flight', async () => {
    let active = 0;
    let peakAfterRefusal = 0;
    let refused = false;
    const sleeps: number[] = [];
    const fetch = (async () => {
      active++;
      await new Promise((r) => setTimeout(r, 5));
      const first = !refused;
      if (refused) peakAfterRefusal = Math.max(peakAfterRefusal, active);
      active--;
      if (first && active === 0) refused = true;
      // Zoho refuses the first wave (too many at once for the organization); later calls go through.
      return first ? json({ errorCode: 'TOO_MANY_REQUESTS', message: 'Too many requests' }, 429) : json([]);
    }) as unknown as typeof globalThis.fetch;
    const desk = createDeskClient({
      fetch,
      auth: { getAccessToken: async () => '1000.a', invalidateAccessToken: async () => {} },
      deskHost: async () => 'https://desk.zoho.eu',
      orgId: async () => '600',
      maxConcurrent: 5,
      random: () => 0.25,
      sleep: async (ms) => {
        sleeps.push(ms);
        await new Promise((r) => setTimeout(r, 1));
      },
    });
    await Promise.all(Array.from({ length: 5 }, () => desk.request(badgesRequest)));
    // 1 s doubled per try, times 0.5 + jitter (0.25 here); never Retry-After's fixed second.
    expect(sleeps).toEqual([750, 750, 750, 750, 750]);
    // Five were in flight when Zoho refused: from then on at most four.
    expect(desk.ceiling()).toBe(4);
    expect(peakAfterRefusal).toBeLessThanOrEqual(4);
    desk.setCeiling(undefined);
    expect(desk.ceiling()).toBeUndefined();
  });

  it('TOO_MANY_REQUESTS for a call sent alone: backs off and retries, and lowers nothing (others held the slots)', async () => {
    const { desk, sleeps } = client([
      ['/badges', [json({ errorCode: 'TOO_MANY_REQUESTS', message: 'Too many requests' }, 429), json([])]],
    ]);
    await desk.request(badgesRequest);
    expect(sleeps).toHaveLength(1);
    expect(desk.ceiling()).toBeUndefined();
  });

  it('THRESHOLD_EXCEEDED: the day’s credits are spent; not retried, with when they return', async () => {
    const { desk, sleeps, requests } = client([
      ['/badges', json({ errorCode: 'THRESHOLD_EXCEEDED', message: 'limit' }, 429, { 'Retry-After': '7200' })],
    ]);
    await expect(desk.request(badgesRequest)).rejects.toMatchObject({
      kind: 'rate-limited',
      errorCode: 'THRESHOLD_EXCEEDED',
      retryAfterSeconds: 7200,
      message: expect.stringContaining('daily API credits'),
    });
    expect(sleeps).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(creditsSpent({ errorCode: 'THRESHOLD_EXCEEDED' })).toBe(true);
    expect(creditsSpent({ errorCode: 'TOO_MANY_REQUESTS' })).toBe(false);
    expect(creditsSpent({ errorCode: 'THRESHOLD_EXCEEDED', retryAfterSeconds: 1 })).toBe(false);
  });

  it('says when the credits return with the hour word agreeing with the number, in Arabic too', async () => {
    const spent = (hours: number) =>
      client([
        [
          '/badges',
          json({ errorCode: 'THRESHOLD_EXCEEDED', message: 'limit' }, 429, { 'Retry-After': String(hours * 3600) }),
        ],
      ]).desk.request(badgesRequest);
    await expect(spent(1)).rejects.toMatchObject({ message: expect.stringContaining('(they renew in about 1 hour).') });
    await expect(spent(5)).rejects.toMatchObject({ message: expect.stringContaining('about 5 hours') });
    speak(fakeBrowser.i18n, 'ar');
    const arabic = (hours: number) => spent(hours).catch((error: Error) => error.message);
    // Arabic counts 3 to 10 with the plural ساعات, 11 and more with the singular ساعة.
    expect(await arabic(5)).toMatch(/(5|٥) ساعات\)/);
    expect(await arabic(12)).toMatch(/(12|١٢) ساعة\)/);
  });

  it('gives up after three 429s', async () => {
    const { desk, requests } = client([
      ['/badges', json({ errorCode: 'TOO_MANY_REQUESTS', message: 'x' }, 429, { 'Retry-After': '1' })],
    ]);
    await expect(desk.request(badgesRequest)).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(requests).toHaveLength(3);
  });

  it.each([
    [json({ errorCode: 'SCOPE_MISMATCH', message: 'scope' }, 403), 'scope'],
    [json({ errorCode: 'FORBIDDEN', message: 'no' }, 403), 'forbidden'],
    [json({ errorCode: 'URL_NOT_FOUND', message: 'The URL you requested is not found' }, 404), 'not-found'],
    [json({ errorCode: 'METHOD_NOT_ALLOWED', message: 'no' }, 405), 'method-not-allowed'],
    [json({ errorCode: 'UNPROCESSABLE_ENTITY', message: 'bad' }, 422), 'invalid-request'],
    [new Response('<html>Bad gateway</html>', { status: 502 }), 'server'],
  ])('maps %# to a typed error', async (reply, kind) => {
    const { desk } = client([['/badges', reply]]);
    const error = await desk.request(badgesRequest).catch((e) => e);
    expect(error).toMatchObject({ kind });
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('reports an HTML error page as a server error with its status', async () => {
    const { desk } = client([['/badges', new Response('<html>Bad gateway</html>', { status: 502 })]]);
    const error = await desk.request(badgesRequest).catch((e) => e);
    expect(error).toMatchObject({ kind: 'server', status: 502 });
    expect(error.message).toContain('HTTP 502');
  });

  it('reports a dropped connection as a network error', async () => {
    const { desk } = client([['/badges', new TypeError('Failed to fetch')]]);
    await expect(desk.request(badgesRequest)).rejects.toMatchObject({ kind: 'network' });
  });

  it('reads the credits left and what the call cost', async () => {
    const { desk } = client([
      ['/badges', json([], 200, { 'X-Rate-Limit-Remaining-v3': '74990', 'X-Rate-Limit-Request-Weight-v3': '1' })],
    ]);
    const res = await desk.request(badgesRequest);
    expect(res.creditsRemaining).toBe(74990);
    expect(res.creditWeight).toBe(1);
  });

  it('ignores credit headers that are not counts', async () => {
    const { desk } = client([
      ['/badges', json([], 200, { 'X-Rate-Limit-Remaining-v3': '', 'X-Rate-Limit-Request-Weight-v3': 'n/a' })],
    ]);
    const res = await desk.request(badgesRequest);
    expect(res).not.toHaveProperty('creditsRemaining');
    expect(res).not.toHaveProperty('creditWeight');
  });

  it('observeCredits tells what each reply says of the credits, with when its call left and came back, and nothing for a reply without them', async () => {
    const { desk } = client([
      [
        '/badges',
        [json([], 200, { 'X-Rate-Limit-Remaining-v3': '500', 'X-Rate-Limit-Request-Weight-v3': '2' }), json([])],
      ],
    ]);
    const seen: CreditCount[] = [];
    let clock = 1000;
    const observed = observeCredits(
      desk,
      (count) => seen.push(count),
      () => (clock += 10),
    );
    await observed.request(badgesRequest);
    await observed.request(badgesRequest);
    expect(seen).toEqual([{ remaining: 500, weight: 2, sentAt: 1010, at: 1020 }]);
  });
});

describe('createLimiter', () => {
  it('never runs more than the limit at once, even as slots change hands', async () => {
    const limiter = createLimiter(3);
    let active = 0;
    let peak = 0;
    const task = async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 1));
      active--;
    };
    await Promise.all(Array.from({ length: 20 }, () => limiter.run(task)));
    expect(peak).toBe(3);
  });
});

describe("Zoho's error codes", () => {
  const desk = (body: unknown, status: number, headers: Record<string, string> = {}) => {
    let calls = 0;
    const { fetch } = fakeFetch([
      [
        '/badges',
        () => {
          calls++;
          return calls === 1 ? json(body, status, headers) : json([], 200);
        },
      ],
    ]);
    const sleeps: number[] = [];
    const client = createDeskClient({
      fetch,
      auth: { getAccessToken: async () => '1000.a', invalidateAccessToken: async () => {} },
      deskHost: async () => 'https://desk.zoho.com',
      orgId: async () => '1',
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    return { client, sleeps, calls: () => calls };
  };
  const read = (client: DeskClient) =>
    client.request({ method: 'GET', path: '/api/v1/users/42/badges', schema: userBadges });

  it('THRESHOLD_EXCEEDED is a rate limit: waited for and retried', async () => {
    const { client, sleeps, calls } = desk({ errorCode: 'THRESHOLD_EXCEEDED', message: 'slow' }, 400, {
      'Retry-After': '2',
    });
    expect((await read(client)).data).toEqual([]);
    expect(sleeps).toEqual([2000]);
    expect(calls()).toBe(2);
  });

  for (const [code, status, says] of [
    ['LICENSE_ACCESS_LIMITED', 403, /edition or license/],
    ['ONLY_LIVECHAT_USER', 403, /live-chat-only/],
    ['INTEGRATION_ADMIN_ERROR', 403, /needs an administrator/],
    ['EMPTY_PAYLOAD', 400, /without its content/],
    ['FORBIDDEN', 403, /may not do this/],
  ] as const) {
    it(`${code} says what happened and what to do`, async () => {
      const { client } = desk({ errorCode: code }, status);
      const error = await read(client).catch((e) => e);
      expect(error.message).toMatch(says);
      expect(error.action).toBeTruthy();
      expect(error.errorCode).toBe(code);
    });
  }
});
