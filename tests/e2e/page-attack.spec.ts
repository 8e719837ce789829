/**
 * A hostile Desk page: its own scripts (a widget, an XSS) try to remove badges through everything they can
 * reach. They set the URL to a user, find every button and checkbox through open shadow roots, click them,
 * dispatch clicks and key presses, message the window, and frame the panel themselves. Nothing may change.
 */
import { COMMUNITY_HC_ID, DEMO_USER_ID } from '../../sandbox/data';
import { attack, expectNothingChanged } from './attack';
import { connectThroughOptions, expect, test, userPageUrl } from './fixtures';

test.describe("a Desk page's own scripts", () => {
  test.beforeEach(async ({ context, extensionId }) => {
    await connectThroughOptions(context, extensionId);
  });

  for (const host of ['desk.zoho.com', 'zylker.zohodesk.com']) {
    test(`cannot remove badges on a user page, even with the panel open (${host})`, async ({ context, control }) => {
      const before = await control.getState();
      const page = await context.newPage();
      await page.goto(userPageUrl(COMMUNITY_HC_ID, DEMO_USER_ID, host));
      await expect(page.getByRole('button', { name: 'Remove badges' })).toBeVisible();
      // The page moves to another user by itself, then attacks.
      const ben = before.data.users.find((u) => u.name === 'Ben Okafor')!;
      await page.evaluate((hash) => {
        location.hash = hash;
      }, `#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users/${ben.id}`);
      const tried = await attack(page);
      expect(tried.controls).toBeGreaterThan(0);
      expect(tried.runtime).toBe('unavailable');
      await expect(page.getByRole('button', { name: 'Remove badges' })).toHaveAttribute('aria-expanded', 'false');
      await expectNothingChanged(control, before);
      // The admin opens the panel; the page attacks again while it is open.
      await page.getByRole('button', { name: 'Remove badges' }).click();
      await expect(
        page.frameLocator('badge-remover-control iframe.br-frame').getByRole('checkbox').first(),
      ).toBeVisible();
      const again = await attack(page);
      expect(again.frames).toBeGreaterThan(0);
      await expectNothingChanged(control, before);
    });
  }

  test('cannot remove badges on a contact page', async ({ context, control }) => {
    const before = await control.getState();
    const carol = before.data.users.find((u) => u.id === DEMO_USER_ID)!;
    const page = await context.newPage();
    await page.goto(`https://desk.zoho.com/agent/zylker/zylker/contacts/details/${carol.contactId}`);
    const trigger = page.getByRole('button', { name: 'Remove badges' });
    await expect(trigger).toBeVisible();
    const tried = await attack(page);
    // It reached the control itself (not only the sandbox page's buttons), and its clicks opened nothing.
    expect(tried.controls).toBeGreaterThan(0);
    expect(tried.runtime).toBe('unavailable');
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await expectNothingChanged(control, before);
    await trigger.click();
    await expect(page.frameLocator('badge-remover-control iframe.br-frame').getByRole('dialog')).toBeVisible();
    const again = await attack(page);
    expect(again.frames).toBeGreaterThan(0);
    await expectNothingChanged(control, before);
  });

  test('cannot show the panel in a frame of its own making, nor outside a Desk page', async ({
    context,
    extensionId,
    control,
  }) => {
    const page = await context.newPage();
    await page.goto(userPageUrl(COMMUNITY_HC_ID, DEMO_USER_ID));
    // A panel URL with an id the service worker never handed out, framed by the page itself.
    await page.evaluate((url) => {
      const frame = document.createElement('iframe');
      frame.id = 'forged';
      frame.src = url;
      document.body.append(frame);
    }, `chrome-extension://${extensionId}/removal-panel.html#forged-panel-id`);
    await expect(page.frameLocator('#forged').getByText('This panel is no longer valid.')).toBeVisible();
    // Opened directly, not in a Desk page's frame: it says so and asks nothing.
    const direct = await context.newPage();
    await direct.goto(`chrome-extension://${extensionId}/removal-panel.html#whatever`);
    await expect(direct.getByText('This panel opens only from the Remove badges button')).toBeVisible();
    const reads = (await control.requests({ face: 'desk-api' })).filter((r) => r.path.includes('/badges'));
    expect(reads).toEqual([]);
  });
  test('hear nothing that names the extension, and cannot take the control away by sending events', async ({
    context,
    extensionId,
    control,
  }) => {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const heard: unknown[] = [];
      (window as unknown as { heard: unknown[] }).heard = heard;
      window.addEventListener('message', (event) => heard.push(event.data));
    });
    await page.goto(userPageUrl(COMMUNITY_HC_ID, DEMO_USER_ID));
    await expect(page.getByRole('button', { name: 'Remove badges' })).toBeVisible();
    const heard = await page.evaluate(() => JSON.stringify((window as unknown as { heard: unknown[] }).heard));
    expect(heard).not.toContain(extensionId);
    // What the store id lets a page guess: the events a content-script runtime listens for, and what it heard, back.
    await page.evaluate(
      ({ id, heardText }) => {
        const names = ['content-script-started', 'locationchange'].flatMap((event) =>
          ['desk-page', 'content-scripts/desk-page', 'desk-page.content'].map(
            (script) => `${id}:${script}:wxt:${event}`,
          ),
        );
        for (const type of names) {
          const detail = { contentScriptName: type.split(':')[1], messageId: 'page' };
          document.dispatchEvent(new CustomEvent(type, { detail }));
          window.dispatchEvent(new CustomEvent(type, { detail }));
          window.postMessage({ type, ...detail }, '*');
        }
        for (const message of JSON.parse(heardText) as unknown[]) window.postMessage(message, '*');
        (globalThis as unknown as { navigation?: EventTarget }).navigation?.dispatchEvent(new Event('navigate'));
      },
      { id: extensionId, heardText: heard },
    );
    // The control stays, and follows the page's own navigation to the next user.
    await expect(page.getByRole('button', { name: 'Remove badges' })).toBeVisible();
    const ben = (await control.getState()).data.users.find((u) => u.name === 'Ben Okafor')!;
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users/${ben.id}`);
    await page.getByRole('button', { name: 'Remove badges' }).click();
    await expect(page.frameLocator('badge-remover-control iframe.br-frame').getByText('Ben Okafor')).toBeVisible();
  });

  test('cannot stand in for the panel opener the content script loads, nor use its script', async ({
    context,
    extensionId,
  }) => {
    const page = await context.newPage();
    // The global the opener's script leaves for the content script, put there by the page before anything runs,
    // and an element of that name (the window's named properties reach every world's global through its prototype).
    await page.addInitScript(() => {
      const page = window as unknown as { badgeRemoverPanelOpener: unknown; hijacked: number; standIn: unknown };
      page.hijacked = 0;
      page.standIn = () => {
        page.hijacked++;
        return { toggle: () => page.hijacked++, approach: () => page.hijacked++, remove: () => {} };
      };
      page.badgeRemoverPanelOpener = page.standIn;
      document.addEventListener('DOMContentLoaded', () => {
        const named = document.createElement('embed');
        named.id = 'badgeRemoverPanelOpener';
        document.body.append(named);
      });
    });
    // A page whose CSP lets it load the extension's files (the sandbox's own would block them).
    await page.goto(userPageUrl(COMMUNITY_HC_ID, DEMO_USER_ID).replace('/setup#', '/setup?scripts=any#'));
    // The opener's own (web-accessible) script, run in the page as a script and as a module: it has nothing of the
    // extension there. Then the stand-in again, for the content script to ignore.
    const url = `chrome-extension://${extensionId}/desk-panel-opener.js`;
    await page.evaluate(async (src) => {
      await new Promise((done) => {
        const script = document.createElement('script');
        script.src = src;
        script.onload = script.onerror = done;
        document.head.append(script);
      });
      const page = window as unknown as { badgeRemoverPanelOpener: unknown; standIn: unknown; ranHere: boolean };
      page.ranHere =
        typeof page.badgeRemoverPanelOpener === 'function' && page.badgeRemoverPanelOpener !== page.standIn;
      await import(src);
      page.badgeRemoverPanelOpener = page.standIn;
    }, url);
    // It did run in the page, and offered its opener there: in the page's own world.
    expect(await page.evaluate(() => (window as unknown as { ranHere: boolean }).ranHere)).toBe(true);
    const trigger = page.getByRole('button', { name: 'Remove badges' });
    await trigger.hover();
    await trigger.click();
    await expect(page.frameLocator('badge-remover-control iframe.br-frame').getByRole('dialog')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { hijacked: number }).hijacked)).toBe(0);
  });

  test('cycling its URL through 22 users gets at most ten lookups a minute, and the panel still works', async ({
    context,
    control,
  }) => {
    // 22 URL changes, each waiting out WXT's one-second URL watch: 35 s on a quiet machine, past 45 s on a loaded one.
    test.setTimeout(90_000);
    const before = await control.getState();
    const page = await context.newPage();
    await page.goto(userPageUrl(COMMUNITY_HC_ID, DEMO_USER_ID));
    await expect(page.getByRole('button', { name: 'Remove badges' })).toBeVisible();
    const others = before.data.users
      .filter((u) => u.id !== DEMO_USER_ID && u.name !== 'Ben Okafor' && u.helpCenterIds.includes(COMMUNITY_HC_ID))
      .map((u) => u.id);
    expect(others.length).toBeGreaterThan(20);
    for (const id of others) {
      await page.evaluate((hash) => {
        location.hash = hash;
      }, `#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users/${id}`);
      // WXT notices a changed URL once a second.
      await page.waitForTimeout(1100);
    }
    const ben = before.data.users.find((u) => u.name === 'Ben Okafor')!;
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users/${ben.id}`);
    // The admin's click still opens Ben's badges: the bound defers the name, never the panel.
    await page.getByRole('button', { name: 'Remove badges' }).click();
    const frame = page.frameLocator('badge-remover-control iframe.br-frame');
    await expect(frame.getByRole('checkbox').first()).toBeVisible();
    // Looked up before any click: every user read but the panel's own, of Ben.
    const lookups = (await control.requests({ face: 'desk-api' })).filter(
      (r) => /^\/api\/v1\/users\/\d+$/.test(r.path) && r.path !== `/api/v1/users/${ben.id}`,
    );
    expect(lookups.length).toBeGreaterThan(0);
    expect(lookups.length).toBeLessThanOrEqual(10);
  });
});
