/**
 * A Self Client, the way that needs no redirect URI: the admin generates a code in Zoho's API console (the sandbox's
 * control call here) and pastes it in the options page. Detect finds the data center by trying each; each refusal
 * says what to do; an expired connection asks for a new code, never a sign-in window.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { COMMUNITY_HC_ID } from '../../sandbox/data';
import { SANDBOX_SELF_CLIENT } from '../../sandbox/state';
import { DESK_SCOPE_STRING } from '../../utils/connection/scopes';
import {
  connectionFact,
  expect,
  expectConnected,
  optionsUrl,
  panelOf,
  removeByName,
  test,
  userNamed,
  userOf,
  userPageUrl,
} from './fixtures';

/** On the options page: Self Client, its ID and secret, the pasted code, the data center; then Connect. */
async function pasteCode(
  page: Page,
  code: string,
  o: { secret?: string; dataCenter?: string; choose?: boolean } = {},
): Promise<void> {
  if (o.choose !== false) {
    await page.getByRole('radio', { name: /^Self Client/ }).check();
    await page.getByLabel('Client ID').fill(SANDBOX_SELF_CLIENT.clientId);
    await page.getByLabel('Client secret').fill(o.secret ?? SANDBOX_SELF_CLIENT.clientSecret);
    await page.getByLabel('Data center').selectOption(o.dataCenter ?? 'auto');
  }
  await page.getByRole('textbox', { name: 'Code' }).fill(code);
  await page.getByRole('button', { name: 'Connect to Zoho' }).click();
}

async function optionsPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(optionsUrl(extensionId));
  return page;
}

test('connects with a pasted code under Detect, removes with the verified report, renews unseen, and Disconnect revokes', async ({
  context,
  extensionId,
  control,
}) => {
  const options = await optionsPage(context, extensionId);
  await options.getByRole('radio', { name: /^Self Client/ }).check();
  // What the admin pastes in the console, and no redirect URI to register.
  await expect(options.getByText(DESK_SCOPE_STRING, { exact: true })).toBeVisible();
  await expect(options.getByText(/chromiumapp\.org/)).toHaveCount(0);
  // Generated in the European console: Detect must find it there.
  const { code } = await control.selfClientCode({ scopes: DESK_SCOPE_STRING, location: 'eu', minutes: 5 });
  const pagesBefore = context.pages().length;
  await pasteCode(options, code);
  await expectConnected(options, 'Zylker');
  await expect(connectionFact(options, 'Data center')).toHaveText('Europe');
  expect(context.pages().length).toBe(pagesBefore);
  const accounts = await control.requests({ face: 'accounts' });
  expect(accounts.map((r) => `${r.host} ${r.path} ${r.grantType} ${r.status}`)).toEqual([
    'accounts.zoho.com /oauth/v2/token authorization_code 200',
    'accounts.zoho.eu /oauth/v2/token authorization_code 200',
  ]);
  expect((await control.getState()).tokens.codes.map((c) => c.used)).toEqual([true]);

  const ben = await userNamed(control, 'Ben Okafor');
  const risingStar = (await control.getState()).data.badges.find((b) => b.name === 'Rising Star')!.id;
  const page = await context.newPage();
  // On the European Desk: a page of another data center than the connection's is refused.
  await page.goto(userPageUrl(COMMUNITY_HC_ID, ben.id, 'desk.zoho.eu'));
  const dialog = await removeByName(page, ['Rising Star']);
  await expect(dialog.getByText('Removed (verified)')).toHaveCount(1);
  expect((await userOf(control, ben.id)).badgeIds).not.toContain(risingStar);

  // Expired: renewed with the refresh token and the secret, at the Self Client's data center, without the admin.
  await control.expireAccessTokens();
  const since = (await control.requests()).at(-1)?.seq ?? 0;
  const carol = await userNamed(control, 'Carol Diaz');
  await page.goto(userPageUrl(COMMUNITY_HC_ID, carol.id, 'desk.zoho.eu'));
  await page.getByRole('button', { name: 'Remove badges' }).click();
  await expect(panelOf(page).getByRole('checkbox').first()).toBeVisible();
  const renewals = await control.requests({ face: 'accounts', since });
  expect(renewals.map((r) => `${r.host} ${r.grantType}`)).toEqual(['accounts.zoho.eu refresh_token']);

  await options.getByRole('button', { name: 'Disconnect' }).click();
  await options.getByRole('button', { name: 'Yes, disconnect' }).click();
  await expect(options.getByRole('button', { name: 'Connect to Zoho' })).toBeVisible();
  expect((await control.getState()).tokens.refreshTokens.map((t) => t.revoked)).toEqual([true]);
});

test('an expired code: codes last 3 to 10 minutes and work once', async ({ context, extensionId, control }) => {
  const { code } = await control.selfClientCode({ scopes: DESK_SCOPE_STRING, minutes: 3 });
  await control.advanceClock(3 * 60 + 1);
  const options = await optionsPage(context, extensionId);
  await pasteCode(options, code);
  const alert = options.getByRole('alert');
  await expect(alert).toContainText('No Zoho data center accepted the code');
  await expect(alert).toContainText('Codes last 3 to 10 minutes and work once: generate a new one');
  await expect(options.getByRole('button', { name: 'Disconnect' })).toHaveCount(0);
});

test("a code from another data center's console, with the data center fixed: says so", async ({
  context,
  extensionId,
  control,
}) => {
  const { code } = await control.selfClientCode({ scopes: DESK_SCOPE_STRING, location: 'eu' });
  const options = await optionsPage(context, extensionId);
  await pasteCode(options, code, { dataCenter: 'us' });
  const alert = options.getByRole('alert');
  await expect(alert).toContainText("Zoho's United States data center did not accept the code.");
  await expect(alert).toContainText("it may come from another data center's console");
  // Refused, not spent: under Detect the same code connects.
  await options.getByLabel('Data center').selectOption('auto');
  await options.getByRole('button', { name: 'Connect to Zoho' }).click();
  await expectConnected(options);
});

test('the wrong client secret: says which, and the code stays good', async ({ context, extensionId, control }) => {
  const { code } = await control.selfClientCode({ scopes: DESK_SCOPE_STRING });
  const options = await optionsPage(context, extensionId);
  await pasteCode(options, code, { secret: 'not-the-secret' });
  const alert = options.getByRole('alert');
  await expect(alert).toContainText('Zoho (United States) rejected the client secret.');
  await expect(alert).toContainText("Client Secret tab in Zoho's API console");
  expect((await control.getState()).tokens.codes.map((c) => c.used)).toEqual([false]);
});

test('a code without a scope the extension needs: names it, offers the scope string, keeps nothing', async ({
  context,
  extensionId,
  control,
}) => {
  const narrow = 'Desk.basic.READ,Desk.settings.READ,Desk.settings.UPDATE,Desk.contacts.READ';
  const { code } = await control.selfClientCode({ scopes: narrow });
  const options = await optionsPage(context, extensionId);
  await pasteCode(options, code);
  const alert = options.getByRole('alert');
  await expect(alert).toContainText(
    'The code was generated without Desk.contacts.UPDATE, Desk.search.READ, which the extension needs.',
  );
  await expect(alert).toContainText(`Generate a new code with this scope string: ${DESK_SCOPE_STRING}`);
  await expect(options.getByRole('button', { name: 'Copy Scope string' })).toBeVisible();
  // What Zoho issued was revoked at once.
  expect((await control.getState()).tokens.refreshTokens.map((t) => t.revoked)).toEqual([true]);
});

test("an expired connection's Reconnect opens the options page for a new code, never a sign-in window", async ({
  context,
  extensionId,
  control,
}) => {
  const options = await optionsPage(context, extensionId);
  await pasteCode(options, (await control.selfClientCode({ scopes: DESK_SCOPE_STRING })).code);
  await expectConnected(options);
  // Zoho no longer takes the refresh token (revoked in Zoho Accounts, say).
  await control.expireAccessTokens();
  await control.addFault({ path: '^/oauth/v2/token$', status: 200, body: { error: 'invalid_code' }, times: 1 });

  const page = await context.newPage();
  await page.goto(userPageUrl(COMMUNITY_HC_ID, (await userNamed(control, 'Ben Okafor')).id));
  await page.getByRole('button', { name: 'Remove badges' }).click();
  const reopened = context.waitForEvent('page', (p) => p.url().startsWith(optionsUrl(extensionId)));
  await panelOf(page).getByRole('button', { name: 'Reconnect' }).click();
  const fresh = await reopened;
  await expect(fresh.getByRole('heading', { name: 'Reconnect to Zoho' })).toBeVisible();
  await expect(fresh.getByRole('textbox', { name: 'Code' })).toBeFocused();
  await expect(fresh.getByRole('alert')).toHaveCount(0);
  await pasteCode(fresh, (await control.selfClientCode({ scopes: DESK_SCOPE_STRING })).code, { choose: false });
  await expectConnected(fresh);
  await expect(fresh.getByRole('heading', { name: 'Reconnect to Zoho' })).toHaveCount(0);
  expect((await control.requests({ face: 'accounts' })).filter((r) => r.path === '/oauth/v2/auth')).toEqual([]);
});
