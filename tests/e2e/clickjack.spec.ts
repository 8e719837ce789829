/**
 * Clickjacking: a hostile Desk page cannot click inside the panel's frame, so it tries to trick the admin's own
 * (trusted) clicks onto it: it makes the panel all but transparent, covers it with a decoy, or moves it under one,
 * and lures clicks onto where Review and Remove are. Real mouse clicks at those buttons' coordinates: no removal
 * reaches Zoho, and the panel says why. The same clicks on a panel in plain sight remove, once each step has been
 * seen for a moment.
 */
import type { Locator, Page } from '@playwright/test';
import { LABS_HC_ID } from '../../sandbox/data';
import { connectAndOpenUser, connectThroughOptions, expect, panelOf, test, userNamed } from './fixtures';

/** Where a locator's element is on the page, in the main frame's coordinates (frames included). */
async function centerOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on the page');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A real click of the admin's mouse at the middle of where `locator` is, whatever is drawn there. */
async function clickAt(page: Page, locator: Locator) {
  const { x, y } = await centerOf(locator);
  await page.mouse.click(x, y);
}

/**
 * A lured click: the same, after making sure it lands on the panel's frame (the page's hit test finds the panel's
 * host there), so the attack is one that would work without the defence.
 */
async function lureAt(page: Page, locator: Locator) {
  const { x, y } = await centerOf(locator);
  const hit = await page.evaluate(
    ({ x, y }) => {
      const host = document.elementFromPoint(x, y);
      return host?.shadowRoot?.elementFromPoint(x, y)?.tagName ?? host?.tagName;
    },
    { x, y },
  );
  expect(hit, 'what the lured click lands on').toBe('IFRAME');
  await page.mouse.click(x, y);
}

/** What the page's own scripts do to the panel, and what undoes it. */
interface Attack {
  name: string;
  /** Done before the control is clicked (it needs no button's place). */
  fromTheStart?: boolean;
  /** `target`: the middle of the button the page wants clicked. */
  apply(page: Page, target: { x: number; y: number }): Promise<void>;
  lift(page: Page): Promise<void>;
}

/**
 * Opacity 0.02 on the page, the control's hosts, the panel's box and its frame; the hosts kept above the page's
 * content, which a stacking context of its own (the body's opacity) would otherwise paint over them.
 */
function transparent(page: Page, on: boolean) {
  return page.evaluate((on) => {
    const hosts = [...document.querySelectorAll<HTMLElement>('badge-remover-control')];
    const inside = hosts.flatMap((h) => [...(h.shadowRoot?.querySelectorAll<HTMLElement>('.br-panel, iframe') ?? [])]);
    for (const el of [document.documentElement, document.body, ...hosts, ...inside])
      el.style.opacity = on ? '0.02' : '';
    for (const host of hosts)
      Object.assign(host.style, on ? { position: 'relative', zIndex: '2147483647' } : { position: '', zIndex: '' });
  }, on);
}

const attacks: Attack[] = [
  {
    name: 'makes the panel all but transparent (opacity 0.02 on the page, the hosts, the panel and its frame)',
    fromTheStart: true,
    apply: (page) => transparent(page, true),
    lift: (page) => transparent(page, false),
  },
  {
    name: 'covers the panel with its own page (a layer on top that lets clicks through)',
    apply: (page) =>
      page.evaluate(() => {
        const cover = document.createElement('div');
        cover.id = 'cover';
        cover.style.cssText =
          'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:#fff;font:24px sans-serif;padding:40px';
        cover.textContent = 'Click the buttons to claim your prize!';
        document.body.append(cover);
      }),
    lift: (page) => page.evaluate(() => document.getElementById('cover')?.remove()),
  },
  {
    name: 'moves the panel so the button lies under a decoy button of its own',
    apply: (page, target) =>
      page.evaluate(
        ({ target }) => {
          const decoy = { x: 200, y: 420 };
          const box = document
            .querySelector('badge-remover-control[data-overlay]')
            ?.shadowRoot?.querySelector<HTMLElement>('.br-panel');
          if (!box) throw new Error('no panel');
          const at = box.getBoundingClientRect();
          Object.assign(box.style, {
            left: `${at.left + decoy.x - target.x}px`,
            top: `${at.top + decoy.y - target.y}px`,
            bottom: '',
          });
          const button = document.createElement('button');
          button.id = 'decoy';
          button.textContent = 'Claim your prize';
          button.style.cssText = `position:fixed;left:${decoy.x - 90}px;top:${decoy.y - 25}px;width:180px;height:50px;z-index:2147483647;pointer-events:none`;
          document.body.append(button);
        },
        { target },
      ),
    lift: (page) => page.evaluate(() => document.getElementById('decoy')?.remove()),
  },
];

const COVERED = "Desk's page is covering this panel";

test.describe('a Desk page that hides the panel and lures real clicks onto it', () => {
  for (const attack of attacks) {
    test(`${attack.name}: no removal, and the panel says why`, async ({ context, extensionId, control }) => {
      const { user, page } = await connectAndOpenUser({ context, extensionId, control }, 'Ben Okafor');
      const before = await control.getState();
      const trigger = page.getByRole('button', { name: 'Remove badges' });
      await expect(trigger).toBeVisible();
      const panel = panelOf(page);
      const review = panel.getByRole('button', { name: /Review removal/ });
      const remove = panel.getByRole('button', { name: /^Remove \d+ badges?$/ });
      const covered = panel.getByRole('alert').filter({ hasText: COVERED });

      // The lure, from the first click: the control, then Review, with the panel hidden all along.
      if (attack.fromTheStart) await attack.apply(page, { x: 0, y: 0 });
      await clickAt(page, trigger);
      await expect(review).toBeAttached();
      if (!attack.fromTheStart) await attack.apply(page, await centerOf(review));
      // As many clicks as the page can lure: none goes through, however long the step has shown.
      await expect(async () => {
        await lureAt(page, review);
        await expect(covered).toBeVisible({ timeout: 1000 });
      }).toPass();
      await expect(remove).toHaveCount(0);

      // The admin reaches the preview with the panel in plain sight; the page hides it again before the confirm.
      await attack.lift(page);
      await expect(review).not.toHaveAttribute('aria-disabled');
      await clickAt(page, review);
      await expect(remove).toBeVisible();
      // Seen long enough: enabled, so that what follows shows the cover, not the dwell, disabling it.
      await expect(remove).not.toHaveAttribute('aria-disabled');
      await attack.apply(page, await centerOf(remove));
      // The panel knows it is hidden before the lured click comes.
      await expect(remove).toHaveAttribute('aria-disabled', 'true');
      await expect(async () => {
        await lureAt(page, remove);
        await expect(covered).toBeVisible({ timeout: 1000 });
      }).toPass();

      const sent = (await control.requests({ face: 'desk-api' })).filter((r) => r.method !== 'GET');
      expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([]);
      expect((await userNamed(control, 'Ben Okafor')).badgeIds).toEqual(
        before.data.users.find((u) => u.id === user.id)!.badgeIds,
      );
    });
  }

  test('the same real clicks on a panel in plain sight remove, once each step has been seen', async ({
    context,
    extensionId,
    control,
  }) => {
    const { user, page } = await connectAndOpenUser({ context, extensionId, control }, 'Ben Okafor');
    await clickAt(page, page.getByRole('button', { name: 'Remove badges' }));
    const panel = panelOf(page);
    const review = panel.getByRole('button', { name: /Review removal/ });
    // Each step's button acts once the step has been visible for a moment (the browser said so).
    await expect(review).toBeVisible();
    await expect(review).not.toHaveAttribute('aria-disabled');
    await clickAt(page, review);
    // The preview names the organization and the portal the page belongs to.
    await expect(panel.getByText("In Zylker's Zoho Desk (portal zylker)", { exact: true })).toBeVisible();
    const remove = panel.getByRole('button', { name: `Remove ${user.badgeIds.length} badges` });
    await expect(remove).not.toHaveAttribute('aria-disabled');
    await clickAt(page, remove);
    await expect(panel.getByText('Removed (verified)')).toHaveCount(user.badgeIds.length);
    const sent = (await control.requests({ face: 'desk-api' })).filter((r) => r.method !== 'GET');
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /api/v1/users/${user.id}/badges/dissociate`]);
    await expect(panel.getByText(COVERED)).toHaveCount(0);
  });
});

test("a page of another organization's portal: the panel refuses and says so", async ({
  context,
  extensionId,
  control,
}) => {
  await connectThroughOptions(context, extensionId);
  const aiko = await userNamed(control, 'Aiko Mori');
  const page = await context.newPage();
  await page.goto(
    `https://desk.zoho.com/agent/zylkerlabs/labs/setup#setup/channels/helpcenter/${LABS_HC_ID}/users/${aiko.id}`,
  );
  await page.getByRole('button', { name: 'Remove badges' }).click();
  await expect(panelOf(page).getByText(/belongs to the portal "zylkerlabs"/)).toBeVisible();
  await expect(panelOf(page).getByRole('checkbox')).toHaveCount(0);
  const reads = (await control.requests({ face: 'desk-api' })).filter((r) => r.path.includes('/badges'));
  expect(reads).toEqual([]);
});
