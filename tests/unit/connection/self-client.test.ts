import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createZohoAuth } from '../../../utils/connection/oauth';
import { DESK_SCOPE_STRING, DESK_SCOPES, missingScopes } from '../../../utils/connection/scopes';
import { memorySecretStore, type SecretStore } from '../../../utils/connection/secret-store';
import { connectionItem } from '../../../utils/connection/stored';
import { DATA_CENTERS } from '../../../utils/platform/zoho/datacenters';
import { fakeClock, fakeFetch, fakeIdentity, json, type RecordedRequest } from '../platform/fakes';

const CLIENT_ID = '1000.SELFCLIENT0000000000000000';
const CODE = '1000.4a2e6d3f1b0c9e8d7c6b5a4f3e2d1c0b.9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c';
const TOKENS = {
  access_token: '1000.access',
  refresh_token: '1000.refresh',
  expires_in: 3600,
  scope: DESK_SCOPES.join(' '),
};
const self = (over: Partial<{ dataCenter: 'auto' | 'eu' | 'us'; clientSecret: string; code: string }> = {}) => ({
  clientType: 'self' as const,
  clientId: CLIENT_ID,
  clientSecret: 'the-secret',
  dataCenter: 'auto' as const,
  code: CODE,
  ...over,
});

/** Zoho Accounts of every data center: `home` issued the code; the others do not know it (or the client). */
function accounts(home: string, answer: (req: RecordedRequest) => Response = () => json(TOKENS)) {
  return fakeFetch([
    ['/oauth/v2/token/revoke', json({ status: 'success' })],
    [
      '/oauth/v2/token',
      (req) => {
        const server = new URL(req.url).origin;
        return server === home ? answer(req) : json({ error: 'invalid_code' });
      },
    ],
  ]);
}

// A Self Client never opens a window: the identity must not be used.
const noWindow = fakeIdentity(() => new Error('no window for a Self Client')).identity;

let secrets: SecretStore;
beforeEach(() => {
  fakeBrowser.reset();
  secrets = memorySecretStore();
});

describe('Self Client', () => {
  it('Detect: tries each data center in turn and stops at the first that takes the code; no redirect, no PKCE', async () => {
    const { fetch, requests } = accounts('https://accounts.zoho.in');
    const auth = createZohoAuth({ secrets, identity: noWindow, fetch, now: fakeClock().now });
    const connection = await auth.connect(self());
    expect(requests.map((r) => new URL(r.url).origin)).toEqual([
      'https://accounts.zoho.com',
      'https://accounts.zoho.eu',
      'https://accounts.zoho.in',
    ]);
    for (const req of requests) {
      expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({
        grant_type: 'authorization_code',
        client_id: CLIENT_ID,
        client_secret: 'the-secret',
        code: CODE,
      });
    }
    expect(connection).toMatchObject({ state: 'connected', location: 'in', clientType: 'self' });
    expect(await secrets.get('refreshToken')).toBe('1000.refresh');
  });

  it('sends the secret only to the accounts servers of the data-center table', async () => {
    const { fetch, requests } = accounts('https://nowhere.example');
    const auth = createZohoAuth({ secrets, identity: noWindow, fetch, now: Date.now });
    await expect(auth.connect(self())).rejects.toMatchObject({ kind: 'auth' });
    expect(requests.map((r) => new URL(r.url).origin)).toEqual(DATA_CENTERS.map((dc) => dc.accountsServer));
  });

  it('a code no data center takes: it expired or was used; generate a new one', async () => {
    const { fetch } = accounts('https://nowhere.example');
    const auth = createZohoAuth({ secrets, identity: noWindow, fetch, now: Date.now });
    await expect(auth.connect(self())).rejects.toMatchObject({
      errorCode: 'invalid_code',
      message: expect.stringContaining('No Zoho data center accepted the code'),
      action: expect.stringContaining('Codes last 3 to 10 minutes and work once: generate a new one'),
    });
    expect(await connectionItem.getValue()).toBeNull();
  });

  it('a data center fixed in the settings: its refusal of the code says so', async () => {
    const { fetch, requests } = accounts('https://accounts.zoho.com');
    const auth = createZohoAuth({ secrets, identity: noWindow, fetch, now: Date.now });
    await expect(auth.connect(self({ dataCenter: 'eu' }))).rejects.toMatchObject({
      message:
        "Zoho's Europe data center did not accept the code. Codes last 3 to 10 minutes and work once: generate a new one.",
      action: expect.stringContaining("another data center's console"),
    });
    expect(requests.map((r) => new URL(r.url).origin)).toEqual(['https://accounts.zoho.eu']);
  });

  it('the wrong secret: stops at the data center that knows the client, and says so', async () => {
    const { fetch, requests } = accounts('https://accounts.zoho.eu', () => json({ error: 'invalid_client_secret' }));
    const auth = createZohoAuth({ secrets, identity: noWindow, fetch, now: Date.now });
    await expect(auth.connect(self())).rejects.toMatchObject({
      errorCode: 'invalid_client_secret',
      message: 'Zoho (Europe) rejected the client secret.',
      action: expect.stringContaining('Client Secret tab'),
    });
    expect(requests).toHaveLength(2);
  });

  it('a code without a scope the extension needs: names it, offers the scope string, keeps nothing', async () => {
    const narrow = { ...TOKENS, scope: 'Desk.basic.READ,Desk.settings.ALL,Desk.contacts.READ' };
    const { fetch, requests } = accounts('https://accounts.zoho.com', () => json(narrow));
    const auth = createZohoAuth({ secrets, identity: noWindow, fetch, now: Date.now });
    await expect(auth.connect(self())).rejects.toMatchObject({
      errorCode: 'missing_scopes',
      message: 'The code was generated without Desk.contacts.UPDATE, Desk.search.READ, which the extension needs.',
      action: `Generate a new code with this scope string: ${DESK_SCOPE_STRING}`,
    });
    // What Zoho issued is revoked at once, and nothing is kept.
    expect(requests.at(-1)!.url).toContain('/oauth/v2/token/revoke?token=1000.refresh');
    expect(await secrets.get('refreshToken')).toBeUndefined();
    expect(await connectionItem.getValue()).toBeNull();
  });

  it('refuses without a secret or with no code, sending nothing', async () => {
    const { fetch, requests } = accounts('https://accounts.zoho.com');
    const auth = createZohoAuth({ secrets, identity: noWindow, fetch, now: Date.now });
    await expect(auth.connect(self({ clientSecret: '' }))).rejects.toMatchObject({
      message: 'A Self Client needs its client secret.',
    });
    await expect(auth.connect(self({ code: ' ' }))).rejects.toMatchObject({
      message: "Paste the code Zoho's API console generated for the Self Client.",
    });
    expect(requests).toEqual([]);
  });

  it('renews with the refresh token and the secret, and Disconnect revokes it', async () => {
    const clock = fakeClock();
    const { fetch, requests } = accounts('https://accounts.zoho.com');
    await secrets.set('clientSecret', 'the-secret');
    const auth = createZohoAuth({ secrets, identity: noWindow, fetch, now: clock.now });
    await auth.connect(self());
    clock.advance(3_600_000);
    await auth.getAccessToken();
    expect(Object.fromEntries(new URLSearchParams(requests.at(-1)!.body))).toEqual({
      grant_type: 'refresh_token',
      client_id: CLIENT_ID,
      refresh_token: '1000.refresh',
      client_secret: 'the-secret',
    });
    expect(await auth.disconnect()).toEqual({ revoked: true });
    expect(requests.at(-1)!.url).toBe('https://accounts.zoho.com/oauth/v2/token/revoke?token=1000.refresh');
  });
});

describe('missingScopes', () => {
  it("takes Zoho's case as it comes, and a group's ALL as covering its READ and UPDATE", () => {
    expect(missingScopes(DESK_SCOPES.map((s) => s.toLowerCase()))).toEqual([]);
    expect(missingScopes(['Desk.basic.READ', 'Desk.settings.ALL', 'Desk.contacts.ALL', 'Desk.search.READ'])).toEqual(
      [],
    );
    expect(missingScopes(['Desk.basic.READ'])).toEqual([
      'Desk.settings.READ',
      'Desk.settings.UPDATE',
      'Desk.contacts.READ',
      'Desk.contacts.UPDATE',
      'Desk.search.READ',
    ]);
  });
});
