/**
 * The panel by keyboard alone: focus follows every step, never falls to <body>, never leaves the open panel
 * for the page it covers, and returns to the button at the end.
 */
import type { Page } from '@playwright/test';
import { connectAndOpenUser, expect, panelOf, test } from './fixtures';

/** Where focus is: in the page, the panel's frame (through the control's shadow root); in the frame, the element. */
async function focus(page: Page) {
  const inPage = await page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.tagName.toLowerCase() ?? 'none';
  });
  const frame = page.frames().find((f) => f.url().includes('/removal-panel.html'));
  const inFrame = frame
    ? await frame.evaluate(() => {
        const el = document.activeElement;
        return {
          tag: el?.tagName.toLowerCase() ?? 'none',
          text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim().slice(0, 60),
          inDialog: Boolean(el?.closest('[role="dialog"]')),
        };
      })
    : null;
  return { inPage, inFrame };
}

async function expectFocusInPanel(page: Page) {
  const where = await focus(page);
  expect(where.inPage).toBe('iframe');
  expect(where.inFrame?.tag).not.toBe('body');
  expect(where.inFrame?.inDialog).toBe(true);
}

test('the whole removal by keyboard, with focus on each step and never behind the panel', async ({
  context,
  extensionId,
  control,
}) => {
  const { user: ben, page } = await connectAndOpenUser({ context, extensionId, control }, 'Ben Okafor');
  const trigger = page.getByRole('button', { name: 'Remove badges' });
  await trigger.focus();
  await page.keyboard.press('Enter');

  const panel = panelOf(page);
  const boxes = panel.getByRole('checkbox');
  await expect(boxes.first()).toBeFocused();
  await expectFocusInPanel(page);
  // Named by the badge and its kind; its description is not part of the name.
  await expect(boxes.first()).toHaveAccessibleName(/^Newcomer Default$/);
  await page.keyboard.press('Space');
  await expect(boxes.first()).not.toBeChecked();

  // Tab goes round inside the panel: from the last control back to the first, never to the page.
  const review = panel.getByRole('button', { name: /Review removal/ });
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    await expectFocusInPanel(page);
  }
  await review.focus();
  await page.keyboard.press('Tab');
  await expectFocusInPanel(page);
  await page.keyboard.press('Shift+Tab');
  await expect(review).toBeFocused();

  // Review and Remove act once their step has been in sight for a moment (the browser says nothing covers it).
  await expect(review).not.toHaveAttribute('aria-disabled');
  await page.keyboard.press('Enter');
  const sentence = panel.locator('.br-preview p', { hasText: /^Remove 2 badges from Ben Okafor/ });
  await expect(sentence).toBeFocused();
  await expect(panel.getByRole('status')).toContainText('Remove 2 badges from Ben Okafor');
  await page.keyboard.press('Escape');
  await expect(review).toBeFocused();
  await expect(review).not.toHaveAttribute('aria-disabled');
  await page.keyboard.press('Enter');
  await expect(sentence).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const remove = panel.getByRole('button', { name: 'Remove 2 badges' });
  await expect(remove).toBeFocused();
  await expect(remove).not.toHaveAttribute('aria-disabled');
  await page.keyboard.press('Enter');

  const done = panel.getByRole('button', { name: 'Done' });
  await expect(done).toBeFocused();
  await expectFocusInPanel(page);
  await expect(panel.getByText('Removed (verified)')).toHaveCount(2);
  await expect(panel.getByRole('status')).toHaveText('2 removed.');
  await page.keyboard.press('Escape');
  // The open panel's frame goes (the next one may already be loading ahead, hidden).
  await expect(page.locator('badge-remover-control iframe.br-frame')).toHaveCount(0);
  await expect(trigger).toBeFocused();
  expect((await control.getState()).data.users.find((u) => u.id === ben.id)!.badgeIds).toHaveLength(1);
});
