import type { BrowserContext } from '@playwright/test';
import type { SandboxControl } from '../../sandbox/control-client';
import type { User } from '../../sandbox/data';
import {
  expectOneAppliedRemovalPerUser,
  expectOneRemovalPerUser,
  holders,
  seedHolders,
  startHoldersRun,
  stopWithCallsInFlight,
  writesPerUser,
} from './bulk-helpers';
import { connectThroughOptions, expect, optionsUrl, serviceWorkerControl, test } from './fixtures';

/** The run stayed under the limit of 5 and took the badge from exactly `ids`; nobody else changed. */
async function expectOnlyHoldersChanged(control: SandboxControl, ids: string[], before: User[]) {
  const state = await control.getState();
  expect(state.stats.maxConcurrentSeen).toBeLessThanOrEqual(5);
  expect(await holders(control)).toEqual([]);
  for (const user of state.data.users) {
    const was = before.find((u) => u.id === user.id)!;
    expect(user.badgeIds).toEqual(ids.includes(user.id) ? [] : was.badgeIds);
    expect(user.labelIds).toEqual(was.labelIds);
  }
}

/** A bulk page opened afresh shows the run done, every user removed; Zoho saw one removal each, nothing else. */
async function expectRunFinished(
  context: BrowserContext,
  extensionId: string,
  control: SandboxControl,
  ids: string[],
  before: User[],
) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/bulk.html`);
  await expect(page.getByRole('heading', { name: 'Bulk run: done' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.counts')).toContainText(`${ids.length} removed · 0 failed · 0 skipped · 0 remaining`);
  await expectOnlyHoldersChanged(control, ids, before);
  await expectOneRemovalPerUser(control, ids);
}

test.describe('bulk removal', () => {
  test.describe.configure({ timeout: 180_000 });

  test.beforeEach(async ({ context, extensionId }) => {
    await connectThroughOptions(context, extensionId);
  });

  test('200 users under a concurrency limit of 5, then undo of the whole run', async ({
    context,
    extensionId,
    control,
  }) => {
    const ids = await seedHolders(control, 200);
    await control.configure({ concurrencyLimit: 5 });
    const before = (await control.getState()).data.users;
    const page = await context.newPage();
    await startHoldersRun(page, extensionId, 200);
    await expect(page.getByRole('heading', { name: 'Bulk run: done' })).toBeVisible({ timeout: 150_000 });
    await expect(page.locator('.counts')).toContainText('200 removed · 0 failed · 0 skipped · 0 remaining');

    await expectOnlyHoldersChanged(control, ids, before);
    expect([...(await writesPerUser(control)).values()].every((n) => n === 1)).toBe(true);

    await page.getByRole('button', { name: 'Undo this run' }).click();
    await expect(page.getByText('Undo: 200 badges re-awarded, 0 skipped, 0 failed.')).toBeVisible({ timeout: 120_000 });
    expect((await holders(control)).sort()).toEqual(ids.sort());
  });

  test('two calls per untouched user, nothing sent twice across a worker stop, and the credits as Zoho counts them', async ({
    context,
    extensionId,
    control,
  }) => {
    const ids = await seedHolders(control, 40);
    // Slow enough (about 5 s for the run) that the stop below lands mid-run.
    await control.configure({ concurrencyLimit: 5, latencyMs: 300 });
    const page = await context.newPage();
    let since = 0;
    let creditsBefore = 0;
    await startHoldersRun(page, extensionId, 40, async () => {
      since = (await control.requests()).at(-1)?.seq ?? 0;
      creditsBefore = (await control.getState()).stats.creditsUsed;
    });
    const worker = await serviceWorkerControl(context, page);
    await expect.poll(async () => (await holders(control)).length, { timeout: 60_000 }).toBeLessThanOrEqual(30);
    // Stopped while its calls are in flight at Zoho: the restarted worker sends nothing before they land.
    await stopWithCallsInFlight(control, () => worker.stop());
    const stoppedAt = (await control.requests()).at(-1)?.seq ?? 0;
    expect((await holders(control)).length).toBeGreaterThan(0);
    await expect(page.getByRole('heading', { name: 'Bulk run: done' })).toBeVisible({ timeout: 90_000 });
    await expect(page.locator('.counts')).toContainText('40 removed · 0 failed · 0 skipped · 0 remaining');
    expect(await holders(control)).toEqual([]);

    const calls = (await control.requests({ face: 'desk-api', since })).filter((r) =>
      /\/users\/\d+\/badges/.test(r.path),
    );
    const two = (id: string) => [`POST /api/v1/users/${id}/badges/dissociate`, `GET /api/v1/users/${id}/badges`];
    let untouched = 0;
    let readFirst = 0;
    for (const id of ids) {
      const mine = calls.filter((r) => r.path.startsWith(`/api/v1/users/${id}/badges`));
      const said = mine.map((r) => `${r.method} ${r.path}`);
      // Nothing sent twice: one removal for every user, whether or not the stop cut it off.
      expect(
        said.filter((c) => c.startsWith('POST')),
        id,
      ).toEqual([`POST /api/v1/users/${id}/badges/dissociate`]);
      if (mine.some((r) => r.seq <= stoppedAt)) continue;
      // A user the run had not reached at the stop costs the removal and its read-back. One taken but still
      // waiting for a call slot, or marked in flight ahead of its turn, is read first: nobody can tell it sent
      // nothing.
      if (said.join() === two(id).join()) untouched++;
      else {
        readFirst++;
        expect(said, id).toEqual([`GET /api/v1/users/${id}/badges`, ...two(id)]);
      }
    }
    expect(untouched).toBeGreaterThan(0);
    // At most the users worked at once (two per call slot of 5) and as many marked ahead of their turn.
    expect(readFirst).toBeLessThanOrEqual(20);

    // The progress shows the credits Zoho's replies counted: every call of the run, and nothing else.
    const used = (await control.getState()).stats.creditsUsed - creditsBefore;
    const shown = page.getByTestId('run-credits');
    await expect(shown).toContainText(`API credits spent so far: ${used.toLocaleString('en-US')} ·`);
    expect(used).toBeGreaterThanOrEqual(40 * 3);
  });

  test('a user whose badges changed after the dry run ends with the right verified result', async ({
    context,
    extensionId,
    control,
  }) => {
    const ids = await seedHolders(control, 3);
    const page = await context.newPage();
    await startHoldersRun(page, extensionId, 3, async () => {
      // Between the dry run and the start, someone takes the badge from the second user.
      const data = await control.getData();
      data.users.find((u) => u.id === ids[1])!.badgeIds = [];
      await control.putData(data);
    });
    await expect(page.getByRole('heading', { name: 'Bulk run: done' })).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('.counts')).toContainText('2 removed · 0 failed · 1 skipped · 0 remaining');
    await expect(page.getByRole('row', { name: /Bulk User 1\b/ })).toContainText('Already gone');
    expect(await holders(control)).toEqual([]);
  });

  test('injected 429s and 500s are survived', async ({ context, extensionId, control }) => {
    const ids = await seedHolders(control, 30);
    await control.addFault({ method: 'POST', path: '/badges/dissociate$', status: 500, times: 4 });
    await control.addFault({
      method: 'POST',
      path: '/badges/dissociate$',
      status: 429,
      headers: { 'Retry-After': '1' },
      body: { errorCode: 'THRESHOLD_EXCEEDED', message: 'Too many requests.' },
      times: 4,
    });
    const page = await context.newPage();
    await startHoldersRun(page, extensionId, 30);
    await expect(page.getByRole('heading', { name: 'Bulk run: done' })).toBeVisible({ timeout: 150_000 });
    await expect(page.locator('.counts')).toContainText('30 removed · 0 failed');
    expect(await holders(control)).toEqual([]);
    const statuses = (await control.requests({ face: 'desk-api', method: 'POST' })).map((r) => r.status);
    expect(statuses.filter((s) => s === 500)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
    expect(ids).toHaveLength(30);
  });

  test('TOO_MANY_REQUESTS (the organization allows fewer calls at once than the run makes): the run lowers its concurrency and finishes, nothing sent twice', async ({
    context,
    extensionId,
    control,
  }) => {
    const ids = await seedHolders(control, 30);
    const page = await context.newPage();
    let since = 0;
    // The run works 5 at a time; from its first call Zoho takes 2, each held long enough for the others to meet it.
    await startHoldersRun(page, extensionId, 30, async () => {
      since = (await control.requests()).at(-1)?.seq ?? 0;
      await control.configure({ concurrencyLimit: 2, latencyMs: 200 });
    });
    await expect(page.getByRole('heading', { name: 'Bulk run: done' })).toBeVisible({ timeout: 150_000 });
    await expect(page.locator('.counts')).toContainText('30 removed · 0 failed · 0 skipped · 0 remaining');
    expect(await holders(control)).toEqual([]);

    const run = await control.requests({ face: 'desk-api', since });
    const refused = run.filter((r) => r.status === 429);
    // The sandbox answers too many at once with 429 TOO_MANY_REQUESTS (no Retry-After); no credits were short.
    expect(refused.length).toBeGreaterThan(0);
    expect((await control.getState()).stats.maxConcurrentSeen).toBeLessThanOrEqual(2);
    await expectOneAppliedRemovalPerUser(control, ids);
    // The run came down to what Zoho takes early (the client allows one call fewer at each refusal, with a
    // jittered back-off): the second half of its calls met no refusal. Without lowering, refusals go on to the end.
    expect(run.slice(Math.floor(run.length / 2)).filter((r) => r.status === 429)).toEqual([]);
  });

  test('THRESHOLD_EXCEEDED (the day’s credits spent): the run pauses with that reason and the time Zoho gave, resumes and finishes, nothing sent twice', async ({
    context,
    extensionId,
    control,
  }) => {
    const ids = await seedHolders(control, 30);
    // Near midnight UTC the credits would renew in seconds (a wait, not a pause): move the sandbox's day on.
    const nextMidnight = (ms: number) => {
      const d = new Date(ms);
      d.setUTCHours(24, 0, 0, 0);
      return d.getTime();
    };
    if (nextMidnight(Date.now()) - Date.now() < 10 * 60_000) await control.advanceClock(20 * 60);
    const page = await context.newPage();
    // Between the dry run and the start: credits left for about half the run (5 a user: the removal and its read-back).
    await startHoldersRun(page, extensionId, 30, async () =>
      control.configure({ dailyCredits: (await control.getState()).stats.creditsUsed + 15 * 5 }),
    );
    await expect(page.getByRole('heading', { name: 'Bulk run: paused' })).toBeVisible({ timeout: 60_000 });
    const paused = page.locator('p.warning');
    await expect(paused).toContainText("Paused: Zoho Desk's daily API credits for this organization are used up");
    await expect(paused).toContainText('(THRESHOLD_EXCEEDED)');
    // Zoho's Retry-After runs to its next midnight UTC: the run says it resumes then, in the browser's own words.
    const { now: sandboxNow } = await control.advanceClock(0);
    const offset = Date.parse(sandboxNow) - Date.now();
    const resumes = await page.evaluate(
      (ms) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
      Math.round((nextMidnight(Date.parse(sandboxNow)) - offset) / 60_000) * 60_000,
    );
    await expect(paused).toContainText(`It resumes by itself at ${resumes}, when Zoho said the credits return.`);
    await expect(page.locator('.counts')).toContainText(/^\d+ removed · 0 failed · 0 skipped · [1-9]\d* remaining/);
    expect((await holders(control)).length).toBeGreaterThan(0);

    // The admin bought more credits and resumes.
    await control.configure({ dailyCredits: 75_000 });
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(page.getByRole('heading', { name: 'Bulk run: done' })).toBeVisible({ timeout: 90_000 });
    await expect(page.locator('.counts')).toContainText('30 removed · 0 failed · 0 skipped · 0 remaining');
    expect(await holders(control)).toEqual([]);
    expect((await control.requests({ face: 'desk-api' })).some((r) => r.status === 429)).toBe(true);
    await expectOneAppliedRemovalPerUser(control, ids);
  });

  test('cancel leaves every item with a recorded state', async ({ context, extensionId, control }) => {
    const ids = await seedHolders(control, 40);
    const page = await context.newPage();
    // Slow from its first call, so the cancel lands while users are still waiting.
    await startHoldersRun(page, extensionId, 40, () => control.configure({ latencyMs: 150 }));
    await expect(page.locator('.counts')).toContainText(/^[1-9]\d* removed/, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('heading', { name: 'Bulk run: cancelled' })).toBeVisible();
    await expect(page.locator('.counts')).toContainText(/ 0 remaining/, { timeout: 30_000 });
    const rows = page.locator('table.plan tbody tr');
    await expect(rows).toHaveCount(40);
    const states = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state')));
    expect(states.every((s) => s === 'removed' || s === 'skipped')).toBe(true);
    expect(states).toContain('skipped');
    const stillHolding = new Set(await holders(control));
    const removedRows = await rows.evaluateAll((trs) =>
      trs.filter((tr) => tr.getAttribute('data-state') === 'removed').map((tr) => tr.textContent ?? ''),
    );
    expect(stillHolding.size).toBe(ids.length - removedRows.length);
  });

  test('the service worker stopped mid-run: the run resumes to the exact state, with no removal sent twice', async ({
    context,
    extensionId,
    control,
  }) => {
    const ids = await seedHolders(control, 200);
    await control.configure({ concurrencyLimit: 5, latencyMs: 50 });
    const before = (await control.getState()).data.users;
    const page = await context.newPage();
    await startHoldersRun(page, extensionId, 200);
    const worker = await serviceWorkerControl(context, page);
    const removedSoFar = async () =>
      Number(/^(\d+) removed/.exec((await page.locator('.counts').textContent()) ?? '')?.[1]);
    await expect.poll(removedSoFar, { timeout: 60_000 }).toBeGreaterThanOrEqual(40);

    await worker.stop();
    const atStop = await removedSoFar();
    expect(atStop).toBeLessThan(200);
    // Nothing works the run while the worker is stopped; the page's periodic word wakes it.
    await expect.poll(() => worker.running(), { timeout: 30_000 }).toBe(true);
    await expect(page.getByRole('heading', { name: 'Bulk run: done' })).toBeVisible({ timeout: 120_000 });
    await expect(page.locator('.counts')).toContainText('200 removed · 0 failed · 0 skipped · 0 remaining');
    expect(worker.seen.slice(worker.seen.indexOf('stopped'))).toContain('running');

    await expectOnlyHoldersChanged(control, ids, before);
    await expectOneRemovalPerUser(control, ids);
  });

  test('a worker stopped with no page open is woken by its alarm and finishes the run', async ({
    context,
    extensionId,
    control,
  }) => {
    test.setTimeout(150_000);
    const ids = await seedHolders(control, 60);
    // Slow enough (about 6 s for the run) that the stop below lands mid-run.
    await control.configure({ concurrencyLimit: 5, latencyMs: 150 });
    const before = (await control.getState()).data.users;
    const page = await context.newPage();
    await startHoldersRun(page, extensionId, 60);
    // An extension page that never speaks to the worker, only to watch it through DevTools.
    const watcher = await context.newPage();
    await watcher.goto(optionsUrl(extensionId));
    const worker = await serviceWorkerControl(context, watcher);
    await expect.poll(async () => (await holders(control)).length, { timeout: 60_000 }).toBeLessThanOrEqual(50);
    await page.close();

    await worker.stop();
    expect((await holders(control)).length).toBeGreaterThan(0);
    await expect.poll(() => worker.running(), { timeout: 60_000 }).toBe(true);
    await expect.poll(async () => (await holders(control)).length, { timeout: 60_000 }).toBe(0);

    await expectRunFinished(context, extensionId, control, ids, before);
  });

  test('the browser closed mid-run: at its next start the run goes on to the exact state, no removal sent twice', async ({
    extensionBrowser,
    extensionId,
    control,
  }) => {
    const ids = await seedHolders(control, 120);
    await control.configure({ concurrencyLimit: 5, latencyMs: 100 });
    const before = (await control.getState()).data.users;
    const page = await extensionBrowser.context.newPage();
    await startHoldersRun(page, extensionId, 120);
    await expect.poll(async () => (await holders(control)).length, { timeout: 60_000 }).toBeLessThanOrEqual(90);

    // The admin quits the browser mid-run and starts it again; no page of the extension is opened.
    const context = await extensionBrowser.restart();
    expect((await holders(control)).length).toBeGreaterThan(0);
    await expect.poll(async () => (await holders(control)).length, { timeout: 90_000 }).toBe(0);

    await expectRunFinished(context, extensionId, control, ids, before);
  });
});
