import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIREFOX_GECKO_ID, FIREFOX_REDIRECT_URI } from '../../sandbox/state';
import { GECKO_ID } from '../../wxt.config';
import {
  ALL_DESK_SCOPES,
  authorize,
  authorizeQuery,
  call,
  connect,
  desk,
  EXTENSION_REDIRECT_URI,
  pkcePair,
  SANDBOX_CLIENT_ID,
  startTestSandbox,
  TEST_PKCE,
  type TestSandbox,
  token,
} from './helpers';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.sandbox.close());
beforeEach(() => t.sandbox.state.reset());

const exchange = (host: string, code: string, extra: Record<string, string> = {}) =>
  token(t.sandbox, host, {
    grant_type: 'authorization_code',
    client_id: SANDBOX_CLIENT_ID,
    code,
    redirect_uri: EXTENSION_REDIRECT_URI,
    ...extra,
  });

const refresh = (refreshToken: string, host = 'accounts.zoho.com') =>
  token(t.sandbox, host, { grant_type: 'refresh_token', client_id: SANDBOX_CLIENT_ID, refresh_token: refreshToken });

describe('authorize and consent', () => {
  it('shows a consent page listing the scopes, with Accept and Deny posting back', async () => {
    const res = await call(t.sandbox, {
      host: 'accounts.zoho.com',
      path: `/oauth/v2/auth?${authorizeQuery({ state: 's<1>' })}`,
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('<title>Zoho Accounts (sandbox)</title>');
    expect(res.text).toContain('<button id="accept"');
    expect(res.text).toContain('<button id="deny"');
    expect(res.text).toContain('method="post" action="/oauth/v2/auth"');
    for (const scope of ALL_DESK_SCOPES) expect(res.text).toContain(`<li>${scope}</li>`);
    // The state is carried in the form, escaped.
    expect(res.text).toContain('value="s&lt;1&gt;"');
  });

  it('accept redirects with code, state, location and accounts-server', async () => {
    const params = await authorize(t.sandbox, { state: 'abc' });
    expect(params.get('code')).toMatch(/^1000\.[0-9a-f]+\.[0-9a-f]+$/);
    expect(params.get('state')).toBe('abc');
    expect(params.get('location')).toBe('us');
    expect(params.get('accounts-server')).toBe('https://accounts.zoho.com');
  });

  it("the default client takes Firefox's redirect URI too, and answers there", async () => {
    const res = await call(t.sandbox, {
      host: 'accounts.zoho.com',
      method: 'POST',
      path: '/oauth/v2/auth',
      form: {
        ...Object.fromEntries(authorizeQuery({ state: 'ff', redirectUri: FIREFOX_REDIRECT_URI })),
        decision: 'accept',
      },
    });
    expect(res.status).toBe(302);
    const location = new URL(String(res.headers.location));
    expect(`${location.origin}${location.pathname}`).toBe(FIREFOX_REDIRECT_URI);
    const code = location.searchParams.get('code')!;
    const verifier = { code_verifier: TEST_PKCE.verifier };
    // The code is good only with the redirect URI it was issued for.
    const mismatched = await exchange('accounts.zoho.com', code, { ...verifier });
    expect(mismatched.json()).toEqual({ error: 'invalid_redirect_uri' });
    const res2 = await exchange('accounts.zoho.com', code, { ...verifier, redirect_uri: FIREFOX_REDIRECT_URI });
    expect(res2.json()).toHaveProperty('access_token');
  });

  it("Firefox's redirect URI is the one Firefox gives the extension's fixed add-on id", () => {
    expect(FIREFOX_GECKO_ID).toBe(GECKO_ID);
    expect(FIREFOX_REDIRECT_URI).toBe(
      `https://${createHash('sha1').update(GECKO_ID).digest('hex')}.extensions.allizom.org/`,
    );
  });

  it('deny redirects with error=access_denied and the state', async () => {
    const res = await call(t.sandbox, {
      host: 'accounts.zoho.com',
      method: 'POST',
      path: '/oauth/v2/auth',
      form: { ...Object.fromEntries(authorizeQuery({ state: 'st' })), decision: 'deny' },
    });
    expect(res.status).toBe(302);
    const location = new URL(String(res.headers.location));
    expect(`${location.origin}${location.pathname}`).toBe(EXTENSION_REDIRECT_URI);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('st');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('auto-accept consent redirects at once', async () => {
    t.sandbox.state.configure({ consent: 'auto-accept' });
    const res = await call(t.sandbox, { host: 'accounts.zoho.com', path: `/oauth/v2/auth?${authorizeQuery({})}` });
    expect(res.status).toBe(302);
    expect(String(res.headers.location)).toMatch(
      /^https:\/\/cjheecimhjkgjkobijngojplcehhnajo\.chromiumapp\.org\/\?code=/,
    );
  });

  it('refuses an unknown client and an unregistered redirect_uri with an error page', async () => {
    const unknown = await call(t.sandbox, {
      host: 'accounts.zoho.com',
      path: `/oauth/v2/auth?${authorizeQuery({ clientId: '1000.NOTREGISTERED00000000000000' })}`,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('Invalid Client');
    const badRedirect = await call(t.sandbox, {
      host: 'accounts.zoho.com',
      path: `/oauth/v2/auth?${authorizeQuery({ redirectUri: 'https://evil.example/cb' })}`,
    });
    expect(badRedirect.status).toBe(400);
    expect(badRedirect.text).toContain('Invalid Redirect Uri');
    expect(badRedirect.headers.location).toBeUndefined();
  });
});

describe('authorization_code grant', () => {
  it('issues access and refresh tokens for S256 PKCE', async () => {
    const { verifier, challenge } = pkcePair();
    const code = (await authorize(t.sandbox, { challenge, challengeMethod: 'S256' })).get('code')!;
    const res = await exchange('accounts.zoho.com', code, { code_verifier: verifier });
    expect(res.status).toBe(200);
    const body = res.json();
    expect(body.access_token).toMatch(/^1000\./);
    expect(body.refresh_token).toMatch(/^1000\./);
    expect(body).toMatchObject({ api_domain: 'https://www.zohoapis.com', token_type: 'Bearer', expires_in: 3600 });
  });

  it('refuses a wrong PKCE verifier (HTTP 200, invalid_code) and burns the code', async () => {
    const { verifier, challenge } = pkcePair();
    const code = (await authorize(t.sandbox, { challenge, challengeMethod: 'S256' })).get('code')!;
    const wrong = await exchange('accounts.zoho.com', code, { code_verifier: pkcePair().verifier });
    expect(wrong.status).toBe(200);
    expect(wrong.json()).toEqual({ error: 'invalid_code' });
    expect((await exchange('accounts.zoho.com', code, { code_verifier: verifier })).json()).toEqual({
      error: 'invalid_code',
    });
    const missing = (await authorize(t.sandbox, { challenge, challengeMethod: 'S256' })).get('code')!;
    expect((await exchange('accounts.zoho.com', missing)).json()).toEqual({ error: 'invalid_code' });
  });

  it('accepts plain PKCE', async () => {
    const { verifier } = pkcePair();
    const code = (await authorize(t.sandbox, { challenge: verifier, challengeMethod: 'plain' })).get('code')!;
    expect((await exchange('accounts.zoho.com', code, { code_verifier: verifier })).json().access_token).toBeTruthy();
  });

  it('refuses a reused code', async () => {
    const { verifier, challenge } = pkcePair();
    const code = (await authorize(t.sandbox, { challenge, challengeMethod: 'S256' })).get('code')!;
    expect((await exchange('accounts.zoho.com', code, { code_verifier: verifier })).json().access_token).toBeTruthy();
    expect((await exchange('accounts.zoho.com', code, { code_verifier: verifier })).json()).toEqual({
      error: 'invalid_code',
    });
  });

  it('refuses a code after its 2 minutes', async () => {
    const { verifier, challenge } = pkcePair();
    const fresh = (await authorize(t.sandbox, { challenge, challengeMethod: 'S256' })).get('code')!;
    const stale = (await authorize(t.sandbox, { challenge, challengeMethod: 'S256' })).get('code')!;
    t.clock.advance(119_000);
    expect((await exchange('accounts.zoho.com', fresh, { code_verifier: verifier })).json().access_token).toBeTruthy();
    t.clock.advance(2_000);
    expect((await exchange('accounts.zoho.com', stale, { code_verifier: verifier })).json()).toEqual({
      error: 'invalid_code',
    });
  });

  it('refuses a redirect_uri that differs from the one at /auth', async () => {
    const { verifier, challenge } = pkcePair();
    t.sandbox.state.configure({
      clients: [
        {
          clientId: SANDBOX_CLIENT_ID,
          type: 'mobile',
          redirectUris: [EXTENSION_REDIRECT_URI, 'https://other.chromiumapp.org/'],
        },
      ],
    });
    const code = (await authorize(t.sandbox, { challenge, challengeMethod: 'S256' })).get('code')!;
    const res = await exchange('accounts.zoho.com', code, {
      code_verifier: verifier,
      redirect_uri: 'https://other.chromiumapp.org/',
    });
    expect(res.json()).toEqual({ error: 'invalid_redirect_uri' });
  });

  it('issues the code for the account DC and refuses it at another DC (invalid_client)', async () => {
    t.sandbox.state.configure({ accountLocation: 'eu' });
    const { verifier, challenge } = pkcePair();
    // The flow starts at accounts.zoho.com; the account lives in the EU.
    const params = await authorize(t.sandbox, { host: 'accounts.zoho.com', challenge, challengeMethod: 'S256' });
    expect(params.get('location')).toBe('eu');
    expect(params.get('accounts-server')).toBe('https://accounts.zoho.eu');
    const code = params.get('code')!;
    const wrongDc = await exchange('accounts.zoho.com', code, { code_verifier: verifier });
    expect(wrongDc.status).toBe(200);
    expect(wrongDc.json()).toEqual({ error: 'invalid_client' });
    const right = (await exchange('accounts.zoho.eu', code, { code_verifier: verifier })).json();
    expect(right.api_domain).toBe('https://www.zohoapis.eu');
    // The token is good at the EU Desk host only.
    expect((await desk(t.sandbox, right.access_token, 'GET', '/organizations', { host: 'desk.zoho.eu' })).status).toBe(
      200,
    );
    const us = await desk(t.sandbox, right.access_token, 'GET', '/organizations', { host: 'desk.zoho.com' });
    expect(us.status).toBe(401);
    expect(us.json().errorCode).toBe('INVALID_OAUTH');
  });

  it('requires client_secret only when the client is configured to', async () => {
    const { verifier, challenge } = pkcePair();
    const withoutSecret = (await authorize(t.sandbox, { challenge, challengeMethod: 'S256' })).get('code')!;
    expect(
      (await exchange('accounts.zoho.com', withoutSecret, { code_verifier: verifier })).json().access_token,
    ).toBeTruthy();

    t.sandbox.state.configure({
      clients: [
        {
          clientId: SANDBOX_CLIENT_ID,
          clientSecret: 's3cret',
          type: 'server',
          redirectUris: [EXTENSION_REDIRECT_URI],
        },
      ],
    });
    const code = (await authorize(t.sandbox, { challenge, challengeMethod: 'S256' })).get('code')!;
    expect((await exchange('accounts.zoho.com', code, { code_verifier: verifier })).json()).toEqual({
      error: 'invalid_client',
    });
    expect(
      (await exchange('accounts.zoho.com', code, { code_verifier: verifier, client_secret: 'wrong' })).json(),
    ).toEqual({ error: 'invalid_client' });
    const ok = await exchange('accounts.zoho.com', code, { code_verifier: verifier, client_secret: 's3cret' });
    expect(ok.json().access_token).toBeTruthy();
  });

  it('gives a refresh token for offline access on the first grant, later only with prompt=consent', async () => {
    expect((await connect(t.sandbox, { accessType: 'online' })).refreshToken).toBeUndefined();
    expect((await connect(t.sandbox)).refreshToken).toBeTruthy();
    expect((await connect(t.sandbox)).refreshToken).toBeUndefined();
    expect((await connect(t.sandbox, { prompt: 'consent' })).refreshToken).toBeTruthy();
  });
});

describe('refresh, throttle and revoke', () => {
  it('refreshes without a new refresh token, and throttles the 11th token in 10 minutes (HTTP 400)', async () => {
    const { refreshToken } = await connect(t.sandbox);
    for (let i = 0; i < 10; i++) {
      const res = await refresh(refreshToken!);
      expect(res.status).toBe(200);
      expect(res.json().access_token).toBeTruthy();
      expect(res.json().refresh_token).toBeUndefined();
      t.clock.advance(30_000);
    }
    const throttled = await refresh(refreshToken!);
    expect(throttled.status).toBe(400);
    expect(throttled.json()).toEqual({
      error_description: 'You have made too many requests continuously. Please try again after some time.',
      error: 'Access Denied',
      status: 'failure',
    });
    // The window slides: once the first mint is 10 minutes old, one more is allowed.
    t.clock.advance(10 * 60_000 - 10 * 30_000 + 1_000);
    expect((await refresh(refreshToken!)).status).toBe(200);
    const state = await t.control.getState();
    expect(state.stats.refreshGrants).toBe(11);
    expect(state.stats.throttledRefreshes).toBe(1);
    expect(state.tokens.refreshTokens[0]?.accessTokensMinted).toBe(11);
  });

  it('keeps 10 access tokens active per refresh token: the 11th revokes the oldest', async () => {
    const first = await connect(t.sandbox);
    const tokens = [first.accessToken];
    for (let i = 0; i < 10; i++) {
      t.clock.advance(61_000); // past the refresh throttle's 10 per 10 minutes
      const res = await refresh(first.refreshToken!);
      expect(res.status).toBe(200);
      tokens.push(res.json().access_token);
    }
    const status = async (accessToken: string) => (await desk(t.sandbox, accessToken, 'GET', '/organizations')).status;
    expect(await status(tokens[0]!)).toBe(401);
    for (const accessToken of tokens.slice(1)) expect(await status(accessToken)).toBe(200);
  });

  it('can send the throttle with HTTP 200', async () => {
    t.sandbox.state.configure({ throttleStatus: 200 });
    const { refreshToken } = await connect(t.sandbox);
    for (let i = 0; i < 10; i++) await refresh(refreshToken!);
    const throttled = await refresh(refreshToken!);
    expect(throttled.status).toBe(200);
    expect(throttled.json().error).toBe('Access Denied');
  });

  it('refuses an unknown refresh token with invalid_code (HTTP 200)', async () => {
    const res = await refresh('1000.deadbeef.deadbeef');
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ error: 'invalid_code' });
  });

  it('revoking a refresh token invalidates it and its access tokens', async () => {
    const { accessToken, refreshToken } = await connect(t.sandbox);
    const refreshed = (await refresh(refreshToken!)).json().access_token;
    const revoke = await call(t.sandbox, {
      host: 'accounts.zoho.com',
      method: 'POST',
      path: `/oauth/v2/token/revoke?token=${encodeURIComponent(refreshToken!)}`,
    });
    expect(revoke.status).toBe(200);
    expect(revoke.json()).toEqual({ status: 'success' });
    expect((await refresh(refreshToken!)).json()).toEqual({ error: 'invalid_code' });
    for (const access of [accessToken, refreshed]) {
      const res = await desk(t.sandbox, access, 'GET', '/organizations');
      expect(res.status).toBe(401);
      expect(res.json().errorCode).toBe('INVALID_OAUTH');
    }
    expect((await t.control.getState()).tokens.refreshTokens[0]?.revoked).toBe(true);
    const unknown = await call(t.sandbox, {
      host: 'accounts.zoho.com',
      method: 'POST',
      path: '/oauth/v2/token/revoke?token=1000.nope.nope',
    });
    expect(unknown.status).toBe(400);
  });

  it('serves serverinfo with the accounts server of each location', async () => {
    const res = await call(t.sandbox, { host: 'accounts.zoho.com', path: '/oauth/serverinfo' });
    expect(res.json()).toMatchObject({
      result: 'success',
      locations: {
        us: 'https://accounts.zoho.com',
        eu: 'https://accounts.zoho.eu',
        ca: 'https://accounts.zohocloud.ca',
      },
    });
  });

  it('never writes codes or tokens into the request log', async () => {
    const { accessToken, refreshToken } = await connect(t.sandbox);
    await refresh(refreshToken!);
    await call(t.sandbox, {
      host: 'accounts.zoho.com',
      method: 'POST',
      path: `/oauth/v2/token/revoke?token=${encodeURIComponent(refreshToken!)}`,
    });
    const log = await t.control.requests({ face: 'accounts' });
    const text = JSON.stringify(log);
    expect(text).not.toContain(refreshToken!);
    expect(text).not.toContain(accessToken);
    expect(log.map((e) => e.grantType).filter(Boolean)).toEqual(['authorization_code', 'refresh_token']);
    expect(log.at(-1)?.query.token).toBe('[redacted]');
  });
});

describe("Zoho's client types", () => {
  const JS_CLIENT = '1000.JAVASCRIPTCLIENT00000000000';
  const SERVER_CLIENT = '1000.SERVERCLIENT000000000000000';
  beforeEach(() =>
    t.sandbox.state.configure({
      clients: [
        { clientId: SANDBOX_CLIENT_ID, type: 'mobile', redirectUris: [EXTENSION_REDIRECT_URI] },
        { clientId: JS_CLIENT, type: 'client', redirectUris: [EXTENSION_REDIRECT_URI] },
        { clientId: SERVER_CLIENT, type: 'server', clientSecret: 's3cret', redirectUris: [EXTENSION_REDIRECT_URI] },
      ],
    }),
  );

  /** The fragment of the redirect back, as the extension reads it. */
  const fragmentOf = (location: string | string[] | undefined) =>
    new URLSearchParams(new URL(String(location)).hash.slice(1));

  /** The implicit flow's consent, with or without "access for the entire session". */
  const implicitConsent = async (sessionGrant: boolean, scopes = ALL_DESK_SCOPES) => {
    const form = Object.fromEntries(
      authorizeQuery({ clientId: JS_CLIENT, responseType: 'token', state: 'st-1', scopes }),
    );
    const res = await call(t.sandbox, {
      host: 'accounts.zoho.com',
      method: 'POST',
      path: '/oauth/v2/auth',
      form: { ...form, decision: 'accept', ...(sessionGrant ? { session_grant: 'on' } : {}) },
    });
    expect(res.status).toBe(302);
    return fragmentOf(res.headers.location);
  };
  const sessionRefresh = async (scopes = ALL_DESK_SCOPES) => {
    const q = new URLSearchParams({
      response_type: 'token',
      client_id: JS_CLIENT,
      scope: scopes.join(','),
      redirect_uri: EXTENSION_REDIRECT_URI,
      state: 'st-2',
    });
    const res = await call(t.sandbox, { host: 'accounts.zoho.com', path: `/oauth/v2/auth/refresh?${q}` });
    expect(res.status).toBe(302);
    return fragmentOf(res.headers.location);
  };

  it('Mobile-based: PKCE required, no secret needed', async () => {
    const page = await call(t.sandbox, {
      host: 'accounts.zoho.com',
      path: `/oauth/v2/auth?${authorizeQuery({ challenge: null })}`,
    });
    expect(page.status).toBe(400);
    expect(page.text).toContain('Invalid Code Challenge');
    expect((await connect(t.sandbox)).refreshToken).toBeTruthy();
  });

  it('Server-based: the secret required, PKCE accepted', async () => {
    const { challenge, verifier } = pkcePair();
    const code = async () =>
      (await authorize(t.sandbox, { clientId: SERVER_CLIENT, challenge, challengeMethod: 'S256' })).get('code')!;
    const exchangeAs = async (extra: Record<string, string>) =>
      token(t.sandbox, 'accounts.zoho.com', {
        grant_type: 'authorization_code',
        client_id: SERVER_CLIENT,
        code: await code(),
        redirect_uri: EXTENSION_REDIRECT_URI,
        code_verifier: verifier,
        ...extra,
      });
    expect((await exchangeAs({})).json()).toEqual({ error: 'invalid_client' });
    expect((await exchangeAs({ client_secret: 's3cret' })).json().refresh_token).toBeTruthy();
  });

  it('Client-based: the code flow is refused with unsupported_response_type; a code client refuses the token flow', async () => {
    const code = await call(t.sandbox, {
      host: 'accounts.zoho.com',
      method: 'POST',
      path: '/oauth/v2/auth',
      form: { ...Object.fromEntries(authorizeQuery({ clientId: JS_CLIENT })), decision: 'accept' },
    });
    expect(new URL(String(code.headers.location)).searchParams.get('error')).toBe('unsupported_response_type');
    const implicit = await call(t.sandbox, {
      host: 'accounts.zoho.com',
      path: `/oauth/v2/auth?${authorizeQuery({ responseType: 'token', state: 'x' })}`,
    });
    expect(fragmentOf(implicit.headers.location).get('error')).toBe('unsupported_response_type');
    expect(fragmentOf(implicit.headers.location).get('state')).toBe('x');
  });

  it('Client-based: the token comes in the fragment with expires_in, location and state, and no refresh token', async () => {
    const consent = await call(t.sandbox, {
      host: 'accounts.zoho.com',
      path: `/oauth/v2/auth?${authorizeQuery({ clientId: JS_CLIENT, responseType: 'token' })}`,
    });
    expect(consent.text).toContain('entire session');
    const answer = await implicitConsent(true);
    expect(answer.get('state')).toBe('st-1');
    expect(answer.get('location')).toBe('us');
    expect(answer.get('expires_in')).toBe('3600');
    expect(answer.has('refresh_token')).toBe(false);
    expect((await desk(t.sandbox, answer.get('access_token'), 'GET', '/organizations')).status).toBe(200);
    const exchange = await token(t.sandbox, 'accounts.zoho.com', {
      grant_type: 'authorization_code',
      client_id: JS_CLIENT,
      code: 'anything',
      redirect_uri: EXTENSION_REDIRECT_URI,
    });
    expect(exchange.json()).toEqual({ error: 'invalid_client' });
  });

  it('/oauth/v2/auth/refresh renews without a prompt while the session grant lasts', async () => {
    await implicitConsent(true);
    const renewed = await sessionRefresh();
    expect(renewed.get('access_token')).toBeTruthy();
    expect(renewed.get('state')).toBe('st-2');
    expect((await t.control.getState()).stats.sessionRenewals).toBe(1);
    expect((await sessionRefresh([...ALL_DESK_SCOPES, 'Desk.tickets.READ'])).get('error')).toBe('prompt_required');
    await t.control.signOutOfZoho();
    expect((await sessionRefresh()).get('error')).toBe('client_not_granted');
    // Still usable until it expires: signing out does not revoke issued tokens.
    expect((await desk(t.sandbox, renewed.get('access_token'), 'GET', '/organizations')).status).toBe(200);
  });

  it('/oauth/v2/auth/refresh answers client_not_granted without the session box', async () => {
    await implicitConsent(false);
    expect((await sessionRefresh()).get('error')).toBe('client_not_granted');
  });
});
