/**
 * The organization's policy end to end: a real policy file in Chromium's managed policy directory, for a copy of the
 * built extension under an id of its own (tests/policy/policy-file.ts), read by Chromium (chrome://policy) and
 * applied by the extension. Each test writes its file before the browser starts and removes it afterwards.
 */
import { rmSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { COMMUNITY_HC_ID, ZYLKER_LABS_ORG_ID, ZYLKER_ORG_ID } from '../../sandbox/data';
import { SANDBOX_CLIENT_ID } from '../../sandbox/state';
import { launchExtensionBrowser } from '../../scripts/chromium';
import { expect, expectConnected, openPage, sandboxTest, userNamed, userPageUrl } from '../e2e/fixtures';
import { extensionUnderOwnId, policySkipReason, writeChromiumPolicy } from './policy-file';

const OWN = 'support.zylker.example';

interface PolicyFixtures {
  /** The policy the test's browser starts with, in Chrome's `3rdparty` → `extensions` → id form. */
  policy: Record<string, unknown>;
  /** Hosts (and `scripting`) granted at install, as in tests/e2e/fixtures.ts. */
  grantAtInstall: string[];
  managed: { context: BrowserContext; extensionId: string };
}

const test = sandboxTest.extend<PolicyFixtures>({
  policy: [{}, { option: true }],
  grantAtInstall: [[], { option: true }],
  managed: async ({ sandbox, control, policy, grantAtInstall }, use) => {
    const extension = extensionUnderOwnId(grantAtInstall);
    const file = writeChromiumPolicy(extension.id, policy);
    try {
      // Its own id has its own redirect URI, registered like the usual one.
      await control.configure({
        clients: [
          {
            clientId: SANDBOX_CLIENT_ID,
            type: 'mobile',
            redirectUris: [`https://${extension.id}.chromiumapp.org/`],
            name: 'Badge Remover (managed)',
          },
        ],
      });
      const browser = await launchExtensionBrowser(sandbox, { extensionDir: extension.dir });
      try {
        expect(browser.extensionId).toBe(extension.id);
        await use({ context: browser.context, extensionId: browser.extensionId });
      } finally {
        await browser.close();
      }
    } finally {
      rmSync(file, { force: true });
      extension.remove();
    }
  },
});

test.skip(!!policySkipReason(), policySkipReason() ?? '');

const page = (context: BrowserContext, extensionId: string, name: string) =>
  openPage(context, `chrome-extension://${extensionId}/${name}`);

/** Asks the service worker from an extension page, as the page's own client does. */
const ask = (on: Page, type: string, input: unknown) =>
  on.evaluate(
    ([type, input]) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ type, input }) as Promise<{ ok: boolean; error?: { message: string } }>,
    [type, input] as const,
  );

/** Chromium read the policy: chrome://policy lists the key under the extension's name. */
async function expectChromiumRead(context: BrowserContext, key: string) {
  const policyPage = await openPage(context, 'chrome://policy');
  const ours = policyPage.getByRole('table', { name: 'Badge Remover for Zoho Desk' });
  await expect(ours.getByRole('rowheader', { name: key, exact: true })).toBeVisible();
  await policyPage.close();
}

test.describe('a policy set by IT', () => {
  test.use({
    policy: {
      clientType: 'mobile',
      clientId: SANDBOX_CLIENT_ID,
      dataCenter: 'us',
      allowedOrganizations: [ZYLKER_LABS_ORG_ID],
      deskAddresses: [`https://${OWN}`],
      bulkRemovalAllowed: false,
      auditRetentionDays: 30,
      removalRoute: 'users-dissociate',
    },
  });

  test('is read by Chromium, shows locked, and the worker holds to it', async ({ managed, control }) => {
    const { context, extensionId } = managed;
    await control.configure({ orgs: 2 });
    await expectChromiumRead(context, 'allowedOrganizations');

    const options = await page(context, extensionId, 'options.html');
    await expect(options.getByLabel('Client ID')).toHaveValue(SANDBOX_CLIENT_ID);
    await expect(options.getByLabel('Client ID')).toBeDisabled();
    await expect(options.getByLabel('Data center')).toBeDisabled();
    await expect(options.getByRole('radio', { name: /^Mobile-based/ })).toBeDisabled();
    await expect(options.getByRole('radio', { name: /^Users dissociate/ })).toBeChecked();
    await expect(options.getByRole('radio', { name: /^Users dissociate/ })).toBeDisabled();
    // Client type, client ID, data center, Desk addresses, removal route.
    await expect(options.getByText('Set by your organization', { exact: true })).toHaveCount(5);
    // The policy's address, which the browser has not granted: said, with the one way to grant it.
    await expect(options.getByText(`https://${OWN}`, { exact: true })).toBeVisible();
    await expect(options.getByRole('button', { name: `Allow access to https://${OWN}` })).toBeVisible();
    await expect(options.getByRole('button', { name: 'Add address' })).toBeHidden();

    // Two organizations on the account, one allowed: that one is chosen, and the other is refused in the worker.
    const consentOpened = context.waitForEvent('page');
    await options.getByRole('button', { name: 'Connect to Zoho' }).click();
    await (await consentOpened).locator('#accept').click();
    await expectConnected(options, 'Zylker Labs');
    const refused = await ask(options, 'chooseOrganization', { orgId: ZYLKER_ORG_ID });
    expect(refused.ok).toBe(false);
    expect(refused.error?.message).toMatch(/does not allow this extension to work in organization/);
    const listed = (await ask(options, 'listOrganizations', {})) as { value?: { id: string }[] };
    expect(listed.value?.map((org) => org.id)).toEqual([ZYLKER_LABS_ORG_ID]);
    expect((await ask(options, 'saveSettings', { clientId: '1000.ANOTHERCLIENT00000000000' })).error?.message).toMatch(
      /set by your organization/,
    );

    // Bulk removal turned off: no way in from the popup, the page says why, and the worker refuses.
    const popup = await page(context, extensionId, 'popup.html');
    await expect(popup.getByRole('link', { name: 'Audit log' })).toBeVisible();
    await expect(popup.getByRole('link', { name: 'Bulk' })).toHaveCount(0);
    const bulk = await page(context, extensionId, 'bulk.html');
    await expect(bulk.getByText('Bulk removal: turned off by your organization.')).toBeVisible();
    await expect(bulk.getByRole('button', { name: 'Dry run' })).toHaveCount(0);
    const prepared = await ask(bulk, 'prepareBulk', { kind: 'list', text: 'someone@example.com' });
    expect(prepared.error?.message).toMatch(/turned off by your organization/);

    // The audit log keeps the policy's 30 days, locked.
    const audit = await page(context, extensionId, 'audit.html');
    await expect(audit.getByRole('spinbutton')).toHaveValue('30');
    await expect(audit.getByRole('spinbutton')).toBeDisabled();
    expect((await ask(audit, 'setAuditRetention', { days: 5 })).ok).toBe(false);
  });
});

test.describe("a policy's own Desk address, granted", () => {
  test.use({
    policy: { clientId: SANDBOX_CLIENT_ID, deskAddresses: [`https://${OWN}`] },
    grantAtInstall: [`https://${OWN}/*`],
  });

  test('gets the control there, with nothing added by hand', async ({ managed, control }) => {
    const { context, extensionId } = managed;
    const options = await page(context, extensionId, 'options.html');
    await expect(options.getByText(`https://${OWN}`, { exact: true })).toBeVisible();
    await expect(options.getByRole('button', { name: `Allow access to https://${OWN}` })).toHaveCount(0);
    const consentOpened = context.waitForEvent('page');
    await options.getByRole('button', { name: 'Connect to Zoho' }).click();
    await (await consentOpened).locator('#accept').click();
    await expectConnected(options);

    const user = await userNamed(control, 'Ben Okafor');
    const desk = await openPage(context, userPageUrl(COMMUNITY_HC_ID, user.id, OWN));
    await expect(desk.getByRole('button', { name: 'Remove badges' })).toBeVisible();
  });
});

test.describe('a policy that does not fit', () => {
  // Of the right JSON types (Chromium passes it on), but no Zoho client ID: refused whole, bulk removal included.
  test.use({ policy: { clientId: 'not-a-client-id', bulkRemovalAllowed: false } });

  test('is refused whole and said on the options page', async ({ managed }) => {
    const { context, extensionId } = managed;
    await expectChromiumRead(context, 'clientId');
    const options = await page(context, extensionId, 'options.html');
    await expect(options.getByRole('alert')).toContainText(
      "Your organization's policy for this extension could not be used, so none of it applies: clientId: a client ID from Zoho's API console",
    );
    await expect(options.getByLabel('Client ID')).toBeEnabled();
    await expect(options.getByLabel('Client ID')).toHaveValue('');
    await expect(options.getByText('Set by your organization', { exact: true })).toHaveCount(0);
    const popup = await page(context, extensionId, 'popup.html');
    // Drawn with the policy's answer (the Bulk link is there before it comes).
    await expect(popup.getByRole('button', { name: 'Connect in options' })).toBeVisible();
    await expect(popup.getByRole('link', { name: 'Bulk' })).toBeVisible();
  });
});
