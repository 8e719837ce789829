import { createHash } from 'node:crypto';
import type { ElementHandle, Page } from 'puppeteer-core';
import { COMMUNITY_HC_ID, DEMO_USER_ID } from '../../sandbox/data';
import {
  FIREFOX_GECKO_ID,
  FIREFOX_LOOPBACK_REDIRECT_URI,
  FIREFOX_REDIRECT_URI,
  SANDBOX_CLIENT_ID,
} from '../../sandbox/state';
import { BADGE_ID, expectOneRemovalPerUser, holders, seedHolders, stopWithCallsInFlight } from '../e2e/bulk-helpers';
import { userNamed, userPageUrl } from '../e2e/fixtures';
import {
  clickText,
  connectOnOptions,
  deskControl,
  expect,
  expectText,
  goToExtensionPage,
  openPage,
  openPanel,
  optionsThroughPanel,
  test,
  textOf,
  waitFor,
} from './fixtures';

/** The demo data's "Rising Star" badge. */
const RISING_STAR = '24073000002953202';
const demoUserUrl = userPageUrl(COMMUNITY_HC_ID, DEMO_USER_ID);
const contactUrl = (contactId: string) => `https://desk.zoho.com/agent/zylker/zylker/contacts/details/${contactId}`;

test.describe('in Firefox ESR', () => {
  test.describe.configure({ timeout: 90_000 });

  test("connects with PKCE through Zoho's consent, with Firefox's own redirect URI", async ({ firefox, control }) => {
    expect(firefox.addonId).toBe(FIREFOX_GECKO_ID);
    const options = await optionsThroughPanel(firefox, demoUserUrl);
    // The redirect URI to register is the one of the browser the page runs in.
    const shown = await options.$eval('#redirect-label', (label) => label.nextElementSibling?.textContent);
    expect(shown).toBe(FIREFOX_REDIRECT_URI);
    expect(FIREFOX_REDIRECT_URI).toBe(
      `https://${createHash('sha1').update(FIREFOX_GECKO_ID).digest('hex')}.extensions.allizom.org/`,
    );
    await connectOnOptions(firefox, options);
    await expectText(options, 'Zylker');

    const accounts = await control.requests({ face: 'accounts' });
    const authorize = accounts.find((r) => r.path === '/oauth/v2/auth');
    expect(authorize?.query).toMatchObject({ redirect_uri: FIREFOX_REDIRECT_URI, code_challenge_method: 'S256' });
    const exchange = accounts.find((r) => r.path === '/oauth/v2/token');
    expect(exchange).toMatchObject({ status: 200, grantType: 'authorization_code' });
    expect((await control.getState()).tokens.codes.map((c) => c.used)).toEqual([true]);
  });

  test("connects with Firefox's loopback redirect, for a console that takes only that one", async ({
    firefox,
    control,
  }) => {
    // The client registers the loopback address alone: the allizom.org one would get "Invalid Redirect Uri".
    await control.configure({
      clients: [{ clientId: SANDBOX_CLIENT_ID, type: 'mobile', redirectUris: [FIREFOX_LOOPBACK_REDIRECT_URI] }],
    });
    const options = await optionsThroughPanel(firefox, demoUserUrl);
    const shown = await options.$eval('#redirect-loopback-label', (label) => label.nextElementSibling?.textContent);
    expect(shown).toBe(FIREFOX_LOOPBACK_REDIRECT_URI);
    await clickText(options, 'Loopback (127.0.0.1)', 'label');
    await connectOnOptions(firefox, options);
    await expectText(options, 'Zylker');

    const accounts = await control.requests({ face: 'accounts' });
    const authorize = accounts.find((r) => r.path === '/oauth/v2/auth');
    expect(authorize?.query).toMatchObject({ redirect_uri: FIREFOX_LOOPBACK_REDIRECT_URI });
    const exchange = accounts.find((r) => r.path === '/oauth/v2/token');
    expect(exchange).toMatchObject({ status: 200, grantType: 'authorization_code' });
    // The code was issued for the loopback address and exchanged with it (the sandbox refuses any other), so Firefox
    // caught it there. Whether its load of that address reaches the proxy before Firefox cancels it is a race.
    const codes = (await control.getState()).tokens.codes;
    expect(codes.map(({ redirectUri, used }) => ({ redirectUri, used }))).toEqual([
      { redirectUri: FIREFOX_LOOPBACK_REDIRECT_URI, used: true },
    ]);
    expect(firefox.proxy.loopbackRedirects.filter((u) => u !== FIREFOX_LOOPBACK_REDIRECT_URI)).toEqual([]);
  });

  test('removes badges on a Help Center user page, each verified by reading them back', async ({
    firefox,
    control,
  }) => {
    await connectOnOptions(firefox, await optionsThroughPanel(firefox, demoUserUrl));
    const before = (await control.getState()).data.users;
    const page = await openPage(firefox, demoUserUrl);
    const panel = await openPanel(page);
    await clickText(panel, 'Select none');
    const box = await waitFor(
      () =>
        panel
          .evaluateHandle(
            () =>
              [...document.querySelectorAll('input[type=checkbox]')].find((input) =>
                input.closest('label, li')?.textContent?.includes('Rising Star'),
              ) ?? null,
          )
          .then((h) => h.asElement() as ElementHandle<Element> | null),
      'the Rising Star checkbox',
    );
    await box.click();
    await clickText(panel, /Review removal/);
    await clickText(panel, 'Remove 1 badge');
    await expectText(panel, 'Removed (verified)');
    // Firefox lets content scripts read storage.local: the extension keeps nothing there (its IndexedDB instead).
    const local = await panel.evaluate(async () =>
      JSON.stringify(await (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.get(null)),
    );
    expect(local).toBe('{}');

    const after = (await control.getState()).data.users;
    for (const user of after) {
      const was = before.find((u) => u.id === user.id)!;
      expect(user.badgeIds).toEqual(
        user.id === DEMO_USER_ID ? was.badgeIds.filter((b) => b !== RISING_STAR) : was.badgeIds,
      );
    }
  });

  test('the panel opens in a window of its own (Firefox cannot tell whether a page covers a frame), in the page once the admin turns that off', async ({
    firefox,
  }) => {
    await connectOnOptions(firefox, await optionsThroughPanel(firefox, demoUserUrl));
    const desk = await openPage(firefox, demoUserUrl);
    const panel = await openPanel(desk);
    await expectText(panel, 'Rising Star');
    expect(await panel.evaluate(() => window.top === window)).toBe(true);
    // Nothing of it in the Desk page.
    expect(
      await desk.evaluate(() =>
        [...document.querySelectorAll('badge-remover-control')].some((host) =>
          host.shadowRoot?.querySelector('iframe'),
        ),
      ),
    ).toBe(false);

    // Advanced: turned off, with the warning; the panel then opens in the page.
    const options = await goToExtensionPage(panel as Page, '/options.html');
    await clickText(options, /in a window of its own/, 'label');
    await expectText(options, 'Off: in Firefox a Desk page could hide the panel');
    await clickText(options, 'Save advanced settings');
    await expectText(options, 'Saved.');
    const framed = await openPanel(desk, 'frame');
    await expectText(framed, 'Rising Star');
  });

  test("follows the Desk page's own navigation to the next user, whatever events its scripts send", async ({
    firefox,
    control,
  }) => {
    await connectOnOptions(firefox, await optionsThroughPanel(firefox, demoUserUrl));
    const ben = await userNamed(control, 'Ben Okafor');
    const page = await openPage(firefox, demoUserUrl);
    await deskControl(page);
    // Events a content-script runtime could listen for, by names a page can guess from the store id.
    await page.evaluate((id) => {
      for (const script of ['desk-page', 'content-scripts/desk-page']) {
        const type = `${id}:${script}:wxt:content-script-started`;
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: script, messageId: 'page' } }));
        window.postMessage({ type, contentScriptName: script, messageId: 'page' }, '*');
      }
    }, FIREFOX_GECKO_ID);
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users/${ben.id}`);
    await expectText(page, 'Ben Okafor');
    const panel = await openPanel(page);
    await expectText(panel, 'Ben Okafor');
  });

  test("removes on a contact page from the contact's Help Center user", async ({ firefox, control }) => {
    await connectOnOptions(firefox, await optionsThroughPanel(firefox, demoUserUrl));
    const ben = await userNamed(control, 'Ben Okafor');
    const page = await openPage(firefox, contactUrl(ben.contactId));
    const panel = await openPanel(page);
    await clickText(panel, 'Select all');
    await clickText(panel, /Review removal/);
    await clickText(panel, new RegExp(`^Remove ${ben.badgeIds.length} badges?$`));
    await expectText(panel, 'Removed (verified)');
    expect((await userNamed(control, 'Ben Okafor')).badgeIds).toEqual([]);
  });

  test('a bulk run finishes, and one cut off by a restart of the event page resumes with nothing sent twice', async ({
    firefox,
    control,
  }) => {
    const ids = await seedHolders(control, 40);
    const options = await optionsThroughPanel(firefox, demoUserUrl);
    await connectOnOptions(firefox, options);
    const bulk = await goToExtensionPage(options, '/bulk.html');
    await clickText(bulk, /Every user in a help center/, 'label');
    await waitFor(() => bulk.$(`select#badge option[value="${BADGE_ID}"]`), "the organization's badges");
    await bulk.select('select#badge', BADGE_ID);
    await clickText(bulk, 'Dry run');
    await expectText(bulk, '40 users lose 40 badges.', 30_000);
    await bulk.locator('#confirm-count').fill('40');
    // Slow enough (about 5 s for the run) that the restart below lands mid-run.
    await control.configure({ concurrencyLimit: 5, latencyMs: 300 });
    await clickText(bulk, 'Remove badges from 40 users');
    await waitFor(async () => ((await holders(control)).length <= 30 ? true : null), 'the run under way', 30_000);

    // The event page goes away mid-run (as when Firefox unloads it) and starts afresh at once, while its calls are
    // still in flight at Zoho: it picks the run up once they have landed.
    await stopWithCallsInFlight(control, () =>
      bulk.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.reload()),
    );
    const restarted = (await control.requests()).at(-1)?.seq ?? 0;
    expect((await holders(control)).length).toBeGreaterThan(0);
    await waitFor(async () => ((await holders(control)).length === 0 ? true : null), 'every holder done', 60_000);
    await expectOneRemovalPerUser(control, ids);
    // The page's own lookup, refused while the earlier life's calls held every slot, does not hold the resumed run
    // to one call at a time.
    const resumed = await control.requests({ face: 'desk-api', since: restarted });
    expect(Math.max(...resumed.map((r) => r.concurrent ?? 0))).toBeGreaterThan(1);

    // The bulk page opened afresh (from a Desk page's panel: the reload closed every extension page) shows it done.
    // In Firefox the panel is a window of the extension's own: it goes to the bulk page.
    const desk = await openPage(firefox, demoUserUrl);
    const report = await goToExtensionPage((await openPanel(desk)) as Page, '/bulk.html');
    await expectText(report, 'Bulk run: done', 30_000);
    await expectText(report, '40 removed · 0 failed · 0 skipped · 0 remaining');
  });

  test('site access withheld: the options page says so, the Desk page has no control, one click allows it', async ({
    firefox,
  }) => {
    const options = await optionsThroughPanel(firefox, demoUserUrl);
    // The admin withholds the extension's access to Zoho's hosts (Firefox's site permissions).
    await options.evaluate(async () => {
      const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
      const origins = ext.runtime.getManifest().host_permissions ?? [];
      await ext.permissions.remove({ origins });
    });
    await expectText(options, 'The browser is not letting the extension reach Zoho.');

    const desk = await openPage(firefox, demoUserUrl);
    await expectText(desk, 'Next user');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await desk.evaluate(() => document.querySelector('badge-remover-control'))).toBeNull();

    await clickText(options, 'Allow access to Zoho');
    await waitFor(
      async () => !(await textOf(options)).includes('not letting the extension reach Zoho') || null,
      'the notice to go',
    );
    await desk.reload();
    await deskControl(desk);
  });
});
