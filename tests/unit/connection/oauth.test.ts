import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createZohoAuth } from '../../../utils/connection/oauth';
import { firefoxLoopback, pickedRedirectUri } from '../../../utils/connection/redirect-uri';
import { memorySecretStore, type SecretStore } from '../../../utils/connection/secret-store';
import { accessTokenItem, connectionItem, pendingAuthItem, settingsItem } from '../../../utils/connection/stored';
import { fakeClock, fakeFetch, fakeIdentity, json, REDIRECT_URI } from '../platform/fakes';

const CLIENT_ID = '1000.ABCDEFGHIJKLMNOPQRSTUVWX';
const settings = { clientId: CLIENT_ID, clientSecret: '', dataCenter: 'auto' as const };
const TOKENS = {
  access_token: '1000.access',
  refresh_token: '1000.refresh',
  expires_in: 3600,
  api_domain: 'https://www.zohoapis.eu',
};

/** A consent that accepts and redirects as Zoho does, from the given accounts server. */
const accept =
  (server = 'https://accounts.zoho.com', location = 'us', state?: string) =>
  (authorize: URL) =>
    `${REDIRECT_URI}?code=1000.code&state=${state ?? authorize.searchParams.get('state')}&location=${location}&accounts-server=${encodeURIComponent(server)}`;

let secrets: SecretStore;
beforeEach(() => {
  fakeBrowser.reset();
  secrets = memorySecretStore();
});

describe('connect', () => {
  it('sends PKCE S256, state, offline access and consent, and stores the tokens apart', async () => {
    const { identity, launched } = fakeIdentity(accept());
    const { fetch, requests } = fakeFetch([['/oauth/v2/token', json(TOKENS)]]);
    const clock = fakeClock();
    const connection = await createZohoAuth({ secrets, identity, fetch, now: clock.now }).connect(settings);

    const auth = launched[0]!;
    expect(auth.origin + auth.pathname).toBe('https://accounts.zoho.com/oauth/v2/auth');
    expect(Object.fromEntries(auth.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      access_type: 'offline',
      prompt: 'consent',
      code_challenge_method: 'S256',
    });
    expect(auth.searchParams.get('scope')).toContain('Desk.contacts.UPDATE');
    expect(auth.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);

    const body = new URLSearchParams(requests[0]!.body);
    expect(requests[0]!.url).toBe('https://accounts.zoho.com/oauth/v2/token');
    expect(body.get('grant_type')).toBe('authorization_code');
    expect(body.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(body.has('client_secret')).toBe(false);

    expect(connection).toMatchObject({ state: 'connected', location: 'us' });
    // The refresh token is in the secret store, out of content scripts' reach; never in storage.local.
    expect(await secrets.get('refreshToken')).toBe('1000.refresh');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('1000.refresh');
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain('1000.refresh');
    expect(await accessTokenItem.getValue()).toEqual({ token: '1000.access', expiresAt: clock.now() + 3_600_000 });
    expect(await fakeBrowser.storage.local.get(null)).not.toHaveProperty('accessToken');
    expect(await pendingAuthItem.getValue()).toBeNull();
  });

  it('exchanges at the EU accounts server when Zoho says the account lives there', async () => {
    const { identity } = fakeIdentity(accept('https://accounts.zoho.eu', 'eu'));
    const { fetch, requests } = fakeFetch([['/oauth/v2/token', json(TOKENS)]]);
    const connection = await createZohoAuth({ secrets, identity, fetch, now: Date.now }).connect(settings);
    expect(requests.map((r) => r.url)).toEqual(['https://accounts.zoho.eu/oauth/v2/token']);
    expect(connection.location).toBe('eu');
  });

  it('sends the client secret only when one is configured', async () => {
    const { identity } = fakeIdentity(accept());
    const { fetch, requests } = fakeFetch([['/oauth/v2/token', json(TOKENS)]]);
    await createZohoAuth({ secrets, identity, fetch, now: Date.now }).connect({ ...settings, clientSecret: 's3cret' });
    expect(new URLSearchParams(requests[0]!.body).get('client_secret')).toBe('s3cret');
  });

  it('refuses a state mismatch without any request', async () => {
    const { identity } = fakeIdentity(accept('https://accounts.zoho.com', 'us', 'forged'));
    const { fetch, requests } = fakeFetch([]);
    await expect(createZohoAuth({ secrets, identity, fetch, now: Date.now }).connect(settings)).rejects.toMatchObject({
      kind: 'auth',
      message: expect.stringContaining('state mismatch'),
    });
    expect(requests).toEqual([]);
    expect(await connectionItem.getValue()).toBeNull();
  });

  it.each([
    'https://accounts.zoho.com.evil.test',
    'http://accounts.zoho.com',
    'https://accounts.zoho.com@evil.test',
    'https://accounts.zoho.uk.evil.test',
    'https://evil.test/accounts.zoho.com',
  ])('refuses the accounts server %s without any request', async (server) => {
    const { identity } = fakeIdentity(accept(server, 'us'));
    const { fetch, requests } = fakeFetch([]);
    await expect(createZohoAuth({ secrets, identity, fetch, now: Date.now }).connect(settings)).rejects.toMatchObject({
      kind: 'auth',
    });
    expect(requests).toEqual([]);
  });

  it('says plainly when the admin denied access', async () => {
    const { identity } = fakeIdentity(
      (a) => `${REDIRECT_URI}?error=access_denied&state=${a.searchParams.get('state')}`,
    );
    const { fetch, requests } = fakeFetch([]);
    await expect(createZohoAuth({ secrets, identity, fetch, now: Date.now }).connect(settings)).rejects.toMatchObject({
      kind: 'auth',
      message: 'You declined access in Zoho, so the extension is not connected.',
    });
    expect(requests).toEqual([]);
  });

  it('treats a closed window as cancelled', async () => {
    const { identity } = fakeIdentity(() => new Error('The user did not approve access.'));
    const { fetch } = fakeFetch([]);
    await expect(createZohoAuth({ secrets, identity, fetch, now: Date.now }).connect(settings)).rejects.toMatchObject({
      kind: 'cancelled',
    });
  });

  it('treats an HTTP 200 reply with an error field as an error', async () => {
    const { identity } = fakeIdentity(accept());
    const { fetch } = fakeFetch([['/oauth/v2/token', json({ error: 'invalid_code' }, 200)]]);
    await expect(createZohoAuth({ secrets, identity, fetch, now: Date.now }).connect(settings)).rejects.toMatchObject({
      kind: 'auth',
      errorCode: 'invalid_code',
    });
    expect(await connectionItem.getValue()).toBeNull();
  });

  it('refuses an account outside a data center the admin fixed', async () => {
    const { identity } = fakeIdentity(accept('https://accounts.zoho.eu', 'eu'));
    const { fetch, requests } = fakeFetch([]);
    const auth = createZohoAuth({ secrets, identity, fetch, now: Date.now });
    await expect(auth.connect({ ...settings, dataCenter: 'in' })).rejects.toMatchObject({ kind: 'auth' });
    expect(requests).toEqual([]);
  });
});

async function connected(fetchRoutes: Parameters<typeof fakeFetch>[0], clock = fakeClock()) {
  await secrets.set('refreshToken', '1000.refresh');
  await connectionItem.setValue({
    state: 'connected',
    location: 'eu',
    clientId: CLIENT_ID,
    scopes: [],
    connectedAt: clock.now(),
    org: { id: '1', name: 'Zylker' },
  });
  await accessTokenItem.setValue({ token: '1000.old', expiresAt: clock.now() - 1 });
  const { fetch, requests } = fakeFetch(fetchRoutes);
  const { identity } = fakeIdentity(() => new Error('no consent in this test'));
  return { auth: createZohoAuth({ secrets, identity, fetch, now: clock.now }), requests, clock };
}

describe('getAccessToken', () => {
  it('lets ten concurrent callers share exactly one refresh', async () => {
    const { auth, requests } = await connected([
      ['/oauth/v2/token', json({ access_token: '1000.new', expires_in: 3600 })],
    ]);
    const tokens = await Promise.all(Array.from({ length: 10 }, () => auth.getAccessToken()));
    expect(new Set(tokens)).toEqual(new Set(['1000.new']));
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe('https://accounts.zoho.eu/oauth/v2/token');
    expect(new URLSearchParams(requests[0]!.body).get('grant_type')).toBe('refresh_token');
  });

  it('refreshes shortly before expiry, not after', async () => {
    const { auth, requests, clock } = await connected([
      ['/oauth/v2/token', json({ access_token: '1000.new', expires_in: 3600 })],
    ]);
    await auth.getAccessToken();
    clock.advance(3_600_000 - 120_000);
    await auth.getAccessToken();
    expect(requests).toHaveLength(1);
    clock.advance(90_000);
    await auth.getAccessToken();
    expect(requests).toHaveLength(2);
  });

  it.each([200, 400])('recognises the "Access Denied" throttle with HTTP %i and does not retry', async (status) => {
    const { auth, requests } = await connected([
      [
        '/oauth/v2/token',
        json(
          {
            error_description: 'You have made too many requests continuously. Please try again after some time.',
            error: 'Access Denied',
            status: 'failure',
          },
          status,
        ),
      ],
    ]);
    await expect(auth.getAccessToken()).rejects.toMatchObject({ kind: 'token-throttled' });
    expect(requests).toHaveLength(1);
    expect((await connectionItem.getValue())?.state).toBe('connected');
  });

  it('moves to Reconnect when Zoho rejects the refresh token', async () => {
    const { auth } = await connected([['/oauth/v2/token', json({ error: 'invalid_code' })]]);
    await expect(auth.getAccessToken()).rejects.toMatchObject({ kind: 'reconnect' });
    expect((await connectionItem.getValue())?.state).toBe('reconnect');
    await expect(auth.getAccessToken()).rejects.toMatchObject({ kind: 'reconnect' });
  });

  it('says not connected when there is no connection', async () => {
    const { fetch } = fakeFetch([]);
    const { identity } = fakeIdentity(() => '');
    await expect(createZohoAuth({ secrets, identity, fetch, now: Date.now }).getAccessToken()).rejects.toMatchObject({
      kind: 'not-connected',
    });
  });
});

describe('a new connection replacing an old one', () => {
  it('revokes the old refresh token at its accounts server, and keeps only the new one', async () => {
    await secrets.set('refreshToken', '1000.previous');
    await connectionItem.setValue({
      state: 'reconnect',
      location: 'eu',
      clientId: CLIENT_ID,
      scopes: [],
      connectedAt: 1,
    });
    const { identity } = fakeIdentity(accept());
    const { fetch, requests } = fakeFetch([
      ['/oauth/v2/token/revoke', json({ status: 'success' })],
      ['/oauth/v2/token', json(TOKENS)],
    ]);
    await createZohoAuth({ secrets, identity, fetch, now: Date.now }).connect(settings);
    expect(requests.map((r) => `${r.method} ${r.url}`)).toContain(
      'POST https://accounts.zoho.eu/oauth/v2/token/revoke?token=1000.previous',
    );
    expect(await secrets.get('refreshToken')).toBe('1000.refresh');
  });
});

describe('disconnect', () => {
  it('revokes the refresh token at its accounts server and forgets everything', async () => {
    const { auth, requests } = await connected([['/oauth/v2/token/revoke', json({ status: 'success' })]]);
    await settingsItem.setValue({ ...(await settingsItem.getValue()), clientId: CLIENT_ID });
    expect(await auth.disconnect()).toEqual({ revoked: true });
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST https://accounts.zoho.eu/oauth/v2/token/revoke?token=1000.refresh',
    ]);
    expect(await connectionItem.getValue()).toBeNull();
    expect(await accessTokenItem.getValue()).toBeNull();
    expect((await settingsItem.getValue()).clientId).toBe(CLIENT_ID);
  });

  it('still forgets the tokens when Zoho cannot be reached', async () => {
    const { auth } = await connected([['/revoke', new TypeError('Failed to fetch')]]);
    expect(await auth.disconnect()).toEqual({ revoked: false });
    expect(await connectionItem.getValue()).toBeNull();
  });
});

describe('Client-based (JavaScript): the implicit flow', () => {
  const jsSettings = { ...settings, clientType: 'client' as const };
  /** Zoho's implicit answer: the token in the fragment, which its example starts with '&'. */
  const implicit =
    (extra: Record<string, string> = {}, location = 'eu') =>
    (authorize: URL) =>
      `${REDIRECT_URI}#&${new URLSearchParams({
        access_token: '1000.implicit',
        expires_in: '3600',
        api_domain: 'https://www.zohoapis.eu',
        location,
        state: authorize.searchParams.get('state') ?? '',
        ...extra,
      })}`;

  const jsConnected = async (renewal: (url: URL) => string | Error) => {
    const clock = fakeClock();
    let phase: 'connect' | 'renew' = 'connect';
    const ids = fakeIdentity((url) => (phase === 'connect' ? implicit()(url) : renewal(url)));
    const { fetch, requests } = fakeFetch([['/oauth/v2/token/revoke', json({ status: 'success' })]]);
    const auth = createZohoAuth({ secrets, identity: ids.identity, fetch, now: clock.now });
    await auth.connect(jsSettings);
    phase = 'renew';
    return { auth, clock, requests, ...ids };
  };

  it('asks for a token (no code, no PKCE), reads it from the fragment and keeps it only in session storage', async () => {
    const { identity, launched } = fakeIdentity(implicit());
    const { fetch, requests } = fakeFetch([]);
    const clock = fakeClock();
    const connection = await createZohoAuth({ secrets, identity, fetch, now: clock.now }).connect(jsSettings);
    const auth = launched[0]!;
    expect(auth.origin + auth.pathname).toBe('https://accounts.zoho.com/oauth/v2/auth');
    expect(auth.searchParams.get('response_type')).toBe('token');
    expect(auth.searchParams.has('code_challenge')).toBe(false);
    expect(auth.searchParams.has('access_type')).toBe(false);
    expect(requests).toEqual([]);
    expect(connection).toMatchObject({ state: 'connected', location: 'eu', clientType: 'client' });
    expect(connection.refreshToken).toBeUndefined();
    expect(await accessTokenItem.getValue()).toEqual({ token: '1000.implicit', expiresAt: clock.now() + 3_600_000 });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('1000.implicit');
  });

  it('refuses an answer for another attempt (state) or from outside the known data centers', async () => {
    const stale = fakeIdentity(implicit({ state: 'someone-else' }));
    await expect(
      createZohoAuth({ secrets, identity: stale.identity, fetch: fakeFetch([]).fetch, now: Date.now }).connect(
        jsSettings,
      ),
    ).rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('state mismatch') });
    const elsewhere = fakeIdentity(implicit({}, 'xx'));
    await expect(
      createZohoAuth({ secrets, identity: elsewhere.identity, fetch: fakeFetch([]).fetch, now: Date.now }).connect(
        jsSettings,
      ),
    ).rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('unknown data center') });
    expect(await connectionItem.getValue()).toBeNull();
  });

  it('renews before expiry through the Zoho session without a window, once for many callers', async () => {
    const { auth, clock, launched, interactive } = await jsConnected((url) =>
      implicit({ access_token: '1000.renewed' })(url),
    );
    clock.advance(3_600_000 - 30_000);
    const tokens = await Promise.all(Array.from({ length: 10 }, () => auth.getAccessToken()));
    expect(new Set(tokens)).toEqual(new Set(['1000.renewed']));
    expect(launched).toHaveLength(2);
    const renewal = launched[1]!;
    expect(renewal.origin + renewal.pathname).toBe('https://accounts.zoho.eu/oauth/v2/auth/refresh');
    expect(renewal.searchParams.get('response_type')).toBe('token');
    expect(interactive).toEqual([true, false]);
  });

  it.each([
    [
      'client_not_granted',
      (url: URL) => `${REDIRECT_URI}#error=client_not_granted&state=${url.searchParams.get('state')}`,
    ],
    ['prompt_required', (url: URL) => `${REDIRECT_URI}#error=prompt_required&state=${url.searchParams.get('state')}`],
    ['a sign-in page (user interaction required)', () => new Error('User interaction required.')],
  ])('%s asks the admin to connect again, and never opens a window', async (_what, renewal) => {
    const { auth, clock, interactive } = await jsConnected(renewal);
    clock.advance(3_600_000);
    await expect(auth.getAccessToken()).rejects.toMatchObject({ kind: 'reconnect' });
    expect((await connectionItem.getValue())?.state).toBe('reconnect');
    expect(await accessTokenItem.getValue()).toBeNull();
    expect(interactive).toEqual([true, false]);
  });

  it('disconnect revokes the access token, the only token it has', async () => {
    const { auth, requests } = await jsConnected(() => new Error('unused'));
    expect(await auth.disconnect()).toEqual({ revoked: true });
    expect(new URL(requests[0]!.url).searchParams.get('token')).toBe('1000.implicit');
  });
});

describe('a connect that fails because of the client type says which type to choose', () => {
  it('Server-based without a secret is refused before any window', async () => {
    const { identity, launched } = fakeIdentity(accept());
    const auth = createZohoAuth({ secrets, identity, fetch: fakeFetch([]).fetch, now: Date.now });
    await expect(auth.connect({ ...settings, clientType: 'server' })).rejects.toMatchObject({
      kind: 'auth',
      message: 'A Server-based client needs its client secret.',
    });
    expect(launched).toEqual([]);
  });

  it('an exchange refused without a secret names Server-based', async () => {
    const { identity } = fakeIdentity(accept());
    const { fetch } = fakeFetch([['/oauth/v2/token', json({ error: 'invalid_client' })]]);
    await expect(createZohoAuth({ secrets, identity, fetch, now: Date.now }).connect(settings)).rejects.toMatchObject({
      suggestClientType: 'server',
      message: expect.stringContaining('Server-based'),
    });
  });

  it('a response type the client may not use names the other flow', async () => {
    const refuse = (a: URL) => `${REDIRECT_URI}?error=unsupported_response_type&state=${a.searchParams.get('state')}`;
    const refuseInFragment = (a: URL) =>
      `${REDIRECT_URI}#error=unsupported_response_type&state=${a.searchParams.get('state')}`;
    const code = createZohoAuth({
      secrets,
      identity: fakeIdentity(refuse).identity,
      fetch: fakeFetch([]).fetch,
      now: Date.now,
    });
    await expect(code.connect(settings)).rejects.toMatchObject({ suggestClientType: 'client' });
    const token = createZohoAuth({
      secrets,
      identity: fakeIdentity(refuseInFragment).identity,
      fetch: fakeFetch([]).fetch,
      now: Date.now,
    });
    await expect(token.connect({ ...settings, clientType: 'client' })).rejects.toMatchObject({
      suggestClientType: 'mobile',
    });
  });

  it('a redirect URI Zoho refuses (its error page, then the window closed) is read back and names another type', async () => {
    const { identity } = fakeIdentity(() => new Error('The user did not approve access.'));
    const page = new Response('<h1>Invalid Redirect Uri</h1><p>Redirect URI passed does not match</p>', {
      status: 400,
      headers: { 'Content-Type': 'text/html' },
    });
    const { fetch, requests } = fakeFetch([['/oauth/v2/auth', page]]);
    await expect(createZohoAuth({ secrets, identity, fetch, now: Date.now }).connect(settings)).rejects.toMatchObject({
      errorCode: 'invalid_redirect_uri',
      suggestClientType: 'client',
      message: expect.stringContaining(REDIRECT_URI),
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('GET');
  });
});

describe("Firefox's loopback redirect", () => {
  const FIREFOX = 'https://2d7c577a46873c06e81a635e45585f7715321f4a.extensions.allizom.org/';
  const LOOPBACK = 'http://127.0.0.1/mozoauth2/2d7c577a46873c06e81a635e45585f7715321f4a';
  /** Firefox's identity: its own redirect URI; Zoho answers at whichever redirect URI the sign-in asked for. */
  const firefoxIdentity = (fragment = false) => {
    const fake = fakeIdentity((authorize) => {
      const back = authorize.searchParams.get('redirect_uri');
      const state = authorize.searchParams.get('state');
      return fragment
        ? `${back}#&access_token=1000.implicit&expires_in=3600&location=us&state=${state}`
        : `${back}?code=1000.code&state=${state}&location=us&accounts-server=${encodeURIComponent('https://accounts.zoho.com')}`;
    });
    return { ...fake, identity: { ...fake.identity, getRedirectURL: () => FIREFOX } };
  };
  const pick = async (firefoxRedirect: 'extension' | 'loopback') =>
    settingsItem.setValue({ ...(await settingsItem.getValue()), firefoxRedirect });

  it('is the first label of the allizom.org host under 127.0.0.1/mozoauth2; Chrome has none', () => {
    expect(firefoxLoopback(FIREFOX)).toBe(LOOPBACK);
    expect(firefoxLoopback(REDIRECT_URI)).toBeUndefined();
    expect(pickedRedirectUri(REDIRECT_URI, 'loopback')).toBe(REDIRECT_URI);
  });

  it('the code flow sends the picked one to Zoho and to the token endpoint, and takes the answer there', async () => {
    await pick('loopback');
    const { identity, launched } = firefoxIdentity();
    const { fetch, requests } = fakeFetch([['/oauth/v2/token', json(TOKENS)]]);
    await createZohoAuth({ secrets, identity, fetch, now: Date.now }).connect(settings);
    expect(launched[0]!.searchParams.get('redirect_uri')).toBe(LOOPBACK);
    expect(new URLSearchParams(requests[0]!.body).get('redirect_uri')).toBe(LOOPBACK);

    await pick('extension');
    await createZohoAuth({ secrets, identity, fetch, now: Date.now }).connect(settings);
    expect(launched[1]!.searchParams.get('redirect_uri')).toBe(FIREFOX);
  });

  it('the implicit flow too', async () => {
    await pick('loopback');
    const { identity, launched } = firefoxIdentity(true);
    const { fetch } = fakeFetch([]);
    const connection = await createZohoAuth({ secrets, identity, fetch, now: Date.now }).connect({
      ...settings,
      clientType: 'client',
    });
    expect(launched[0]!.searchParams.get('redirect_uri')).toBe(LOOPBACK);
    expect(connection).toMatchObject({ state: 'connected', clientType: 'client' });
  });
});
