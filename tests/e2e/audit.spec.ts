import { COMMUNITY_HC_ID, DEMO_USER_ID, ZYLKER_BADGES } from '../../sandbox/data';
import { connectThroughOptions, expect, panelOf, test, userPageUrl } from './fixtures';

const B = ZYLKER_BADGES;

test('a removal is in the audit log, can be undone exactly, and the undo is recorded', async ({
  context,
  extensionId,
  control,
}) => {
  await connectThroughOptions(context, extensionId);
  const before = (await control.getState()).data.users.find((u) => u.id === DEMO_USER_ID)!;
  const page = await context.newPage();
  await page.goto(userPageUrl(COMMUNITY_HC_ID, DEMO_USER_ID));
  await page.getByRole('button', { name: 'Remove badges' }).click();
  const dialog = panelOf(page);
  await dialog.getByRole('button', { name: 'Select none' }).click();
  await dialog.getByRole('checkbox', { name: /Rising Star/ }).check();
  await dialog.getByRole('checkbox', { name: /Beta Tester/ }).check();
  await dialog.getByRole('button', { name: /Review removal/ }).click();
  await dialog.getByRole('button', { name: 'Remove 2 badges' }).click();
  await expect(dialog.getByText('Removed (verified)')).toHaveCount(2);

  // Meanwhile an admin gives Beta Tester back by hand: undo must not award it twice.
  await control.addBadge({ ...{ id: B.betaTester, name: 'Beta Tester' }, holderIds: [DEMO_USER_ID] });

  const audit = await context.newPage();
  await audit.goto(`chrome-extension://${extensionId}/audit.html`);
  const entry = audit.locator('.entry', { hasText: 'Removal' });
  await expect(entry).toContainText('Carol Diaz');
  await expect(entry).toContainText('Rising Star');
  await audit.getByPlaceholder('ID, email or name').fill('nobody');
  await expect(audit.getByText('No entries match.')).toBeVisible();
  await audit.getByPlaceholder('ID, email or name').fill('carol');
  await entry.getByRole('button', { name: 'Undo' }).click();
  await entry.getByRole('button', { name: 'Yes, undo' }).click();
  await expect(entry.getByText('Re-awarded (verified)')).toHaveCount(1);
  await expect(entry).toContainText('The user holds it again already.');

  const after = (await control.getState()).data.users.find((u) => u.id === DEMO_USER_ID)!;
  expect(after.badgeIds.sort()).toEqual(before.badgeIds.sort());
  const associates = (await control.requests({ face: 'desk-api' })).filter((r) => r.path.endsWith('/associate'));
  expect(associates).toHaveLength(1);

  await entry.getByRole('button', { name: 'Refresh the log' }).click();
  const undoEntry = audit.locator('.entry').filter({ has: audit.locator('.entry-head strong', { hasText: /^Undo$/ }) });
  await expect(undoEntry).toContainText('Rising Star (24073000002953202): Re-awarded (verified)');
  await expect(entry).toContainText('Undone.');
  const download = audit.waitForEvent('download');
  await audit.getByRole('button', { name: 'Export JSON' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(file!, 'utf8')));
  expect(exported.map((e: { kind: string }) => e.kind)).toEqual(['undo', 'remove']);
});
