/**
 * The demo's headless walk-through: what an admin does, step by step, with a screenshot of each.
 * Also used to refresh the README's screenshots.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { SandboxControl } from '../sandbox/control-client';
import { COMMUNITY_HC_ID, DEMO_USER_ID } from '../sandbox/data';
import { CONSOLE_HOST } from '../sandbox/datacenters';
import { SANDBOX_CLIENT_ID, SANDBOX_SELF_CLIENT } from '../sandbox/state';
import { DESK_SCOPE_STRING } from '../utils/connection/scopes';
import { getMessageIn, readMessages } from './locale-files';

export const DEMO_USER = {
  clientId: SANDBOX_CLIENT_ID,
  url: `https://desk.zoho.com/agent/zylker/zylker/setup#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users/${DEMO_USER_ID}`,
};

/** How the demo connects: the Mobile-based client through consent, or `--self-client`: a code pasted from the console. */
export type DemoConnect = 'mobile' | 'self-client';

/** Zoho's API console, where a Self Client's code is generated (the sandbox plays it in the demo browser). */
export const SELF_CLIENT_CONSOLE = `https://${CONSOLE_HOST}/`;

export interface WalkStep {
  title: string;
  screenshot: string;
}

export async function walkThrough(
  context: BrowserContext,
  extensionId: string,
  control: SandboxControl,
  outDir: string,
  connect: DemoConnect = 'mobile',
  lang = 'en',
): Promise<WalkStep[]> {
  const steps: WalkStep[] = [];
  // The pages speak the browser's language: the walk-through finds their controls by the same messages.
  const say = getMessageIn(lang);
  const sayAnyCount = (base: string) => anyCount(lang, base);
  const shot = async (page: Page, name: string, title: string) => {
    // The panel's frame takes its new height from a message: let it arrive before the picture.
    await page.waitForTimeout(250);
    const screenshot = join(outDir, `${name}.png`);
    await page.screenshot({ path: screenshot });
    steps.push({ title, screenshot });
  };

  // 1. Connect in the options page: through the (sandbox) Zoho consent page, or with a Self Client's code.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  if (connect === 'self-client') {
    await options.getByRole('radio', { name: say('options_client_type_self') }).check();
    await options.getByLabel(say('options_client_id')).fill(SANDBOX_SELF_CLIENT.clientId);
    await options.getByLabel(say('options_client_secret')).fill(SANDBOX_SELF_CLIENT.clientSecret);
    await shot(options, '01-self-client', 'Options: Self Client, the console steps and the scope string to paste');
    const apiConsole = await context.newPage();
    await apiConsole.goto(SELF_CLIENT_CONSOLE);
    await apiConsole.getByLabel('Scope', { exact: true }).fill(DESK_SCOPE_STRING);
    await apiConsole.getByLabel('Time Duration').selectOption('10');
    await apiConsole.getByLabel('Scope Description').fill('Badge Remover');
    await apiConsole.getByRole('button', { name: 'CREATE' }).click();
    const generated = apiConsole.locator('#generated-code');
    await generated.scrollIntoViewIfNeeded();
    const code = (await generated.textContent()) ?? '';
    await shot(apiConsole, '02-console-code', "Zoho's API console (sandbox): Generate Code shows the code to copy");
    await options.bringToFront();
    await options.getByRole('textbox', { name: say('options_code') }).fill(code);
    await options.getByRole('button', { name: say('options_connect_button') }).click();
  } else {
    await options.getByLabel(say('options_client_id')).fill(DEMO_USER.clientId);
    await shot(options, '01-options', 'Options: client ID, data center, the redirect URI to register');
    const consentOpened = context.waitForEvent('page');
    await options.getByRole('button', { name: say('options_connect_button') }).click();
    const consent = await consentOpened;
    await consent.waitForLoadState();
    await shot(consent, '02-consent', 'Zoho Accounts (sandbox) asks for consent');
    await consent.locator('#accept').click();
  }
  await options.getByRole('button', { name: say('options_disconnect') }).waitFor();
  await shot(options, '03-connected', 'Connected: data center, organization, time');

  // 2. On a Help Center user page, open the control and remove two badges.
  const desk = await context.newPage();
  await desk.goto(DEMO_USER.url);
  const removeButton = desk.getByRole('button', { name: say('control_button') });
  await removeButton.waitFor();
  await shot(desk, '04-user-page', 'A Help Center user page in Zoho Desk, with the Remove badges control');
  await removeButton.click();
  // The panel is the extension's own page, in a frame below the button.
  const dialog = desk.frameLocator('badge-remover-control iframe.br-frame').getByRole('dialog');
  const boxes = dialog.getByRole('checkbox');
  await dialog.getByRole('button', { name: sayAnyCount('panel_review') }).waitFor();
  await shot(desk, '05-choose', "The user's badges, all selected");
  const count = await boxes.count();
  for (let i = 2; i < count; i++) await boxes.nth(i).uncheck();
  await dialog.getByRole('button', { name: sayAnyCount('panel_review') }).click();
  await shot(desk, '06-preview', 'Preview before anything changes');
  await dialog.getByRole('button', { name: sayAnyCount('panel_confirm_remove') }).click();
  await dialog.getByText(say('worker_outcome_removed')).first().waitFor();
  await shot(desk, '07-result', 'The verified report, one line per badge');

  // 3. The popup: find a user by name or email, with their IDs.
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 560 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('searchbox').fill('Ben');
  await popup.locator('.result').first().waitFor();
  await shot(popup, '08-popup', 'The popup: find a Help Center user, copy the IDs, act from there');

  // 4. The audit log: the removal, with Undo.
  const audit = await context.newPage();
  await audit.goto(`chrome-extension://${extensionId}/audit.html`);
  await audit.locator('.entry').first().waitFor();
  await shot(audit, '09-audit', 'The audit log: every removal, filterable, exportable, with Undo');

  // 5. Bulk removal: the dry run of "everyone in Zylker Community who holds Beta Tester".
  const bulk = await context.newPage();
  await bulk.goto(`chrome-extension://${extensionId}/bulk.html`);
  await bulk.getByRole('radio', { name: say('bulk_source_holders') }).check();
  await bulk
    .getByRole('combobox', { name: say('bulk_badge_label'), exact: true })
    .selectOption({ label: 'Beta Tester' });
  await bulk.getByRole('button', { name: say('bulk_dry_run_button') }).click();
  await bulk.getByText(sayAnyCount('bulk_dry_run_summary')).waitFor();
  await shot(bulk, '10-bulk-dry-run', 'Bulk removal: the dry run shows who loses which badges before anything changes');

  const user = (await control.getState()).data.users.find((u) => u.id === DEMO_USER_ID);
  console.log(`The sandbox's demo user now holds ${user?.badgeIds.length ?? 0} badges.`);
  return steps;
}

/**
 * A message of `lang` in any of its plural forms (`base` itself when it has none), with anything where its
 * placeholders go: how the walk-through finds "Remove 2 badges" whatever it chose.
 */
function anyCount(lang: string, base: string): RegExp {
  const say = getMessageIn(lang);
  const forms = Object.keys(readMessages('en')).some((key) => key === base)
    ? [base]
    : ['zero', 'one', 'two', 'few', 'many', 'other'].map((form) => `${base}_${form}`);
  const hole = '\u0000';
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = forms
    .map((key) => say(key, Array(9).fill(hole)))
    .filter(Boolean)
    .map((message) => message.split(hole).map(literal).join('.+?'));
  return new RegExp(`^(?:${patterns.join('|')})$`);
}
