import { COMMUNITY_HC_ID, DEMO_USER_ID } from '../../sandbox/data';
import { EXTENSION_REDIRECT_URI, tokenId } from '../../sandbox/state';
import {
  connectionFact,
  connectThroughOptions,
  expect,
  expectConnected,
  optionsUrl,
  panelOf,
  SANDBOX_CLIENT_ID,
  test,
  userPageUrl,
} from './fixtures';

test('connect by accepting on the Zoho consent page', async ({ context, extensionId, control }) => {
  const options = await connectThroughOptions(context, extensionId);
  await expectConnected(options, 'Zylker');
  await expect(connectionFact(options, 'Data center')).toHaveText('United States');
  const grants = (await control.requests({ face: 'accounts' })).filter((r) => r.path === '/oauth/v2/token');
  expect(grants.map((g) => `${g.host} ${g.grantType}`)).toEqual(['accounts.zoho.com authorization_code']);
});

test('Deny on the consent page shows a clear message and stays disconnected', async ({ context, extensionId }) => {
  const options = await connectThroughOptions(context, extensionId, { accept: false });
  await expect(options.getByRole('alert')).toContainText(/declined|denied/i);
  await expect(options.getByRole('button', { name: 'Connect to Zoho' })).toBeEnabled();
});

test('an invalid client ID is refused inline and nothing is saved', async ({ context, extensionId, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto(optionsUrl(extensionId));
  await page.getByLabel('Client ID').fill('not-a-client-id');
  await page.getByRole('button', { name: 'Connect to Zoho' }).click();
  await expect(page.getByText(/doesn.t look like a Zoho Client ID/)).toBeVisible();
  const stored = await serviceWorker.evaluate(() => chrome.storage.local.get(null));
  expect(JSON.stringify(stored)).not.toContain('not-a-client-id');
});

test('a user in the EU data center is exchanged at the EU accounts server and calls the EU Desk host', async ({
  context,
  extensionId,
  control,
}) => {
  await control.configure({ accountLocation: 'eu' });
  const options = await connectThroughOptions(context, extensionId);
  await expect(connectionFact(options, 'Data center')).toHaveText('Europe');
  const log = await control.requests();
  expect(log.filter((r) => r.path === '/oauth/v2/token').map((r) => r.host)).toEqual(['accounts.zoho.eu']);
  expect(log.filter((r) => r.face === 'desk-api').every((r) => r.host === 'desk.zoho.eu')).toBe(true);
  expect(log.some((r) => r.face === 'desk-api' && r.path === '/api/v1/organizations')).toBe(true);
});

test('a short token lifetime is refreshed without the admin noticing', async ({ context, extensionId, control }) => {
  await connectThroughOptions(context, extensionId);
  await control.expireAccessTokens();
  const page = await context.newPage();
  await page.goto(userPageUrl(COMMUNITY_HC_ID, DEMO_USER_ID));
  await page.getByRole('button', { name: 'Remove badges' }).click();
  await expect(panelOf(page).getByRole('checkbox').first()).toBeVisible();
  const state = await control.getState();
  expect(state.tokens.refreshTokens[0]?.accessTokensMinted).toBeGreaterThanOrEqual(1);
  const refreshes = (await control.requests()).filter((r) => r.grantType === 'refresh_token');
  expect(refreshes).toHaveLength(1);
});

test('Disconnect revokes the refresh token at Zoho', async ({ context, extensionId, control, serviceWorker }) => {
  const options = await connectThroughOptions(context, extensionId);
  await options.getByRole('button', { name: 'Disconnect' }).click();
  // Nothing is revoked until the admin confirms.
  expect((await control.getState()).tokens.refreshTokens.map((t) => t.revoked)).toEqual([false]);
  await options.getByRole('button', { name: 'Yes, disconnect' }).click();
  await expect(options.getByRole('button', { name: 'Connect to Zoho' })).toBeVisible();
  const state = await control.getState();
  expect(state.tokens.refreshTokens.map((t) => t.revoked)).toEqual([true]);
  const local = await serviceWorker.evaluate(() => chrome.storage.local.get('connection'));
  expect(local.connection ?? null).toBeNull();
});

test('two organizations give a picker, and the choice is kept', async ({ context, extensionId, control }) => {
  await control.configure({ orgs: 2 });
  // With two orgs the page asks for a choice before it counts as connected.
  const options = await connectThroughOptions(context, extensionId, { until: 'consent' });
  await options.getByRole('radio', { name: /Zylker Labs/ }).check();
  await expect(connectionFact(options, 'Organization')).toHaveText('Not chosen yet');
  await options.getByRole('button', { name: /Use this organization/ }).click();
  await expectConnected(options, 'Zylker Labs');
  await options.reload();
  await expectConnected(options, 'Zylker Labs');
});

test('the refresh token and the client secret are nowhere a content script can read', async ({
  context,
  extensionId,
  control,
  serviceWorker,
}) => {
  await control.configure({
    clients: [
      {
        clientId: SANDBOX_CLIENT_ID,
        type: 'server',
        clientSecret: 'server-s3cret',
        redirectUris: [EXTENSION_REDIRECT_URI],
      },
    ],
  });
  await connectThroughOptions(context, extensionId, { clientType: 'server', clientSecret: 'server-s3cret' });
  const refreshIds = (await control.getState()).tokens.refreshTokens.map((t) => t.id);
  expect(refreshIds).toHaveLength(1);
  const stored = await serviceWorker.evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    session: await chrome.storage.session.get(null),
  }));
  const strings: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) collect(v);
  };
  collect(stored);
  expect(strings.filter((s) => refreshIds.includes(tokenId(s)))).toEqual([]);
  expect(strings.filter((s) => s.includes('server-s3cret'))).toEqual([]);
  // The connection works from the secret store: an expired access token is refreshed with them.
  await control.expireAccessTokens();
  const page = await context.newPage();
  await page.goto(userPageUrl(COMMUNITY_HC_ID, DEMO_USER_ID));
  await page.getByRole('button', { name: 'Remove badges' }).click();
  await expect(panelOf(page).getByRole('checkbox').first()).toBeVisible();
  expect((await control.requests()).filter((r) => r.grantType === 'refresh_token')).toHaveLength(1);
});
