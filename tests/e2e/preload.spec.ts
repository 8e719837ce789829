/**
 * The panel's frame loads ahead of the click (the pointer over the control, its focus, the page idle): hidden, inert
 * and empty, refused everything by the service worker until the admin's click opens that very frame, which then only
 * has to be revealed. An SPA navigation takes it away with the control.
 */
import type { Frame, Page } from '@playwright/test';
import { COMMUNITY_HC_ID, ZYLKER_BADGES } from '../../sandbox/data';
import { panelIdOf } from '../../utils/platform/extension-pages';
import {
  connectThroughOptions,
  expect,
  panelLoadsOf,
  panelOf,
  removeByName,
  test,
  userNamed,
  userOf,
  userPageUrl,
} from './fixtures';

const AHEAD = 'badge-remover-control iframe.br-frame-ahead';

/** The frame loaded ahead of the click, once there is one: its address, and the frame itself. */
async function frameLoadedAhead(page: Page): Promise<{ url: string; frame: Frame }> {
  await expect(page.locator(AHEAD)).toHaveCount(1);
  const url = (await page.locator(AHEAD).getAttribute('src'))!;
  await expect.poll(() => page.frames().some((f) => f.url() === url)).toBe(true);
  return { url, frame: page.frames().find((f) => f.url() === url)! };
}

/** A request the panel page itself sends the service worker, as any code in that frame could. */
function askFromFrame(frame: Frame, type: string, input: object) {
  return frame.evaluate(
    ([type, input]) => chrome.runtime.sendMessage({ type, input }) as Promise<{ ok: boolean; error?: object }>,
    [type, input] as const,
  );
}

test('the frame loaded ahead is hidden, inert and empty, and the worker refuses it everything before the click', async ({
  context,
  extensionId,
  control,
}) => {
  await connectThroughOptions(context, extensionId);
  const ben = await userNamed(control, 'Ben Okafor');
  const page = await context.newPage();
  const panelLoads = panelLoadsOf(page);
  await page.goto(userPageUrl(COMMUNITY_HC_ID, ben.id));
  const trigger = page.getByRole('button', { name: 'Remove badges' });
  // The pointer over the control (the page's idle moment may have loaded it already): one frame, no more.
  await trigger.hover();
  const { url, frame } = await frameLoadedAhead(page);
  await expect(page.locator(AHEAD)).toBeHidden();
  await expect(page.locator('badge-remover-control .br-panel-ahead')).toHaveAttribute('inert', '');
  await expect(page.locator('badge-remover-control .br-panel-ahead')).toHaveAttribute('aria-hidden', 'true');
  await expect(trigger).toHaveAttribute('aria-expanded', 'false');

  // Whatever the frame asks before the click is refused: its context, the user's badges, a removal.
  const panelId = panelIdOf(url);
  const notOpened = { ok: false, error: { errorCode: 'panel-not-opened' } };
  const target = { userId: ben.id, helpCenterId: COMMUNITY_HC_ID };
  expect(
    await askFromFrame(frame, 'getPanelContext', {
      panelId,
      framedBy: 'https://desk.zoho.com',
      tracksVisibility: true,
    }),
  ).toMatchObject(notOpened);
  expect(await askFromFrame(frame, 'getUserBadges', target)).toMatchObject(notOpened);
  expect(await askFromFrame(frame, 'removeBadges', { ...target, badgeIds: [ZYLKER_BADGES.risingStar] })).toMatchObject(
    notOpened,
  );
  // The page's own script tells the frame it was claimed: the frame asks again, is refused again, and stays empty.
  await page.evaluate((url) => {
    const ahead = [...document.querySelectorAll('badge-remover-control')]
      .map((host) => host.shadowRoot?.querySelector<HTMLIFrameElement>('iframe.br-frame-ahead'))
      .find((f) => f?.src === url);
    ahead?.contentWindow?.postMessage({ badgeRemoverPanel: { action: 'claimed' } }, '*');
  }, url);
  await page.waitForTimeout(300);
  expect(await frame.evaluate(() => document.getElementById('app')?.childElementCount)).toBe(0);
  expect((await control.requests({ face: 'desk-api' })).filter((r) => r.path.includes('/badges'))).toEqual([]);
  expect((await userOf(control, ben.id)).badgeIds).toHaveLength(3);

  // The admin's click opens that very frame, and the removal works as before.
  const dialog = await removeByName(page, ['Rising Star', 'MVP 2026']);
  await expect(dialog.getByText('Removed (verified)')).toHaveCount(2);
  expect((await userOf(control, ben.id)).badgeIds).toEqual([ZYLKER_BADGES.newcomer]);
  await expect(page.locator('badge-remover-control iframe.br-frame')).toHaveAttribute('src', url);
  expect(panelLoads).toEqual([url]);

  // Closed, the next frame loads ahead (the focus back on the button); the next click opens that one.
  // Done takes its own frame away, which may be gone before the click returns: the frame's going is the check.
  await dialog
    .getByRole('button', { name: 'Done' })
    .click()
    .catch(() => undefined);
  await expect(page.locator('badge-remover-control iframe.br-frame')).toHaveCount(0);
  const next = await frameLoadedAhead(page);
  expect(next.url).not.toBe(url);
  await trigger.click();
  await expect(panelOf(page).getByRole('checkbox')).toHaveCount(1);
  await expect(page.locator('badge-remover-control iframe.br-frame')).toHaveAttribute('src', next.url);
});

test('an SPA navigation takes the frame loaded ahead away with the control', async ({
  context,
  extensionId,
  control,
}) => {
  await connectThroughOptions(context, extensionId);
  const ben = await userNamed(control, 'Ben Okafor');
  const carol = await userNamed(control, 'Carol Diaz');
  const page = await context.newPage();
  await page.goto(userPageUrl(COMMUNITY_HC_ID, ben.id));
  await page.getByRole('button', { name: 'Remove badges' }).hover();
  const { url } = await frameLoadedAhead(page);
  await page.evaluate(
    (hash) => {
      location.hash = hash;
    },
    new URL(userPageUrl(COMMUNITY_HC_ID, carol.id)).hash,
  );
  await expect.poll(() => page.frames().some((f) => f.url() === url)).toBe(false);
  // At most the new control's own frame loaded ahead, never the old one beside it.
  const ahead = await page.locator(AHEAD).evaluateAll((frames) => frames.map((f) => (f as HTMLIFrameElement).src));
  expect(ahead).not.toContain(url);
  expect(ahead.length).toBeLessThanOrEqual(1);
  await page.getByRole('button', { name: 'Remove badges' }).click();
  await expect(panelOf(page)).toContainText('Top Contributor');
  await expect(panelOf(page)).not.toContainText('MVP 2026');
});
