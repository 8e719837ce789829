import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_USER_ID, ZYLKER_BADGES } from '../../sandbox/data';
import { call, connect, connectedSandboxPerFile, desk, T0, type TestSandbox } from './helpers';

let t: TestSandbox;
let token: string;
connectedSandboxPerFile((sandbox, accessToken) => {
  t = sandbox;
  token = accessToken;
});

const badgesOf = (id: string) => t.sandbox.state.data.users.find((u) => u.id === id)!.badgeIds;
const dissociate = (badgeId: string) =>
  desk(t.sandbox, token, 'POST', `/users/${DEMO_USER_ID}/badges/dissociate`, { json: { badgeIds: [badgeId] } });

describe('concurrency limit', () => {
  it('answers 429 TOO_MANY_REQUESTS without Retry-After beyond the limit, and never runs more than the limit at once', async () => {
    // Long enough that all eight are in flight together even on a loaded machine.
    await t.control.configure({ concurrencyLimit: 3, latencyMs: 1000 });
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => desk(t.sandbox, token, 'GET', `/users/${DEMO_USER_ID}/badges`)),
    );
    const ok = replies.filter((r) => r.status === 200);
    const limited = replies.filter((r) => r.status === 429);
    expect(ok).toHaveLength(3);
    expect(limited).toHaveLength(5);
    for (const r of limited) {
      expect(r.headers['retry-after']).toBeUndefined();
      expect(r.json().errorCode).toBe('TOO_MANY_REQUESTS');
      expect(r.headers['x-rate-limit-request-weight-v3']).toBe('0');
    }
    const state = await t.control.getState();
    expect(state.stats.maxConcurrentSeen).toBe(3);
    expect(state.stats.rateLimited).toBe(5);
    // Once the calls are done the slots are free again.
    expect((await desk(t.sandbox, token, 'GET', `/users/${DEMO_USER_ID}`)).status).toBe(200);
  });
});

describe('daily credits', () => {
  it('charges 1 for a record, 3 for a list and 2 for a write (a 404 costs what a record does)', async () => {
    const weights: [string, string, string][] = [
      ['GET', `/users/${DEMO_USER_ID}`, '1'],
      ['GET', '/helpCenters/7000000012001', '1'],
      ['GET', `/users/${DEMO_USER_ID}/badges`, '3'],
      ['GET', '/users', '3'],
      ['GET', '/badges', '3'],
      ['GET', '/helpCenters', '3'],
      ['GET', '/organizations', '3'],
      ['GET', '/nothing/here', '1'],
    ];
    for (const [method, path, weight] of weights) {
      const res = await desk(t.sandbox, token, method, path);
      expect(res.headers['x-rate-limit-request-weight-v3'], path).toBe(weight);
    }
    const write = await dissociate(ZYLKER_BADGES.newcomer);
    expect(write.headers['x-rate-limit-request-weight-v3']).toBe('2');
    expect((await t.control.getState()).stats.creditsUsed).toBe(1 + 1 + 3 * 5 + 1 + 2);
  });

  it('counts down in X-Rate-Limit-Remaining-v3 and answers 429 until midnight UTC when spent', async () => {
    await t.control.configure({ dailyCredits: 5 });
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await desk(t.sandbox, token, 'GET', `/users/${DEMO_USER_ID}`);
      expect(res.headers['x-rate-limit-request-weight-v3']).toBe('1');
      remaining.push(String(res.headers['x-rate-limit-remaining-v3']));
    }
    expect(remaining).toEqual(['4', '3', '2']);
    const write = await dissociate(ZYLKER_BADGES.newcomer);
    expect(write.headers['x-rate-limit-request-weight-v3']).toBe('2');
    expect(write.headers['x-rate-limit-remaining-v3']).toBe('0');
    const spent = await desk(t.sandbox, token, 'GET', `/users/${DEMO_USER_ID}`);
    expect(spent.status).toBe(429);
    expect(spent.json().errorCode).toBe('THRESHOLD_EXCEEDED');
    // T0 is 12:00 UTC: twelve hours to midnight.
    expect(spent.headers['retry-after']).toBe(String(12 * 3600));
    expect(spent.headers['x-rate-limit-remaining-v3']).toBe('0');
    // Errors other than 401 carry the headers too; a new UTC day brings the credits back.
    t.clock.advance(12 * 3600_000);
    token = (await connect(t.sandbox, { prompt: 'consent' })).accessToken;
    const missing = await desk(t.sandbox, token, 'GET', '/users/1');
    expect(missing.status).toBe(404);
    expect(missing.headers['x-rate-limit-remaining-v3']).toBe('4');
  });
});

describe('faults', () => {
  it('replies with an injected status and Zoho error body without doing the work, `times` counting down', async () => {
    const fault = await t.control.addFault({ method: 'POST', path: '/badges/dissociate$', status: 500, times: 1 });
    const failed = await dissociate(ZYLKER_BADGES.newcomer);
    expect(failed.status).toBe(500);
    expect(failed.json()).toEqual({ errorCode: 'INTERNAL_SERVER_ERROR', message: 'Injected fault (HTTP 500).' });
    expect(badgesOf(DEMO_USER_ID)).toContain(ZYLKER_BADGES.newcomer);
    expect(await t.control.faults()).toEqual([]);
    expect((await dissociate(ZYLKER_BADGES.newcomer)).status).toBe(200);
    const log = await t.control.requests({ path: 'dissociate' });
    expect(log.map((e) => [e.status, e.faultId])).toEqual([
      [500, fault.id],
      [200, undefined],
    ]);
  });

  it('can send a custom body and headers, e.g. a 429 with Retry-After', async () => {
    await t.control.addFault({
      path: '^/api/v1/users/\\d+/badges$',
      host: 'desk.zoho.com',
      status: 429,
      headers: { 'Retry-After': '2' },
      body: { errorCode: 'TOO_MANY_REQUESTS', message: 'slow down' },
    });
    const res = await desk(t.sandbox, token, 'GET', `/users/${DEMO_USER_ID}/badges`);
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('2');
    expect(res.json().message).toBe('slow down');
    // Another host is not affected.
    expect((await call(t.sandbox, { host: 'desk.zoho.eu', path: '/agent/zylker/zylker/tickets' })).status).toBe(200);
  });

  it("drop 'before' closes the connection and changes nothing", async () => {
    await t.control.addFault({ path: '/badges/dissociate$', drop: 'before', times: 1 });
    await expect(dissociate(ZYLKER_BADGES.newcomer)).rejects.toThrow();
    expect(badgesOf(DEMO_USER_ID)).toContain(ZYLKER_BADGES.newcomer);
    const [entry] = await t.control.requests({ path: 'dissociate' });
    expect(entry).toMatchObject({ status: 0, dropped: 'before' });
  });

  it("drop 'after' does the work, then closes the connection without a reply", async () => {
    await t.control.addFault({ path: '/badges/dissociate$', drop: 'after', times: 1 });
    await expect(dissociate(ZYLKER_BADGES.newcomer)).rejects.toThrow();
    expect(badgesOf(DEMO_USER_ID)).not.toContain(ZYLKER_BADGES.newcomer);
    const [entry] = await t.control.requests({ path: 'dissociate' });
    expect(entry).toMatchObject({ status: 0, dropped: 'after' });
  });

  it('delays a request by latencyMs', async () => {
    await t.control.addFault({ path: '^/api/v1/users/\\d+$', latencyMs: 120 });
    const started = Date.now();
    expect((await desk(t.sandbox, token, 'GET', `/users/${DEMO_USER_ID}`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    await t.control.clearFaults();
    expect(await t.control.faults()).toEqual([]);
  });

  it('refuses a malformed fault', async () => {
    await expect(t.control.addFault({ path: '(', status: 500 })).rejects.toThrow(/RegExp/);
    await expect(t.control.addFault({ path: 'x' })).rejects.toThrow(/at least one/);
  });
});

describe('control API and request log', () => {
  it('logs stray hosts with their host name', async () => {
    const res = await call(t.sandbox, { host: 'clients2.google.com', path: '/service/update2' });
    expect(res.status).toBe(404);
    const stray = await t.control.requests({ face: 'stray' });
    expect(stray).toEqual([
      expect.objectContaining({ host: 'clients2.google.com', path: '/service/update2', status: 404 }),
    ]);
  });

  it('records orgId and whether a token was sent, filters by since, and clears', async () => {
    const before = (await t.control.requests()).at(-1)!.seq;
    await desk(t.sandbox, token, 'GET', `/users/${DEMO_USER_ID}`);
    const [entry] = await t.control.requests({ since: before });
    expect(entry).toMatchObject({
      host: 'desk.zoho.com',
      face: 'desk-api',
      method: 'GET',
      orgId: '60001234567',
      hasAuth: true,
    });
    await t.control.clearRequests();
    expect(await t.control.requests()).toEqual([]);
  });

  it('reset restores data, config, faults and tokens', async () => {
    await t.control.configure({ latencyMs: 5, routes: { helpCenterDelete: '405' } });
    await t.control.addFault({ path: 'x', status: 500 });
    await dissociate(ZYLKER_BADGES.newcomer);
    await t.control.reset();
    const state = await t.control.getState();
    expect(state.config.latencyMs).toBe(0);
    expect(state.config.routes).toEqual({
      helpCenterDelete: false,
      dissociate: true,
      helpCenters: true,
      contactHelpCenters: true,
    });
    expect(state.faults).toEqual([]);
    expect(state.tokens.accessTokens).toEqual([]);
    expect(state.data.users.find((u) => u.id === DEMO_USER_ID)?.badgeIds).toContain(ZYLKER_BADGES.newcomer);
    expect((await desk(t.sandbox, token, 'GET', `/users/${DEMO_USER_ID}`)).status).toBe(401);
  });

  it('refuses unknown config keys and bad values', async () => {
    await expect(t.control.configure({ latency: 5 } as never)).rejects.toThrow(/Unknown config key: latency/);
    await expect(t.control.configure({ throttleStatus: 500 } as never)).rejects.toThrow(/throttleStatus/);
    await expect(t.control.configure({ accountLocation: 'uk' })).rejects.toThrow(/accountLocation/);
    await expect(t.control.configure({ routes: { contactHelpCenters: 'gone' } } as never)).rejects.toThrow(/routes/);
    const switched = await t.control.configure({ routes: { contactHelpCenters: '405' }, wrongKindStatus: 403 });
    expect(switched).toMatchObject({ routes: { contactHelpCenters: '405' }, wrongKindStatus: 403 });
  });

  it('adds a badge with holders; its name comes back verbatim as JSON text', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const badge = await t.control.addBadge({ id: '24073000002999999', name, holderIds: [DEMO_USER_ID] });
    expect(badge).toMatchObject({ id: '24073000002999999', name, isCustom: true });
    const list = (await desk(t.sandbox, token, 'GET', `/users/${DEMO_USER_ID}/badges`)).json().data;
    expect(list.at(-1)).toMatchObject({ id: '24073000002999999', name, isCustom: true });
  });

  it('adds a user with a matching contact, and replaces the dataset', async () => {
    const added = await t.control.addUser({
      name: 'Zoe Quinn',
      emailAddress: 'zoe@example.com',
      badgeIds: [ZYLKER_BADGES.mvp2026],
    });
    const found = (await desk(t.sandbox, token, 'GET', '/users?searchBy=zoe@example.com')).json().data;
    expect(found.map((u: { id: string }) => u.id)).toEqual([added.id]);
    const contact = (await desk(t.sandbox, token, 'GET', `/contacts/${added.contactId}`)).json();
    expect(contact).toMatchObject({ email: 'zoe@example.com', firstName: 'Zoe', lastName: 'Quinn' });

    const data = await t.control.getData();
    await t.control.putData({ ...data, users: data.users.filter((u) => u.id === DEMO_USER_ID) });
    expect((await desk(t.sandbox, token, 'GET', '/users?include=count')).json().count).toBe('1');
    await expect(t.control.putData({ ...data, users: [{ id: 'x' }] } as never)).rejects.toThrow(/numeric/);
  });

  it('advances the clock and expires access tokens on request', async () => {
    const { refreshToken } = await connect(t.sandbox, { prompt: 'consent' });
    const { expired } = await t.control.expireAccessTokens();
    expect(expired).toBeGreaterThanOrEqual(1);
    expect((await desk(t.sandbox, token, 'GET', `/users/${DEMO_USER_ID}`)).json().errorCode).toBe('INVALID_OAUTH');
    // The refresh token still works after the access tokens expired.
    const refreshed = await call(t.sandbox, {
      host: 'accounts.zoho.com',
      method: 'POST',
      path: '/oauth/v2/token',
      form: {
        grant_type: 'refresh_token',
        client_id: '1000.SANDBOXCLIENT0000000000000000',
        refresh_token: refreshToken!,
      },
    });
    expect(refreshed.json().access_token).toBeTruthy();
    const { now } = await t.control.advanceClock(60);
    expect(now).toBe(new Date(T0 + 60_000).toISOString());
  });
});

describe('certificate', () => {
  it("names every Zoho host, and its SPKI hash equals openssl's", () => {
    const dir = mkdtempSync(join(tmpdir(), 'spki-'));
    try {
      const certPath = join(dir, 'cert.pem');
      writeFileSync(certPath, t.sandbox.certificate);
      const pubkey = execFileSync('/usr/bin/openssl', ['x509', '-in', certPath, '-pubkey', '-noout']);
      const der = execFileSync('/usr/bin/openssl', ['pkey', '-pubin', '-outform', 'der'], { input: pubkey });
      const digest = execFileSync('/usr/bin/openssl', ['dgst', '-sha256', '-binary'], { input: der });
      expect(t.sandbox.spki).toBe(digest.toString('base64'));
      const text = execFileSync('/usr/bin/openssl', [
        'x509',
        '-in',
        certPath,
        '-noout',
        '-ext',
        'subjectAltName',
      ]).toString();
      for (const host of t.sandbox.hostNames) expect(text).toContain(`DNS:${host}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Ten data centers with a Desk and an Accounts host each, two portal addresses on zohodesk domains, and one
    // organization's own domain.
    expect(t.sandbox.hostNames).toHaveLength(24);
  });
});
