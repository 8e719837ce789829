import { connectThroughOptions, expect, test } from './fixtures';

const row = (page: import('@playwright/test').Page, what: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(what) }) });

test('Check setup passes every probe on a healthy organization, with reads only', async ({
  context,
  extensionId,
  control,
}) => {
  const options = await connectThroughOptions(context, extensionId);
  await options.getByRole('button', { name: 'Check setup' }).click();
  await expect(options.getByRole('row')).toHaveCount(6);
  for (const what of [
    'Organizations',
    'Help centers',
    'One Help Center user',
    "That user's badges",
    "The organization's badges",
  ]) {
    await expect(row(options, what)).toContainText('✓ Passed');
  }
  const api = await control.requests({ face: 'desk-api' });
  expect(api.filter((r) => r.method !== 'GET')).toEqual([]);
  // The badge reads page as the product does (from=1&limit=50), so a Zoho refusing that page fails here too.
  const badgeReads = api.filter((r) => /^\/api\/v1\/(users\/\d+\/)?badges$/.test(r.path));
  expect(
    badgeReads.map((r) => `${r.path.replace(/users\/\d+/, 'users/{userId}')} ${r.query.from}/${r.query.limit}`),
  ).toEqual(['/api/v1/users/{userId}/badges 1/50', '/api/v1/badges 1/50']);
});

test('Check setup reports a help center list Zoho refuses and a reply of another shape; the report holds nothing personal', async ({
  context,
  extensionId,
  control,
}) => {
  await control.configure({ routes: { helpCenters: false } });
  await control.addFault({
    method: 'GET',
    path: '/users/\\d+/badges$',
    status: 200,
    body: { items: [{ badgeId: 1 }] },
  });
  const options = await connectThroughOptions(context, extensionId);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await options.getByRole('button', { name: 'Check setup' }).click();
  await expect(row(options, 'Help centers')).toContainText('! Warning');
  await expect(row(options, 'Help centers')).toContainText('type the help center ID');
  await expect(row(options, "That user's badges")).toContainText('✕ Failed');
  await options.getByRole('button', { name: 'Copy report' }).click();
  const report = await options.evaluate(() => navigator.clipboard.readText());
  expect(report).toContain('WARNING GET /api/v1/helpCenters · HTTP 404 · errorCode URL_NOT_FOUND');
  expect(report).toContain('FAILED GET /api/v1/users/{userId}/badges · HTTP 200 · shape {items: [{badgeId: number}]}');
  const state = await control.getState();
  const personal = [
    ...state.data.users.flatMap((u) => [u.name, u.emailAddress, u.id]),
    ...state.data.orgs.flatMap((o) => [o.companyName, o.id]),
    ...state.data.badges.map((b) => b.name),
  ];
  for (const value of personal.filter(Boolean)) expect(report).not.toContain(value);
  expect(report).not.toMatch(/1000\.[0-9a-f]/);
});

test('Check setup names a missing scope and what to do', async ({ context, extensionId, control }) => {
  await control.configure({
    grantedScopes: ['Desk.basic.READ', 'Desk.contacts.READ', 'Desk.contacts.UPDATE', 'Desk.search.READ'],
  });
  const options = await connectThroughOptions(context, extensionId);
  await options.getByRole('button', { name: 'Check setup' }).click();
  await expect(row(options, "The organization's badges")).toContainText('✕ Failed');
  await expect(row(options, "The organization's badges")).toContainText('Reconnect');
});
