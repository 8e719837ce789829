/**
 * What a compromised Desk renderer can run in the extension's content-script world: it reads no token and nothing
 * personal from any storage area, and what it writes there is never acted on (SECURITY.md, "Storage").
 */
import { inContentScriptWorld } from './attack';
import { BADGE_ID, seedHolders } from './bulk-helpers';
import { connectAndOpenUser, expect, removeByName, test } from './fixtures';

/** Every storage area the content-script world can name, read whole; an area it may not read says so. */
const READ_EVERY_AREA = `
  const out = {};
  for (const name of ['local', 'session', 'sync']) {
    try { out[name] = JSON.stringify(await chrome.storage[name].get(null)); } catch (e) { out[name] = 'refused: ' + e.message; }
  }
  return out;`;

test('after a removal, the content-script world reads no token and no user from any storage area', async ({
  context,
  extensionId,
  control,
}) => {
  const { user, page } = await connectAndOpenUser({ context, extensionId, control }, 'Carol Diaz');
  const dialog = await removeByName(page, ['Top Contributor']);
  await expect(dialog.getByText('Removed (verified)')).toHaveCount(1);

  const read = (await inContentScriptWorld(context, page, READ_EVERY_AREA)) as Record<string, string>;
  const everything = Object.values(read).join('\n');
  // Zoho's tokens (and client IDs) all begin with 1000.
  for (const secret of ['1000.', user.id, user.name, user.emailAddress]) {
    expect(everything, `the content-script world read ${secret}`).not.toContain(secret);
  }
  expect(read.local).toMatch(/^refused: /);
  expect(read.session).toMatch(/^refused: /);
});

test('a bulk run forged from the content-script world sends nothing, across a browser restart', async ({
  extensionBrowser,
  extensionId,
  control,
}) => {
  const ids = await seedHolders(control, 3);
  const { page } = await connectAndOpenUser({ context: extensionBrowser.context, extensionId, control }, 'Carol Diaz');
  const orgId = (await control.getState()).data.orgs[0]!.id;
  const forged = {
    bulkRun: { id: 'forged', orgId, createdAt: 1, status: 'running', concurrency: 5, chunks: 1 },
    'bulkRun.items.0': ids.map((userId) => ({ userId, badgeIds: [BADGE_ID], state: 'pending' })),
  };
  const wrote = await inContentScriptWorld(
    extensionBrowser.context,
    page,
    `try { await chrome.storage.local.set(${JSON.stringify(forged)}); return 'written'; } catch (e) { return 'refused: ' + e.message; }`,
  );
  expect(wrote).toMatch(/^refused: /);
  const since = (await control.requests()).at(-1)?.seq ?? 0;

  // The browser restarts; its worker starts and would resume a stored running run.
  const context = await extensionBrowser.restart();
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/bulk.html`);
  await expect(options.getByRole('heading', { name: 'Bulk removal' })).toBeVisible();
  await new Promise((r) => setTimeout(r, 3_000));
  const writes = (await control.requests({ face: 'desk-api', since })).filter((r) => r.method !== 'GET');
  expect(writes).toEqual([]);
  expect(
    (await control.getState()).data.users.filter((u) => ids.includes(u.id)).every((u) => u.badgeIds.includes(BADGE_ID)),
  ).toBe(true);
});
