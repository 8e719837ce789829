import type { BrowserContext, Page, Worker } from '@playwright/test';
import { COMMUNITY_HC_ID, DEMO_USER_ID, ZYLKER_BADGES } from '../../sandbox/data';
import { connectThroughOptions, expect, panelOf, removeByName, test, userOf } from './fixtures';

// Shapes no built-in pattern knows (the sandbox's Desk app draws them).
const memberUrl = (hc: string, user: string) =>
  `https://desk.zoho.com/agent/zylker/zylker/community/${hc}/members/${user}`;
const personUrl = (contact: string) => `https://desk.zoho.com/agent/zylker/zylker/crm/people/${contact}`;

/** The popup as the admin opens it over the given tab: that tab is the active one. */
async function popupOver(context: BrowserContext, serviceWorker: Worker, extensionId: string, page: Page) {
  const popup = await context.newPage();
  await serviceWorker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    await chrome.tabs.update(tab!.id!, { active: true });
  }, page.url());
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup;
}

test.describe('Recognize this page', () => {
  test.beforeEach(async ({ context, extensionId }) => {
    await connectThroughOptions(context, extensionId);
  });

  test('a user page of an unknown shape is recognized, saved, and then works end to end', async ({
    context,
    serviceWorker,
    extensionId,
    control,
  }) => {
    const page = await context.newPage();
    await page.goto(memberUrl(COMMUNITY_HC_ID, DEMO_USER_ID));
    await expect(page.getByRole('heading', { name: 'Carol Diaz' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Remove badges' })).toHaveCount(0);

    const popup = await popupOver(context, serviceWorker, extensionId, page);
    await popup.getByRole('button', { name: 'Recognize this page' }).click();
    const found = popup.getByRole('region', { name: /Is this a Help Center user/ });
    await expect(found).toContainText(`${DEMO_USER_ID}: Help Center user Carol Diaz`);
    await expect(found).toContainText(`${COMMUNITY_HC_ID}: help center`);
    await expect(found.locator('code.pattern')).toHaveText(
      '/agent/{portal}/{department}/community/{helpCenterId}/members/{userId}',
    );
    // Nothing was saved, and nothing written, before the admin confirms.
    expect((await control.requests({ face: 'desk-api' })).filter((r) => r.method !== 'GET')).toEqual([]);
    await expect(page.getByRole('button', { name: 'Remove badges' })).toHaveCount(0);
    await found.getByRole('button', { name: 'Save this pattern' }).click();
    await expect(popup.getByRole('status').first()).toContainText('The control is on this page now');

    // The control appears at once on this page, and the removal is verified.
    const dialog = await removeByName(page, ['Top Contributor']);
    await expect(dialog.getByText('Removed (verified)')).toHaveCount(1);
    expect((await userOf(control, DEMO_USER_ID)).badgeIds).not.toContain(ZYLKER_BADGES.topContributor);

    // Every page of the same shape is known from then on.
    const other = (await control.getState()).data.users.find((u) => u.name === 'Ben Okafor')!;
    const next = await context.newPage();
    await next.goto(memberUrl(COMMUNITY_HC_ID, other.id));
    await next.getByRole('button', { name: 'Remove badges' }).click();
    await expect(panelOf(next)).toContainText('MVP 2026');
  });

  test('a contact page of an unknown shape is recognized and works', async ({
    context,
    serviceWorker,
    extensionId,
    control,
  }) => {
    const ben = (await control.getState()).data.users.find((u) => u.name === 'Ben Okafor')!;
    const page = await context.newPage();
    await page.goto(personUrl(ben.contactId!));
    const popup = await popupOver(context, serviceWorker, extensionId, page);
    await popup.getByRole('button', { name: 'Recognize this page' }).click();
    const found = popup.getByRole('region', { name: /Is this a Help Center user/ });
    await expect(found).toContainText(`${ben.contactId}: contact`);
    await expect(found.locator('code.pattern')).toHaveText('/agent/{portal}/{department}/crm/people/{contactId}');
    await found.getByRole('button', { name: 'Save this pattern' }).click();
    const dialog = await removeByName(page, ['MVP 2026']);
    await expect(dialog.getByText('Removed (verified)')).toHaveCount(1);
    expect((await userOf(control, ben.id)).badgeIds).not.toContain(ZYLKER_BADGES.mvp2026);
  });

  test('nothing found: it says so and opens the pattern editor with the address filled in', async ({
    context,
    serviceWorker,
    extensionId,
  }) => {
    const page = await context.newPage();
    await page.goto('https://desk.zoho.com/agent/zylker/zylker/community/123/members/456');
    const popup = await popupOver(context, serviceWorker, extensionId, page);
    await popup.getByRole('button', { name: 'Recognize this page' }).click();
    const found = popup.getByRole('region', { name: /Is this a Help Center user/ });
    await expect(found).toContainText('456: not a user, help center or contact');
    await expect(found).toContainText('cannot be recognized');
    const editorOpened = context.waitForEvent('page');
    await found.getByRole('button', { name: 'Open the pattern editor' }).click();
    const options = await editorOpened;
    const field = options.getByLabel('Help Center user page URL patterns (one per line)');
    await expect(field).toHaveValue('/agent/zylker/zylker/community/123/members/456');
    await expect(field).toBeFocused();
  });
});
