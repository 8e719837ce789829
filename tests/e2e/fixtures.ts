/**
 * End-to-end fixtures: one sandbox per worker (fresh certificate, port 0), reset before each test,
 * and a fresh Chromium profile with the built production extension for each test.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, test as base, expect, type Locator, type Page, type Worker } from '@playwright/test';
import { isBrowserServiceRequest } from '../../sandbox/browser-setup';
import { SandboxControl } from '../../sandbox/control-client';
import { COMMUNITY_HC_ID } from '../../sandbox/data';
import { type RunningSandbox, startSandbox } from '../../sandbox/server';
import { EXTENSION_DIR, type ExtensionBrowser, launchExtensionBrowser } from '../../scripts/chromium';

export const SANDBOX_CLIENT_ID = '1000.SANDBOXCLIENT0000000000000000';

interface Fixtures {
  /**
   * Host patterns (and `scripting`) granted at install, in a copy of the build: the closest headless Chromium
   * allows to the admin accepting the browser's prompt, which nothing can click there. `permissions.request`
   * for them then resolves at once, through the same code as the prompt's Allow.
   */
  grantAtInstall: string[];
  /** The browser behind `context`, for a test that restarts it. */
  extensionBrowser: ExtensionBrowser;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
}

interface WorkerFixtures {
  sandbox: RunningSandbox;
}

/** One sandbox per worker, reset before each test; after each, nothing asked for a host that is not Zoho's. */
export const sandboxTest = base.extend<{ control: SandboxControl }, WorkerFixtures>({
  sandbox: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
    async ({}, use) => {
      const sandbox = await startSandbox({ port: 0 });
      await use(sandbox);
      await sandbox.close();
    },
    { scope: 'worker' },
  ],
  control: async ({ sandbox }, use) => {
    const control = new SandboxControl(sandbox.origin);
    await control.reset();
    await use(control);
    // Every test: nothing asked for a host that is not Zoho's (the browser's host mapping brings it here).
    const stray = await strayRequests(control);
    expect(
      stray.map((r) => `${r.method} https://${r.host}${r.path}`),
      'requests for hosts that are not Zoho',
    ).toEqual([]);
  },
});

export const test = sandboxTest.extend<Fixtures>({
  grantAtInstall: [[], { option: true }],
  extensionId: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(new URL(worker.url()).host);
  },
  extensionBrowser: async ({ sandbox, control: _control, grantAtInstall }, use) => {
    let extensionDir: string | undefined;
    if (grantAtInstall.length) {
      extensionDir = mkdtempSync(join(tmpdir(), 'badge-remover-granted-'));
      cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
      const manifestPath = join(extensionDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      manifest.host_permissions = [...manifest.host_permissions, ...grantAtInstall];
      manifest.permissions = [...manifest.permissions, 'scripting'];
      writeFileSync(manifestPath, JSON.stringify(manifest));
    }
    const browser = await launchExtensionBrowser(sandbox, extensionDir ? { extensionDir } : {});
    await use(browser);
    await browser.close();
    if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
  },
  context: async ({ extensionBrowser }, use) => {
    await use(extensionBrowser.context);
  },
  serviceWorker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
});

export { expect };

/** Requests for hosts that are not Zoho's, leaving out Chromium's own service calls. */
export async function strayRequests(control: SandboxControl) {
  const stray = await control.requests({ face: 'stray' });
  return stray.filter((r) => !isBrowserServiceRequest(r));
}

export function optionsUrl(extensionId: string): string {
  return `chrome-extension://${extensionId}/options.html`;
}

/** A Help Center user page of the sandbox's Desk app, in the agent app's hash-route shape. */
export function userPageUrl(helpCenterId: string, userId: string, host = 'desk.zoho.com'): string {
  return `https://${host}/agent/zylker/zylker/setup#setup/channels/helpcenter/${helpCenterId}/users/${userId}`;
}

export async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/**
 * Connects the extension the way an admin does: options page, client ID, Connect, Accept on the
 * sandbox's Zoho consent page. Returns the options page, showing the connected state.
 */
/** The radio of a Zoho client type on the options page, by the label Zoho's console uses. */
export const CLIENT_TYPE_LABELS = { mobile: 'Mobile-based', server: 'Server-based', client: 'Client-based' } as const;

export async function connectThroughOptions(
  context: BrowserContext,
  extensionId: string,
  options: {
    accept?: boolean;
    /** 'consent': return once Zoho's consent is accepted, without waiting for the connected state. */
    until?: 'connected' | 'consent';
    clientType?: keyof typeof CLIENT_TYPE_LABELS;
    clientId?: string;
    clientSecret?: string;
  } = {},
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(optionsUrl(extensionId));
  if (options.clientType)
    await page.getByRole('radio', { name: new RegExp(`^${CLIENT_TYPE_LABELS[options.clientType]}`) }).check();
  await page.getByLabel('Client ID').fill(options.clientId ?? SANDBOX_CLIENT_ID);
  if (options.clientSecret) await page.getByLabel('Client secret').fill(options.clientSecret);
  const consentOpened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Connect to Zoho' }).click();
  const consent = await consentOpened;
  await consent.locator(options.accept === false ? '#deny' : '#accept').click();
  if (options.accept !== false && options.until !== 'consent') await expectConnected(page);
  return page;
}

/** On the options page, the Connection section's fact under a term ("Status", "Organization", …). */
export function connectionFact(options: Page, term: string): Locator {
  return options
    .getByRole('region', { name: 'Connection' })
    .locator(`xpath=.//dt[normalize-space()="${term}"]/following-sibling::dd[1]`);
}

/**
 * Connected, with the organization chosen: its Change link shows only then. Disconnect alone is no proof: it shows
 * while an organization is still to be chosen, and while the connection is expired.
 */
export async function expectConnected(options: Page, org?: string): Promise<void> {
  await expect(connectionFact(options, 'Status')).toHaveText('Connected');
  await expect(connectionFact(options, 'Organization').getByRole('button', { name: 'Change' })).toBeVisible();
  if (org) await expect(connectionFact(options, 'Organization')).toContainText(org);
}

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/**
 * Chrome's own view of the extension's service worker, through the DevTools ServiceWorker domain of
 * an extension page (same origin as the worker): it can stop the worker the way Chrome's idle
 * timeout does, and tell when it runs again.
 */
export async function serviceWorkerControl(context: BrowserContext, extensionPage: Page) {
  const cdp = await context.newCDPSession(extensionPage);
  const seen: WorkerVersion['runningStatus'][] = [];
  let latest: WorkerVersion | undefined;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions as WorkerVersion[]) {
      if (!v.scriptURL.endsWith('/background.js')) continue;
      latest = v;
      seen.push(v.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => latest?.runningStatus).toBeDefined();
  return {
    /** Every status Chrome reported, in order. */
    seen,
    async stop() {
      const from = seen.length;
      await cdp.send('ServiceWorker.stopWorker', { versionId: latest!.versionId });
      // A page's next message may wake the worker at once: 'stopped' can be brief, so look at every status seen.
      await expect.poll(() => seen.slice(from).includes('stopped')).toBe(true);
    },
    running: () => latest?.runningStatus === 'running',
  };
}

export async function userOf(control: SandboxControl, id: string) {
  const user = (await control.getState()).data.users.find((u) => u.id === id);
  if (!user) throw new Error(`no sandbox user ${id}`);
  return user;
}

/** A sandbox user by name. */
export async function userNamed(control: SandboxControl, name: string) {
  const user = (await control.getState()).data.users.find((u) => u.name === name);
  if (!user) throw new Error(`no sandbox user named ${name}`);
  return user;
}

/** Connects as the admin does, then opens the Help Center page of the user with that name (on `host`). */
export async function connectAndOpenUser(
  { context, extensionId, control }: { context: BrowserContext; extensionId: string; control: SandboxControl },
  name: string,
  host?: string,
) {
  await connectThroughOptions(context, extensionId);
  const user = await userNamed(control, name);
  return { user, page: await openPage(context, userPageUrl(COMMUNITY_HC_ID, user.id, host)) };
}

/** Each load of the panel's page in a frame of `page` from now on, by URL, as it happens. */
export function panelLoadsOf(page: Page): string[] {
  const loads: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame.url().includes('/removal-panel.html')) loads.push(frame.url());
  });
  return loads;
}

/** The removal panel a Desk page's control opened: a dialog in the extension's own frame. */
export function panelOf(page: Page) {
  return page.frameLocator('badge-remover-control iframe.br-frame').getByRole('dialog');
}

/**
 * Opens the panel on a user page and removes the badges whose names are given, returning the dialog.
 * `beforeConfirm` runs on the preview, just before the confirm click.
 */
export async function removeByName(page: Page, names: string[], beforeConfirm?: () => Promise<void>) {
  await page.getByRole('button', { name: 'Remove badges' }).click();
  const dialog = panelOf(page);
  await expect(dialog.getByRole('checkbox').first()).toBeVisible();
  await dialog.getByRole('button', { name: /Select none/ }).click();
  for (const name of names) await dialog.getByRole('checkbox', { name: new RegExp(name) }).check();
  await dialog.getByRole('button', { name: /Review removal/ }).click();
  const confirm = dialog.getByRole('button', { name: new RegExp(`^Remove ${names.length} badges?$`) });
  await confirm.waitFor();
  await beforeConfirm?.();
  await confirm.click();
  return dialog;
}
