import { BOTH_HELP_CENTERS_USER_ID, COMMUNITY_HC_ID, NON_USER_CONTACT_ID } from '../../sandbox/data';
import { connectThroughOptions, expect, panelOf, test, userPageUrl } from './fixtures';

const contactUrl = (contactId: string) => `https://desk.zoho.com/agent/zylker/zylker/contacts/details/${contactId}`;

test.describe('on a contact page', () => {
  test.beforeEach(async ({ context, extensionId }) => {
    await connectThroughOptions(context, extensionId);
  });

  // Zoho's documented mapping (`GET /contacts/{id}/helpCenters`); where Zoho lacks it (404, 405), the email search.
  for (const route of [true, false, '405'] as const) {
    const how =
      route === true
        ? 'through /contacts/{id}/helpCenters'
        : `by email where that call is ${route === false ? '404' : '405'}`;
    test(`removing badges changes exactly the contact’s Help Center user, found ${how}`, async ({
      context,
      control,
    }) => {
      await control.configure({ routes: { contactHelpCenters: route } });
      const before = (await control.getState()).data.users;
      const ben = before.find((u) => u.name === 'Ben Okafor')!;
      const page = await context.newPage();
      await page.goto(contactUrl(ben.contactId));
      await page.getByRole('button', { name: 'Remove badges' }).click();
      const dialog = panelOf(page);
      await dialog.getByRole('button', { name: 'Select none' }).click();
      await dialog.getByRole('checkbox', { name: /MVP 2026/ }).check();
      await dialog.getByRole('button', { name: /Review removal/ }).click();
      await dialog.getByRole('button', { name: 'Remove 1 badge' }).click();
      await expect(dialog.getByText('Removed (verified)')).toBeVisible();

      const after = (await control.getState()).data.users;
      for (const user of after) {
        const was = before.find((u) => u.id === user.id)!;
        expect(user.badgeIds).toEqual(
          user.id === ben.id ? was.badgeIds.filter((b) => b !== '24073000002953207') : was.badgeIds,
        );
      }

      const api = await control.requests({ face: 'desk-api', method: 'GET' });
      const mapping = api.filter((r) => r.path === `/api/v1/contacts/${ben.contactId}/helpCenters`);
      const searches = api.filter((r) => r.path === '/api/v1/users' && r.query.searchBy !== undefined);
      expect(mapping.map((r) => r.status)).toEqual([route === true ? 200 : route === false ? 404 : 405]);
      if (route === true) expect(searches).toEqual([]);
      else {
        expect(searches.length).toBeGreaterThan(0);
        expect(searches.every((r) => r.query.searchBy === ben.emailAddress)).toBe(true);
      }
    });
  }

  test('a contact who is no Help Center user gets the plain message', async ({ context }) => {
    const page = await context.newPage();
    await page.goto(contactUrl(NON_USER_CONTACT_ID));
    await page.getByRole('button', { name: 'Remove badges' }).click();
    await expect(panelOf(page)).toContainText('is not a Help Center user, so there are no community badges to remove.');
    await expect(panelOf(page).getByRole('alert')).toHaveCount(0);
  });

  test('a contact in two help centers shows each one, and the mapping is remembered', async ({ context, control }) => {
    const both = (await control.getState()).data.users.find((u) => u.id === BOTH_HELP_CENTERS_USER_ID)!;
    const page = await context.newPage();
    await page.goto(contactUrl(both.contactId));
    await page.getByRole('button', { name: 'Remove badges' }).click();
    const dialog = panelOf(page);
    await expect(dialog.getByRole('button', { name: 'Zylker Community' })).toHaveAttribute('aria-pressed', 'true');
    await dialog.getByRole('button', { name: 'Zylker Partners' }).click();
    await expect(dialog.getByRole('button', { name: 'Zylker Partners' })).toHaveAttribute('aria-pressed', 'true');
    await expect(dialog.getByRole('button', { name: 'Zylker Community' })).toHaveAttribute('aria-pressed', 'false');
    // The panel's line under its title names the help center whose badges it now shows.
    await expect(dialog.getByText('· Zylker Partners')).toBeVisible();
    await expect(dialog.getByRole('checkbox').first()).toBeVisible();

    const lookups = async () =>
      (await control.requests({ face: 'desk-api' })).filter((r) => r.path === `/api/v1/contacts/${both.contactId}`)
        .length;
    expect(await lookups()).toBe(1);
    await page.reload();
    await page.getByRole('button', { name: 'Remove badges' }).click();
    await expect(panelOf(page).getByRole('button', { name: 'Zylker Partners' })).toBeVisible();
    expect(await lookups()).toBe(1);
  });

  test('in-page navigation from a contact page to a Help Center user page keeps exactly one control', async ({
    context,
    control,
  }) => {
    const ben = (await control.getState()).data.users.find((u) => u.name === 'Ben Okafor')!;
    const page = await context.newPage();
    await page.goto(contactUrl(ben.contactId));
    await expect(page.getByRole('button', { name: 'Remove badges' })).toHaveCount(1);
    await page.evaluate(
      (url) => {
        history.pushState(null, '', url);
        dispatchEvent(new PopStateEvent('popstate'));
      },
      userPageUrl(COMMUNITY_HC_ID, ben.id),
    );
    await expect(page.locator('main h1')).toHaveText('Ben Okafor');
    await expect(page.getByRole('button', { name: 'Remove badges' })).toHaveCount(1);
    await page.getByRole('button', { name: 'Remove badges' }).click();
    await expect(panelOf(page)).toContainText('MVP 2026');
  });
});
