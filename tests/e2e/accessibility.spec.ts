/**
 * axe-core on every extension page and on each state of the panel, in the light and the dark scheme: no violation
 * of any impact. Each test also checks that the scheme took (the surface is light or dark), so a dark run that
 * still showed the light theme would fail rather than pass twice.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { connectAndOpenUser, connectThroughOptions, expect, openPage, optionsUrl, panelOf, test } from './fixtures';

const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

async function expectNoViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  expect(violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );
}

/** WCAG's relative luminance of the first background colour behind `element` (0 black, 1 white). */
async function backgroundLuminance(element: Locator): Promise<number> {
  const colour = await element.evaluate((el) => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const value = getComputedStyle(e).backgroundColor;
      if (value !== 'transparent' && !value.endsWith(', 0)')) return value;
    }
    return 'rgb(255, 255, 255)';
  });
  const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((n) => {
    const c = Number(n) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

async function expectScheme(element: Locator, scheme: Scheme) {
  const luminance = await backgroundLuminance(element);
  if (scheme === 'dark') expect(luminance, 'a dark surface').toBeLessThan(0.05);
  else expect(luminance, 'a light surface').toBeGreaterThan(0.8);
}

/** An extension page in that scheme: the scheme took, and axe finds nothing. */
async function checkPage(page: Page, scheme: Scheme) {
  await page.emulateMedia({ colorScheme: scheme });
  await expectScheme(page.locator('h1').first(), scheme);
  await expectNoViolations(page);
}

for (const scheme of SCHEMES) {
  test(`the options, popup, bulk and audit pages (${scheme})`, async ({ context, extensionId }) => {
    // Five pages, each analysed whole: more than the default time on a busy machine.
    test.setTimeout(90_000);
    const check = (page: Page) => checkPage(page, scheme);
    const options = await openPage(context, optionsUrl(extensionId));
    await options.getByRole('button', { name: 'Connect to Zoho' }).waitFor();
    await check(options);
    await connectThroughOptions(context, extensionId);
    const connected = await openPage(context, optionsUrl(extensionId));
    await connected.getByRole('button', { name: 'Check setup' }).waitFor();
    await check(connected);
    // Each page as the worker's answer draws it, not its Loading… state.
    const loaded: Record<string, (page: Page) => Locator> = {
      popup: (page) => page.getByRole('region', { name: 'Find a Help Center user' }),
      bulk: (page) => page.getByRole('button', { name: 'Dry run' }),
      audit: (page) => page.getByText(/^\d+ of \d+ entr/),
    };
    for (const [name, shown] of Object.entries(loaded)) {
      const page = await openPage(context, `chrome-extension://${extensionId}/${name}.html`);
      await expect(page.locator('h1')).toHaveCount(1);
      await shown(page).waitFor();
      await check(page);
    }
  });

  // A long page of its own: axe takes a while over it.
  test(`the privacy policy (${scheme})`, async ({ context, extensionId }) => {
    const page = await openPage(context, `chrome-extension://${extensionId}/privacy.html`);
    await expect(page.getByRole('heading', { level: 1, name: 'Privacy policy' })).toBeVisible();
    await checkPage(page, scheme);
    // The page's language menu: the Arabic policy, right to left, alone on the page.
    await page.getByRole('link', { name: 'العربية' }).click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.locator('article[lang="ar"] h1')).toBeVisible();
    await checkPage(page, scheme);
  });

  test(`each state of the panel: choose, preview, result (${scheme})`, async ({ context, extensionId, control }) => {
    const { page } = await connectAndOpenUser({ context, extensionId, control }, 'Ben Okafor');
    await page.emulateMedia({ colorScheme: scheme });
    const trigger = page.getByRole('button', { name: 'Remove badges' });
    // The control in the Desk page follows the scheme, whatever the Desk page's own colours.
    await expectScheme(trigger, scheme);
    await trigger.click();
    const panel = panelOf(page);
    await panel.getByRole('checkbox').first().waitFor();
    await expectScheme(panel, scheme);
    // axe goes into the panel's frame (its own page): the results name nodes inside it. On a loaded machine axe can
    // give up on the frame before it answers, leaving it out; the analysis is then run again, never passed without it.
    const check = () =>
      expect(async () => {
        const results = await new AxeBuilder({ page }).include('badge-remover-control').analyze();
        expect(
          results.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ).toEqual([]);
        const inFrame = results.passes.some((rule) => rule.nodes.some((node) => node.target.length > 1));
        expect(inFrame).toBe(true);
      }).toPass({ timeout: 30_000 });
    await check();
    await panel.getByRole('button', { name: /Review removal/ }).click();
    await check();
    await panel.getByRole('button', { name: /^Remove \d+ badges$/ }).click();
    await expect(panel.getByText('Removed (verified)').first()).toBeVisible();
    await check();
  });
}
