/** The sandbox as Zoho's API console and accounts server for a Self Client: codes generated, exchanged, refused. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIREFOX_LOOPBACK_REDIRECT_URI, SANDBOX_SELF_CLIENT } from '../../sandbox/state';
import { ALL_DESK_SCOPES, authorizeQuery, call, desk, startTestSandbox, T0, type TestSandbox, token } from './helpers';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.sandbox.close());
beforeEach(() => {
  t.clock.t = T0;
  t.sandbox.state.reset();
});

const { clientId, clientSecret } = SANDBOX_SELF_CLIENT;

const exchange = (host: string, code: string, secret: string = clientSecret) =>
  token(t.sandbox, host, { grant_type: 'authorization_code', client_id: clientId, client_secret: secret, code });

const newCode = async (o: { minutes?: number; location?: string; scopes?: string[] } = {}) =>
  (await t.control.selfClientCode({ scopes: o.scopes ?? ALL_DESK_SCOPES, ...o })).code;

describe('a Self Client', () => {
  it('exchanges its code with the secret, no redirect URI and no PKCE, for a lasting refresh token', async () => {
    const res = await exchange('accounts.zoho.com', await newCode());
    const body = res.json();
    expect(body).toMatchObject({
      access_token: expect.stringMatching(/^1000\./),
      refresh_token: expect.stringMatching(/^1000\./),
      scope: ALL_DESK_SCOPES.join(' '),
      api_domain: 'https://www.zohoapis.com',
      token_type: 'Bearer',
      expires_in: 3600,
    });
    expect((await desk(t.sandbox, body.access_token, 'GET', '/organizations', { orgId: null })).status).toBe(200);
    const renewed = await token(t.sandbox, 'accounts.zoho.com', {
      grant_type: 'refresh_token',
      client_id: clientId,
      client_secret: clientSecret,
      refresh_token: body.refresh_token,
    });
    expect(renewed.json().access_token).toMatch(/^1000\./);
  });

  it('a code works once, and not after its chosen minutes', async () => {
    const once = await newCode();
    expect(await exchange('accounts.zoho.com', once).then((r) => r.json().access_token)).toBeTruthy();
    expect((await exchange('accounts.zoho.com', once)).json()).toEqual({ error: 'invalid_code' });

    const fiveMinutes = await newCode({ minutes: 5 });
    t.clock.advance(5 * 60_000 + 1);
    expect((await exchange('accounts.zoho.com', fiveMinutes)).json()).toEqual({ error: 'invalid_code' });
    const stillGood = await newCode({ minutes: 5 });
    t.clock.advance(4 * 60_000);
    expect((await exchange('accounts.zoho.com', stillGood)).json().access_token).toBeTruthy();
  });

  it("refuses another data center's code without spending it there, and the wrong secret as Zoho does", async () => {
    const eu = await newCode({ location: 'eu' });
    expect((await exchange('accounts.zoho.com', eu)).json()).toEqual({ error: 'invalid_code' });
    // The wrong secret is refused before the code is looked at: the code stays good.
    expect((await exchange('accounts.zoho.eu', eu, 'not-the-secret')).json()).toEqual({
      error: 'invalid_client_secret',
    });
    expect((await exchange('accounts.zoho.eu', eu)).json().access_token).toBeTruthy();
    // A data center where the client is not registered does not know it at all.
    expect((await exchange('accounts.zoho.in', await newCode())).json()).toEqual({ error: 'invalid_client' });
  });

  it('gives tokens with the scopes the code was generated for, and names them', async () => {
    const narrow = ['Desk.search.READ', 'Desk.contacts.READ'];
    const body = (await exchange('accounts.zoho.com', await newCode({ scopes: narrow }))).json();
    expect(body.scope).toBe(narrow.join(' '));
    const orgs = await desk(t.sandbox, body.access_token, 'GET', '/organizations', { orgId: null });
    expect(orgs.json().errorCode).toBe('SCOPE_MISMATCH');
  });

  it('generates codes only as the console allows: its data centers, 3/5/7/10 minutes, valid scopes', async () => {
    await expect(t.control.selfClientCode({ scopes: ALL_DESK_SCOPES, location: 'in' })).rejects.toThrow(
      /not enabled in the data center \\"in\\"/,
    );
    await expect(t.control.selfClientCode({ scopes: ALL_DESK_SCOPES, minutes: 4 })).rejects.toThrow(/3, 5, 7, 10/);
    await expect(t.control.selfClientCode({ scopes: 'Desk.basic' })).rejects.toThrow(/valid scopes/);
    const made = await t.control.selfClientCode({ scopes: ALL_DESK_SCOPES.join(','), minutes: 10 });
    expect(made).toMatchObject({ clientId, location: 'us', scopes: ALL_DESK_SCOPES });
    expect(Date.parse(made.expiresAt) - T0).toBe(10 * 60_000);
  });

  it("answers /oauth/v2/auth with Zoho's Invalid Redirect Uri page, whatever the redirect", async () => {
    // Even one listed for it: a Self Client takes no redirect.
    t.sandbox.state.configure({
      clients: [
        { ...SANDBOX_SELF_CLIENT, type: 'self', redirectUris: [FIREFOX_LOOPBACK_REDIRECT_URI], locations: ['us'] },
      ],
    });
    const res = await call(t.sandbox, {
      host: 'accounts.zoho.com',
      path: `/oauth/v2/auth?${authorizeQuery({ clientId, redirectUri: FIREFOX_LOOPBACK_REDIRECT_URI })}`,
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Invalid Redirect Uri');
  });
});

describe('the API console page', () => {
  it('lists the Self Client and generates a code for the scopes, minutes and data center chosen', async () => {
    const home = await call(t.sandbox, { host: 'api-console.zoho.com', path: '/' });
    expect(home.status).toBe(200);
    expect(home.text).toContain(clientId);
    expect(home.text).toContain(clientSecret);
    expect(home.text).toContain('<option value="7">7 minutes</option>');

    const made = await call(t.sandbox, {
      host: 'api-console.zoho.com',
      method: 'POST',
      path: '/generate-code',
      form: { client_id: clientId, scope: ALL_DESK_SCOPES.join(','), minutes: '7', location: 'eu', description: 'x' },
    });
    expect(made.status).toBe(200);
    const code = /<code id="generated-code">([^<]+)<\/code>/.exec(made.text)![1]!;
    const [record] = t.sandbox.state.codes.values();
    expect(record).toMatchObject({ code, location: 'eu', lifetimeMs: 7 * 60_000, redirectUri: '' });
    expect((await exchange('accounts.zoho.eu', code)).json().access_token).toBeTruthy();
  });

  it('says why it cannot generate a code, keeping what was typed', async () => {
    const res = await call(t.sandbox, {
      host: 'api-console.zoho.com',
      method: 'POST',
      path: '/generate-code',
      form: { client_id: clientId, scope: 'nonsense', minutes: '3', location: 'us' },
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<p id="console-error" role="alert">Enter valid scopes');
    expect(res.text).toContain('>nonsense</textarea>');
    expect(t.sandbox.state.codes.size).toBe(0);
  });
});
