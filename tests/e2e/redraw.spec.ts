/**
 * A Desk page that keeps re-drawing the same user's page (the sandbox's ?redraw=): new nodes every 300 ms, the
 * heading the control sits after included, from the first render on. The panel opened at once keeps working
 * through it, with the admin's choices; only another user, or another page, closes it.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { SandboxControl } from '../../sandbox/control-client';
import { COMMUNITY_HC_ID, ZYLKER_BADGES } from '../../sandbox/data';
import { connectThroughOptions, expect, panelLoadsOf, panelOf, test, userNamed, userOf, userPageUrl } from './fixtures';

/** How often the page has drawn itself again so far. */
const redraws = (page: Page) => page.evaluate(() => Number(document.body.dataset.redraws ?? 0));

/** Waits until the page has drawn itself again at least twice more. */
async function twoMoreRedraws(page: Page) {
  const from = await redraws(page);
  await expect.poll(() => redraws(page)).toBeGreaterThanOrEqual(from + 2);
}

/**
 * Connects, opens Ben Okafor's page re-drawing itself every 300 ms, and clicks the control as soon as it shows.
 * `panelLoads` lists each load of the panel's frame.
 */
async function openPanelOnRedrawingPage(context: BrowserContext, extensionId: string, control: SandboxControl) {
  await connectThroughOptions(context, extensionId);
  const ben = await userNamed(control, 'Ben Okafor');
  const page = await context.newPage();
  const panelLoads = panelLoadsOf(page);
  const url = new URL(userPageUrl(COMMUNITY_HC_ID, ben.id));
  url.search = '?redraw=300';
  await page.goto(url.href);
  await page.getByRole('button', { name: 'Remove badges' }).click();
  return { ben, page, dialog: panelOf(page), panelLoads };
}

test('the panel opened at once works through the re-draws: exactly the chosen badges go, verified', async ({
  context,
  extensionId,
  control,
}) => {
  const { ben, page, dialog, panelLoads } = await openPanelOnRedrawingPage(context, extensionId, control);
  await expect(dialog.getByRole('checkbox').first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Select none' }).click();
  await dialog.getByRole('checkbox', { name: /Rising Star/ }).check();
  await dialog.getByRole('checkbox', { name: /MVP 2026/ }).check();
  await twoMoreRedraws(page);
  await expect(dialog.getByRole('checkbox', { name: /Rising Star/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /MVP 2026/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /Newcomer/ })).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Review removal (2)' }).click();
  await twoMoreRedraws(page);
  await dialog.getByRole('button', { name: 'Remove 2 badges' }).click();
  await expect(dialog.getByText('Removed (verified)')).toHaveCount(2);
  expect((await userOf(control, ben.id)).badgeIds).toEqual([ZYLKER_BADGES.newcomer]);
  // The frame was loaded once: the re-draws never reached it.
  expect(panelLoads).toHaveLength(1);
  await expect(page.getByRole('button', { name: 'Remove badges' })).toHaveCount(1);
});

test('going to another user closes the open panel; the control then works on that user', async ({
  context,
  extensionId,
  control,
}) => {
  const { page, dialog } = await openPanelOnRedrawingPage(context, extensionId, control);
  await expect(dialog).toContainText('MVP 2026');
  await twoMoreRedraws(page);
  const carol = await userNamed(control, 'Carol Diaz');
  await page.evaluate(
    (hash) => {
      location.hash = hash;
    },
    new URL(userPageUrl(COMMUNITY_HC_ID, carol.id)).hash,
  );
  await expect(page.locator('badge-remover-control iframe.br-frame')).toHaveCount(0);
  await page.getByRole('button', { name: 'Remove badges' }).click();
  await expect(dialog).toContainText('Top Contributor');
  await expect(dialog).not.toContainText('MVP 2026');
});

test('a panel frame that reloads anyway (the page moved it) comes back on the same step, with the same choices', async ({
  context,
  extensionId,
  control,
}) => {
  const { ben, page, dialog, panelLoads } = await openPanelOnRedrawingPage(context, extensionId, control);
  await dialog.getByRole('checkbox', { name: /Newcomer/ }).uncheck();
  await dialog.getByRole('button', { name: 'Review removal (2)' }).click();
  // Moving a frame in the page reloads it.
  await page.evaluate(() => {
    document.documentElement.append(document.querySelector('badge-remover-control[data-overlay]')!);
  });
  await expect.poll(() => panelLoads.length).toBe(2);
  await expect(dialog.locator('.br-preview p').first()).toHaveText(/^Remove 2 badges from Ben Okafor/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('checkbox', { name: /Newcomer/ })).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Review removal (2)' }).click();
  await dialog.getByRole('button', { name: 'Remove 2 badges' }).click();
  await expect(dialog.getByText('Removed (verified)')).toHaveCount(2);
  expect((await userOf(control, ben.id)).badgeIds).toEqual([ZYLKER_BADGES.newcomer]);
});
