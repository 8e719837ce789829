import type { Worker } from '@playwright/test';
import { deskAddressScriptId } from '../../utils/page/desk-addresses';
import { attack, expectNothingChanged } from './attack';
import { connectAndOpenUser, expect, openPage, optionsUrl, test } from './fixtures';

const OWN = 'support.zylker.example';
test.use({ grantAtInstall: [`https://${OWN}/*`] });

/** The ids of the content scripts the worker has registered: the positive fact behind a missing control. */
function registeredScripts(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));
}

test("the control on the organization's own domain: added, used, removed", async ({
  context,
  extensionId,
  control,
  serviceWorker,
}) => {
  const ownScript = deskAddressScriptId(`https://${OWN}`);
  const { page } = await connectAndOpenUser({ context, extensionId, control }, 'Ben Okafor', OWN);
  await expect(page.locator('main h1')).toBeVisible();
  // Granted at install, yet never added as a Desk address: nothing is registered for it, so nothing runs there.
  expect(await registeredScripts(serviceWorker)).not.toContain(ownScript);
  await expect(page.locator('badge-remover-control')).toHaveCount(0);

  const options = await openPage(context, optionsUrl(extensionId));
  await options.getByRole('textbox', { name: 'Desk address' }).fill(`https://${OWN}/support`);
  await options.getByRole('button', { name: 'Add address' }).click();
  await expect(options.getByText(`https://${OWN}`, { exact: true })).toBeVisible();
  await expect.poll(() => registeredScripts(serviceWorker)).toContain(ownScript);

  await page.reload();
  const trigger = page.getByRole('button', { name: 'Remove badges' });
  await expect(trigger).toBeVisible();
  // The page's own scripts, here too, change nothing.
  const before = await control.getState();
  expect((await attack(page)).controls).toBeGreaterThan(0);
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
  // Done closes the panel's window, which may be gone before the click returns: its closing is what counts.
  const closed = panelWindow.waitForEvent('close');
  await Promise.all([
    closed,
    dialog
      .getByRole('button', { name: 'Done' })
      .click()
      .catch(() => undefined),
  ]);

  await options.getByRole('button', { name: `Remove https://${OWN}` }).click();
  await expect(options.getByText(`https://${OWN}`, { exact: true })).toHaveCount(0);
  await expect.poll(() => registeredScripts(serviceWorker)).not.toContain(ownScript);
  await page.reload();
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('badge-remover-control')).toHaveCount(0);
});
