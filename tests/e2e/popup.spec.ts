import { COMMUNITY_HC_ID, DEMO_USER_ID, ZYLKER_BADGES } from '../../sandbox/data';
import { connectThroughOptions, expect, test } from './fixtures';

const B = ZYLKER_BADGES;

test.describe('the popup', () => {
  test.beforeEach(async ({ context, extensionId }) => {
    await connectThroughOptions(context, extensionId);
  });

  test('a search by email finds the user, and copy puts the ID on the clipboard', async ({
    context,
    extensionId,
    control,
  }) => {
    const carol = (await control.getState()).data.users.find((u) => u.id === DEMO_USER_ID)!;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const box = popup.getByRole('searchbox', { name: 'Name or email' });
    await expect(box).toBeFocused();
    await box.fill(carol.emailAddress);
    const result = popup.locator('.result', { hasText: carol.name });
    await expect(result).toContainText(`${carol.badgeIds.length} badges`);
    await result.getByRole('button', { name: 'Copy User ID' }).click();
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(DEMO_USER_ID);

    // Reopened, the last search shows at once.
    await popup.reload();
    await expect(popup.locator('.result', { hasText: carol.name })).toBeVisible();
    await expect(popup.getByRole('searchbox')).toHaveValue(carol.emailAddress);
  });

  test('remove from the popup changes the sandbox exactly as on the page', async ({
    context,
    extensionId,
    control,
  }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('searchbox').fill('Carol Diaz');
    await popup.locator('.result', { hasText: 'Carol Diaz' }).getByRole('button', { name: 'Remove badges' }).click();
    const flow = popup.locator('.inline-panel');
    await expect(flow.getByRole('checkbox').first()).toBeVisible();
    await flow.getByRole('button', { name: 'Select none' }).click();
    await flow.getByRole('checkbox', { name: /Rising Star/ }).check();
    await flow.getByRole('button', { name: /Review removal/ }).click();
    await expect(flow).toContainText('Remove 1 badge from Carol Diaz');
    await flow.getByRole('button', { name: 'Remove 1 badge' }).click();
    await expect(flow.getByText('Removed (verified)')).toBeVisible();
    const user = (await control.getState()).data.users.find((u) => u.id === DEMO_USER_ID)!;
    expect(user.badgeIds.sort()).toEqual([B.newcomer, B.topContributor, B.betaTester].sort());
    const writes = (await control.requests({ face: 'desk-api' })).filter((r) => r.method !== 'GET');
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /api/v1/users/${DEMO_USER_ID}/badges/dissociate`,
    ]);
  });

  test('when Zoho does not list help centers, the typed help center ID is used and remembered', async ({
    context,
    extensionId,
    control,
  }) => {
    await control.configure({ routes: { helpCenters: false } });
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const hc = popup.getByLabel('Help center', { exact: true });
    await expect(popup.getByText(/type the help center ID once/)).toBeVisible();
    await hc.fill(COMMUNITY_HC_ID);
    await popup.getByRole('searchbox').fill('Carol');
    await expect(popup.locator('.result', { hasText: 'Carol Diaz' })).toBeVisible();
    const searches = (await control.requests({ face: 'desk-api' })).filter((r) => r.path === '/api/v1/users');
    expect(searches.at(-1)?.query).toMatchObject({ helpCenterId: COMMUNITY_HC_ID, searchBy: 'Carol' });
    await popup.reload();
    await expect(popup.getByLabel('Help center', { exact: true })).toHaveValue(COMMUNITY_HC_ID);
  });

  test('an ID that is not a number is refused without a request', async ({ context, extensionId, control }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('radio', { name: 'User ID' }).check();
    await control.clearRequests();
    await popup.getByRole('searchbox', { name: 'User ID' }).fill('carol-diaz');
    await expect(popup.getByRole('alert')).toContainText('A user ID is a number');
    await popup.waitForTimeout(600);
    expect((await control.requests({ face: 'desk-api' })).filter((r) => r.path.startsWith('/api/v1/users'))).toEqual(
      [],
    );

    await popup.getByRole('searchbox', { name: 'User ID' }).fill(DEMO_USER_ID);
    await expect(popup.locator('.result', { hasText: 'Carol Diaz' })).toBeVisible();
  });

  test('arrow keys move through results and Enter opens one', async ({ context, extensionId }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const box = popup.getByRole('searchbox');
    await box.fill('example');
    await expect(popup.locator('.result').nth(1)).toBeVisible();
    const second = await popup.locator('.result').nth(1).locator('.name').textContent();
    await box.press('ArrowDown');
    await box.press('Enter');
    await expect(popup.getByRole('heading', { level: 1 })).toContainText(second!);
    await expect(popup.getByText('Copy all IDs')).toBeVisible();
  });
});
