/**
 * Each Zoho client type an admin may have registered: connect, remove with the verified report, and an
 * expired token renewed without the admin; for Client-based, a Zoho session that ends asks to reconnect and
 * loses nothing. A wrong type says which one to choose.
 */
import type { SandboxControl } from '../../sandbox/control-client';
import { COMMUNITY_HC_ID } from '../../sandbox/data';
import { EXTENSION_REDIRECT_URI } from '../../sandbox/state';
import { seedHolders, startHoldersRun } from './bulk-helpers';
import {
  CLIENT_TYPE_LABELS,
  connectThroughOptions,
  expect,
  expectConnected,
  openPage,
  optionsUrl,
  panelOf,
  removeByName,
  test,
  userOf,
  userPageUrl,
} from './fixtures';

const CLIENTS = {
  mobile: { clientId: '1000.MOBILECLIENT000000000000000', type: 'mobile' as const },
  server: { clientId: '1000.SERVERCLIENT000000000000000', type: 'server' as const, clientSecret: 'server-s3cret' },
  client: { clientId: '1000.JAVASCRIPTCLIENT00000000000', type: 'client' as const },
};

const registerAll = (control: SandboxControl) =>
  control.configure({
    clients: Object.values(CLIENTS).map((c) => ({ ...c, redirectUris: [EXTENSION_REDIRECT_URI] })),
  });

test.beforeEach(async ({ control }) => {
  await registerAll(control);
});

for (const type of ['mobile', 'server', 'client'] as const) {
  test(`${CLIENT_TYPE_LABELS[type]}: connect, remove with the verified report, renew an expired token unseen`, async ({
    context,
    extensionId,
    control,
  }) => {
    const client = CLIENTS[type];
    await connectThroughOptions(context, extensionId, {
      clientType: type,
      clientId: client.clientId,
      ...('clientSecret' in client ? { clientSecret: client.clientSecret } : {}),
    });
    const token = (await control.requests({ face: 'accounts' })).filter((r) => r.path === '/oauth/v2/token');
    expect(token.map((r) => r.grantType)).toEqual(type === 'client' ? [] : ['authorization_code']);

    const users = (await control.getState()).data.users;
    const ben = users.find((u) => u.name === 'Ben Okafor')!;
    const page = await context.newPage();
    await page.goto(userPageUrl(COMMUNITY_HC_ID, ben.id));
    const dialog = await removeByName(page, ['Rising Star']);
    await expect(dialog.getByText('Removed (verified)')).toHaveCount(1);
    expect((await userOf(control, ben.id)).badgeIds).not.toContain(
      (await control.getState()).data.badges.find((b) => b.name === 'Rising Star')!.id,
    );

    // Expired: the next read renews without a window and without the admin.
    await control.expireAccessTokens();
    const pagesBefore = context.pages().length;
    const since = (await control.requests()).at(-1)?.seq ?? 0;
    const other = users.find((u) => u.name === 'Carol Diaz')!;
    await page.goto(userPageUrl(COMMUNITY_HC_ID, other.id));
    await page.getByRole('button', { name: 'Remove badges' }).click();
    await expect(panelOf(page).getByRole('checkbox').first()).toBeVisible();
    const renewals = (await control.requests({ face: 'accounts', since })).map((r) =>
      r.path === '/oauth/v2/token' ? `token ${r.grantType}` : r.path,
    );
    expect(renewals).toEqual(type === 'client' ? ['/oauth/v2/auth/refresh'] : ['token refresh_token']);
    expect(context.pages().length).toBe(pagesBefore);
  });
}

test('Client-based: a Zoho session that ends pauses a bulk run with the reason; one click reconnects, and the run finishes', async ({
  context,
  extensionId,
  control,
}) => {
  test.setTimeout(120_000);
  await connectThroughOptions(context, extensionId, { clientType: 'client', clientId: CLIENTS.client.clientId });
  const ids = await seedHolders(control, 12);
  await control.configure({ latencyMs: 150, concurrencyLimit: 5 });
  const bulk = await context.newPage();
  await startHoldersRun(bulk, extensionId, 12);
  // Mid-run the admin signs out of Zoho, and the token lapses.
  await expect
    .poll(async () => (await control.requests({ face: 'desk-api' })).filter((r) => r.method === 'POST').length)
    .toBeGreaterThan(0);
  await control.signOutOfZoho();
  await control.expireAccessTokens();
  await expect(bulk.getByRole('heading', { name: /Bulk run: paused/ })).toBeVisible({ timeout: 30_000 });
  await expect(bulk.getByText(/Your Zoho session ended/)).toBeVisible();
  const before = (await control.getState()).data.users.filter((u) => ids.includes(u.id) && u.badgeIds.length === 0);
  expect(before.length).toBeLessThan(12);

  // The panel's notice: one click opens the sign-in; no window opened by itself before that.
  const page = await context.newPage();
  await page.goto(userPageUrl(COMMUNITY_HC_ID, ids[0]!));
  await page.getByRole('button', { name: 'Remove badges' }).click();
  const notice = panelOf(page).locator('.br-notice');
  await expect(notice).toContainText(/Your Zoho session ended|expired/);
  const consentOpened = context.waitForEvent('page', (p) => p.url().includes('/oauth/v2/auth'));
  await panelOf(page).getByRole('button', { name: 'Reconnect' }).click();
  const consent = await consentOpened;
  await consent.locator('#accept').click();

  await expect(bulk.getByRole('heading', { name: 'Bulk run: done' })).toBeVisible({ timeout: 60_000 });
  await expect(bulk.locator('.counts')).toContainText('12 removed · 0 failed · 0 skipped · 0 remaining');
  const removals = (await control.requests({ face: 'desk-api' })).filter(
    (r) => r.method === 'POST' && r.status === 200 && r.path.endsWith('/dissociate'),
  );
  expect(removals.map((r) => /users\/(\d+)/.exec(r.path)![1]).sort()).toEqual([...ids].sort());
});

test('a wrong client type says which to choose, and switching to it connects', async ({
  context,
  extensionId,
  control,
}) => {
  const page = await openPage(context, optionsUrl(extensionId));
  // A Client-based client, tried as Mobile-based (the default): Zoho refuses the code flow.
  await page.getByLabel('Client ID').fill(CLIENTS.client.clientId);
  await page.getByRole('button', { name: 'Connect to Zoho' }).click();
  await expect(page.getByRole('alert')).toContainText('Client-based (JavaScript)');
  const consentOpened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Switch to Client-based (JavaScript)' }).click();
  await expect(page.getByRole('radio', { name: /^Client-based/ })).toBeChecked();
  await page.getByRole('button', { name: 'Connect to Zoho' }).click();
  await (await consentOpened).locator('#accept').click();
  await expectConnected(page);
  expect((await control.getState()).stats.implicitGrants).toBe(1);
});

test('a Server-based client tried without its secret names Server-based', async ({ context, extensionId }) => {
  const page = await openPage(context, optionsUrl(extensionId));
  await page.getByLabel('Client ID').fill(CLIENTS.server.clientId);
  const consentOpened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Connect to Zoho' }).click();
  await (await consentOpened).locator('#accept').click();
  await expect(page.getByRole('alert')).toContainText('Server-based');
  // Mobile-based, the default, offers an optional secret: Server-based's is required.
  await expect(page.getByLabel('Client secret (optional)')).toBeVisible();
  await page.getByRole('button', { name: 'Switch to Server-based' }).click();
  await expect(page.getByRole('radio', { name: /^Server-based/ })).toBeChecked();
  await expect(page.getByLabel('Client secret', { exact: true })).toBeVisible();
});
