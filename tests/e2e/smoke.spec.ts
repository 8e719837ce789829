import { isBrowserServiceRequest } from '../../sandbox/browser-setup';
import { COMMUNITY_HC_ID, DEMO_USER_ID } from '../../sandbox/data';
import { expect, optionsUrl, strayRequests, test, userPageUrl } from './fixtures';

test('the extension loads with its pinned id and production manifest', async ({ serviceWorker, extensionId }) => {
  expect(extensionId).toBe('cjheecimhjkgjkobijngojplcehhnajo');
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  // The name is a message (`__MSG_app_name__`) where the browser leaves it unresolved.
  const name = await serviceWorker.evaluate(
    (raw) => raw.replace(/^__MSG_(\w+)__$/, (_, key) => chrome.i18n.getMessage(key)),
    manifest.name,
  );
  expect(name).toBe('Badge Remover for Zoho Desk');
  expect(manifest.permissions).toEqual(['alarms', 'identity', 'storage']);
  // Nothing more at install: the organization's own Desk address is asked for only when the admin adds it.
  expect(manifest.optional_permissions).toEqual(['scripting']);
  expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
  expect(manifest.host_permissions).not.toContain('<all_urls>');
  expect(manifest.host_permissions?.some((h: string) => h.includes('localhost') || h.includes('127.0.0.1'))).toBe(
    false,
  );
  // Only the panel page and the panel opener's script are exposed, and only to the Desk web origins (where the
  // content script imports the opener, and the button opens the panel in a frame).
  const [exposed, ...more] = (manifest.web_accessible_resources ?? []) as { resources: string[]; matches: string[] }[];
  expect(more).toEqual([]);
  expect(exposed?.resources).toEqual(['removal-panel.html', 'desk-panel-opener.js']);
  const deskOrigins = (manifest.host_permissions ?? []).filter((h: string) => h.startsWith('https://desk.'));
  const portalOrigins = exposed?.matches.filter((m) => !deskOrigins.includes(m)) ?? [];
  expect(exposed?.matches).toEqual(expect.arrayContaining(deskOrigins));
  expect(portalOrigins.every((m) => /^https:\/\/\*\.zohodesk\.[a-z.]+\/\*$/.test(m))).toBe(true);
  expect(portalOrigins).toContain('https://*.zohodesk.com/*');
  // The content script runs in the agent app only (/agent/, classic /support/), never on the public /portal/,
  // on the Desk hosts and the portals' zohodesk addresses.
  const scriptMatches = manifest.content_scripts?.[0]?.matches ?? [];
  expect(scriptMatches).toContain('https://desk.zoho.com/agent/*');
  expect(scriptMatches).toContain('https://desk.zoho.eu/support/*');
  expect(scriptMatches).toContain('https://*.zohodesk.com/agent/*');
  expect(
    scriptMatches.every((m: string) =>
      /^https:\/\/(desk\.[a-z.]+|\*\.zohodesk\.[a-z.]+)\/(agent|support)\/\*$/.test(m),
    ),
  ).toBe(true);
});

test('the extension pages load images and connect only to Zoho (their own CSP)', async ({
  context,
  extensionId,
  control,
}) => {
  const page = await context.newPage();
  await page.goto(optionsUrl(extensionId));
  const outcome = await page.evaluate(async () => {
    const blocked: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      blocked.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
    const image = (src: string) =>
      new Promise<string>((resolve) => {
        const img = new Image();
        img.onload = () => resolve('loaded');
        img.onerror = () => resolve('blocked');
        img.src = src;
      });
    const tracker = await image('https://www.zylker.com/badge1.jpg');
    const zoho = await image('https://desk.zoho.com/portal/api/publicImages/6');
    const call = await fetch('https://tracker.example/collect').then(
      () => 'sent',
      () => 'refused',
    );
    await new Promise((r) => setTimeout(r, 100));
    return { tracker, zoho, call, blocked };
  });
  expect(outcome).toEqual({
    tracker: 'blocked',
    zoho: 'loaded',
    call: 'refused',
    blocked: ['img-src https://www.zylker.com/badge1.jpg', 'connect-src https://tracker.example/collect'],
  });
  expect(await strayRequests(control)).toEqual([]);
});

test('the options page opens, with the state and redirect URI the service worker gives', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(optionsUrl(extensionId));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Badge Remover');
  // Both come from the service worker's answer: a page that could not reach it shows neither.
  await expect(page.getByRole('button', { name: 'Connect to Zoho' })).toBeVisible();
  await expect(page.locator('#redirect-label + code')).toHaveText(`https://${extensionId}.chromiumapp.org/`);
});

test('the content script runs on the sandbox Desk user page, and nothing leaves the machine', async ({
  context,
  control,
  sandbox,
}) => {
  const page = await context.newPage();
  await page.goto(userPageUrl(COMMUNITY_HC_ID, DEMO_USER_ID));
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove badges' })).toBeVisible();
  // Every request reached the sandbox (the catch-all host rule), so the log shows it all: Zoho hosts only.
  const log = await control.requests();
  expect(log.some((r) => r.host === 'desk.zoho.com')).toBe(true);
  expect(
    log.filter((r) => !sandbox.hostNames.includes(r.host) && !isBrowserServiceRequest(r)).map((r) => r.host),
  ).toEqual([]);
});
