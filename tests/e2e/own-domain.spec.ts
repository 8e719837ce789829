/**
 * An organization's own Desk address (domain mapping): absent until the admin adds it and the browser grants that
 * one origin, then the control works there (its panel in a window of the extension, which the browser lets into
 * frames on Zoho's hosts only); absent again once removed. The browser's prompt cannot be clicked in headless
 * Chromium: this build has the origin granted at install (the `grantAtInstall` fixture), so
 * `permissions.request` resolves at once through the same code path as the admin's Allow.
 */
import { COMMUNITY_HC_ID } from '../../sandbox/data';
import { attack, expectNothingChanged } from './attack';
import { connectThroughOptions, expect, openPage, optionsUrl, test, userNamed, userPageUrl } from './fixtures';

const OWN = 'support.zylker.example';
test.use({ grantAtInstall: [`https://${OWN}/*`] });

test("the control on the organization's own domain: added, used, removed", async ({
  context,
  extensionId,
  control,
}) => {
  await connectThroughOptions(context, extensionId);
  const ben = await userNamed(control, 'Ben Okafor');
  const page = await openPage(context, userPageUrl(COMMUNITY_HC_ID, ben.id, OWN));
  await expect(page.locator('main h1')).toBeVisible();
  await page.waitForTimeout(1000);
  await expect(page.locator('badge-remover-control')).toHaveCount(0);

  const options = await openPage(context, optionsUrl(extensionId));
  await options.getByRole('textbox', { name: 'Desk address' }).fill(`https://${OWN}/support`);
  await options.getByRole('button', { name: 'Add address' }).click();
  await expect(options.getByText(`https://${OWN}`, { exact: true })).toBeVisible();

  await page.reload();
  const trigger = page.getByRole('button', { name: 'Remove badges' });
  await expect(trigger).toBeVisible();
  // The page's own scripts, here too, change nothing.
  const before = await control.getState();
  await attack(page);
  await expectNothingChanged(control, before);
  const windowOpened = context.waitForEvent('page', (p) => p.url().includes('/removal-panel.html'));
  await trigger.click();
  const panelWindow = await windowOpened;
  const dialog = panelWindow.getByRole('dialog');
  await dialog.getByRole('button', { name: /Select none/ }).click();
  await dialog.getByRole('checkbox', { name: /Rising Star/ }).check();
  await dialog.getByRole('button', { name: /Review removal/ }).click();
  await dialog.getByRole('button', { name: 'Remove 1 badge' }).click();
  await expect(dialog.getByText('Removed (verified)')).toHaveCount(1);
  const api = await control.requests({ face: 'desk-api' });
  expect(new Set(api.map((r) => r.host))).toEqual(new Set(['desk.zoho.com']));
  const closed = panelWindow.waitForEvent('close');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await closed;

  await options.getByRole('button', { name: `Remove https://${OWN}` }).click();
  await expect(options.getByText(`https://${OWN}`, { exact: true })).toHaveCount(0);
  await page.reload();
  await expect(page.locator('main h1')).toBeVisible();
  await page.waitForTimeout(1000);
  await expect(page.locator('badge-remover-control')).toHaveCount(0);
});
