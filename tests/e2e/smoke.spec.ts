import { COMMUNITY_HC_ID, DEMO_USER_ID } from '../../sandbox/data';
import { expect, optionsUrl, test, userPageUrl } from './fixtures';

test('the extension loads with its pinned id and production manifest', async ({ serviceWorker, extensionId }) => {
  expect(extensionId).toBe('cjheecimhjkgjkobijngojplcehhnajo');
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.name).toBe('Badge Remover for Zoho Desk');
  expect(manifest.permissions).toEqual(['alarms', 'identity', 'storage']);
  expect(manifest.host_permissions).not.toContain('<all_urls>');
  expect(manifest.host_permissions?.some((h: string) => h.includes('localhost') || h.includes('127.0.0.1'))).toBe(
    false,
  );
  // Only the panel script is exposed, and only to Desk pages (it loads into the content script on first use).
  const [exposed, ...more] = (manifest.web_accessible_resources ?? []) as { resources: string[]; matches: string[] }[];
  expect(more).toEqual([]);
  expect(exposed?.resources).toEqual(['removal-panels.js']);
  expect(exposed?.matches.toSorted()).toEqual(manifest.content_scripts?.[0]?.matches?.toSorted());
});

test('the options page opens', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(optionsUrl(extensionId));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Badge Remover');
});

test('the content script runs on the sandbox Desk user page, and nothing leaves the machine', async ({
  context,
  control,
}) => {
  const page = await context.newPage();
  await page.goto(userPageUrl(COMMUNITY_HC_ID, DEMO_USER_ID));
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove badges' })).toBeVisible();
  // Every request reached the sandbox (the catch-all host rule), so the log shows it all.
  const log = await control.requests();
  expect(log.some((r) => r.host === 'desk.zoho.com')).toBe(true);
});
