import { COMMUNITY_HC_ID, DEMO_USER_ID, ZYLKER_BADGES } from '../../sandbox/data';
import { PANEL_SNAPSHOT_MAX_AGE_MS } from '../../utils/removal/panel-snapshot';
import { connectThroughOptions, expect, panelOf, removeByName, test, userOf, userPageUrl } from './fixtures';

const B = ZYLKER_BADGES;

test.describe('on the Help Center user page', () => {
  test.beforeEach(async ({ context, extensionId }) => {
    await connectThroughOptions(context, extensionId);
  });

  test('the control appears on a user page and not on the users list', async ({ context }) => {
    const page = await context.newPage();
    await page.goto(
      `https://desk.zoho.com/agent/zylker/zylker/setup#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users`,
    );
    await expect(page.locator('main h1')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Remove badges' })).toHaveCount(0);
    await page.locator('main a', { hasText: 'Carol Diaz' }).click();
    await expect(page.getByRole('button', { name: 'Remove badges' })).toHaveCount(1);
    // Back on the list, the control goes: an absence seen once the content script has surely acted here.
    await page.goBack();
    await expect(page.locator('main a', { hasText: 'Carol Diaz' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Remove badges' })).toHaveCount(0);
  });

  // Zoho's spec and its own examples disagree on shapes (a user's badges as {data} or a bare array,
  // booleans or "true"/"false", photoUrl/userType or photoURL/type): the removal works with either.
  const cases = [
    ['dissociate', 'schema'],
    ['dissociate', 'examples'],
    ['fallback', 'schema'],
  ] as const;
  for (const [route, replyShapes] of cases) {
    test(`remove 2 of 3 badges: exactly those go, labels stay (${route}, replies shaped as Zoho's ${replyShapes})`, async ({
      context,
      control,
    }) => {
      await control.configure({ replyShapes });
      // Automatic: Zoho's documented dissociate; the Help Center DELETE only where dissociate is missing.
      if (route === 'fallback') await control.configure({ routes: { dissociate: false, helpCenterDelete: true } });
      const before = (await control.getState()).data.users;
      const ben = before.find((u) => u.name === 'Ben Okafor')!;
      expect(ben.badgeIds.sort()).toEqual([B.newcomer, B.risingStar, B.mvp2026].sort());
      const page = await context.newPage();
      await page.goto(userPageUrl(COMMUNITY_HC_ID, ben.id));
      const dialog = await removeByName(page, ['Rising Star', 'MVP 2026']);
      await expect(dialog.getByText('Removed (verified)')).toHaveCount(2);
      await expect(dialog).toContainText(route === 'fallback' ? 'Help Center DELETE' : 'Users dissociate');

      const after = await userOf(control, ben.id);
      expect(after.badgeIds).toEqual([B.newcomer]);
      expect(after.labelIds).toEqual(ben.labelIds);
      const others = (await control.getState()).data.users.filter((u) => u.id !== ben.id);
      expect(others.map((u) => u.badgeIds)).toEqual(before.filter((u) => u.id !== ben.id).map((u) => u.badgeIds));
      const api = await control.requests({ face: 'desk-api' });
      expect(api.filter((r) => /label/i.test(r.path))).toEqual([]);
      const removal = api.filter((r) => r.method !== 'GET');
      expect(removal.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(
        route === 'fallback'
          ? [
              `POST /api/v1/users/${ben.id}/badges/dissociate 404`,
              `DELETE /api/v1/helpcenter/${COMMUNITY_HC_ID}/users/${ben.id}/badges 200`,
            ]
          : [`POST /api/v1/users/${ben.id}/badges/dissociate 200`],
      );
    });
  }

  test('a user with 55 badges is read across two pages of 50; one badge from each page goes, verified', async ({
    context,
    control,
  }) => {
    // Badges named "Paged 01".."Paged 55", awarded in that order: Zoho pages them oldest award first.
    const data = await control.getData();
    const ids = Array.from({ length: 55 }, (_, i) => String(24073000008000001n + BigInt(i)));
    data.badges.push(
      ...ids.map((id, i) => ({ ...data.badges[0]!, id, name: `Paged ${String(i + 1).padStart(2, '0')}` })),
    );
    const user = data.users.find((u) => u.id === DEMO_USER_ID)!;
    user.badgeIds = [...ids];
    await control.putData(data);

    const page = await context.newPage();
    await page.goto(userPageUrl(COMMUNITY_HC_ID, DEMO_USER_ID));
    await page.getByRole('button', { name: 'Remove badges' }).click();
    const dialog = panelOf(page);
    await expect(dialog.getByRole('checkbox', { name: /Paged \d\d/ })).toHaveCount(55);
    const reads = async () =>
      (await control.requests({ face: 'desk-api', method: 'GET' }))
        .filter((r) => r.path === `/api/v1/users/${DEMO_USER_ID}/badges`)
        .map((r) => `${r.query.from}/${r.query.limit} ${r.status}`);
    expect(await reads()).toEqual(['1/50 200', '51/50 200']);

    await control.clearRequests();
    await dialog.getByRole('button', { name: /Select none/ }).click();
    await dialog.getByRole('checkbox', { name: /Paged 07\b/ }).check();
    await dialog.getByRole('checkbox', { name: /Paged 53\b/ }).check();
    await dialog.getByRole('button', { name: /Review removal/ }).click();
    await dialog.getByRole('button', { name: 'Remove 2 badges' }).click();
    await expect(dialog.getByText('Removed (verified)')).toHaveCount(2);
    expect((await userOf(control, DEMO_USER_ID)).badgeIds).toEqual(ids.filter((_, i) => i !== 6 && i !== 52));
    // The panel's read stands for the removal's; the read-back that verified it reads both pages.
    expect(await reads()).toEqual(['1/50 200', '51/50 200']);
  });

  test("from confirm to the verified report, exactly 2 Desk calls: the panel's read stands for the first", async ({
    context,
    control,
  }) => {
    const page = await context.newPage();
    await page.goto(userPageUrl(COMMUNITY_HC_ID, DEMO_USER_ID));
    let confirmedAt = 0;
    const dialog = await removeByName(page, ['Top Contributor'], async () => {
      confirmedAt = (await control.requests()).at(-1)?.seq ?? 0;
    });
    await expect(dialog.getByText('Removed (verified)')).toHaveCount(1);
    const calls = await control.requests({ face: 'desk-api', since: confirmedAt });
    expect(calls.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `POST /api/v1/users/${DEMO_USER_ID}/badges/dissociate 200`,
      `GET /api/v1/users/${DEMO_USER_ID}/badges 200`,
    ]);
    expect((await userOf(control, DEMO_USER_ID)).badgeIds).not.toContain(B.topContributor);
  });

  test('a panel left open past the age its read stands in for reads the badges again first: 3 Desk calls', async ({
    context,
    control,
  }) => {
    test.setTimeout(PANEL_SNAPSHOT_MAX_AGE_MS + 60_000);
    const page = await context.newPage();
    await page.goto(userPageUrl(COMMUNITY_HC_ID, DEMO_USER_ID));
    let confirmedAt = 0;
    const dialog = await removeByName(page, ['Top Contributor'], async () => {
      // The worker's clock, not the page's, ages the read: so a real wait.
      await page.waitForTimeout(PANEL_SNAPSHOT_MAX_AGE_MS + 1_000);
      confirmedAt = (await control.requests()).at(-1)?.seq ?? 0;
    });
    await expect(dialog.getByText('Removed (verified)')).toHaveCount(1);
    const calls = await control.requests({ face: 'desk-api', since: confirmedAt });
    expect(calls.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `GET /api/v1/users/${DEMO_USER_ID}/badges 200`,
      `POST /api/v1/users/${DEMO_USER_ID}/badges/dissociate 200`,
      `GET /api/v1/users/${DEMO_USER_ID}/badges 200`,
    ]);
  });

  test("on the portal's zohodesk.com address, the removal works end to end, the API still on desk.zoho.com", async ({
    context,
    control,
  }) => {
    const ben = (await control.getState()).data.users.find((u) => u.name === 'Ben Okafor')!;
    const page = await context.newPage();
    await page.goto(userPageUrl(COMMUNITY_HC_ID, ben.id, 'zylker.zohodesk.com'));
    const dialog = await removeByName(page, ['Rising Star']);
    await expect(dialog.getByText('Removed (verified)')).toHaveCount(1);
    expect((await userOf(control, ben.id)).badgeIds.sort()).toEqual([B.newcomer, B.mvp2026].sort());
    const api = await control.requests({ face: 'desk-api' });
    expect(new Set(api.map((r) => r.host))).toEqual(new Set(['desk.zoho.com']));
  });

  test('a route that takes badges not chosen is caught: they are re-awarded at once, verified and on record', async ({
    context,
    extensionId,
    control,
  }) => {
    await control.configure({ removalTakesAll: true });
    const page = await context.newPage();
    await page.goto(userPageUrl(COMMUNITY_HC_ID, DEMO_USER_ID));
    const dialog = await removeByName(page, ['Newcomer']);
    await expect(dialog.getByText('Removed (verified)')).toHaveCount(1);
    const net = dialog.getByRole('alert').filter({ hasText: 'Removed although not chosen' });
    await expect(net).toContainText('Rising Star: Re-awarded (verified)');
    await expect(net.getByText('Re-awarded (verified)')).toHaveCount(3);
    expect((await userOf(control, DEMO_USER_ID)).badgeIds.sort()).toEqual(
      [B.risingStar, B.topContributor, B.betaTester].sort(),
    );
    const writes = (await control.requests({ face: 'desk-api' })).filter((r) => r.method !== 'GET');
    expect(writes.map((r) => r.path)).toEqual([
      `/api/v1/users/${DEMO_USER_ID}/badges/dissociate`,
      `/api/v1/users/${DEMO_USER_ID}/badges/associate`,
    ]);
    // On record in the audit log.
    const audit = await context.newPage();
    await audit.goto(`chrome-extension://${extensionId}/audit.html`);
    await expect(audit.locator('body')).toContainText('Newcomer');
    const entries = await audit.evaluate(async () => {
      const { ok, value } = await chrome.runtime.sendMessage({ type: 'getAuditLog', input: {} });
      return ok ? value.entries : [];
    });
    expect(entries[0].unchosen.map((r: { outcome: { status: string } }) => r.outcome.status)).toEqual([
      'restored',
      'restored',
      'restored',
    ]);
  });

  // Markup we do not know: no main, no h1, the name in a span among generated classes, drawn late (the
  // control goes beside the name); and a page that shows nothing to anchor to (the control floats).
  for (const skin of ['generated', 'bare'] as const) {
    test(`on a Desk skin with ${skin === 'generated' ? 'generated markup' : 'no anchor at all'}, the removal works end to end`, async ({
      context,
      control,
    }) => {
      await control.configure({ webSkin: skin });
      const page = await context.newPage();
      await page.goto(userPageUrl(COMMUNITY_HC_ID, DEMO_USER_ID));
      await expect(page.getByRole('button', { name: 'Remove badges' })).toHaveCount(1);
      expect(await page.locator('main, h1, h2, h3').count()).toBe(0);
      const placed = () =>
        page.evaluate(() => {
          const host = document.querySelector('badge-remover-control:not([data-overlay])')!;
          return { floating: host.getAttribute('data-floating'), after: host.previousElementSibling?.textContent };
        });
      // The name is drawn late: the control may float until then, and moves beside it once it shows.
      if (skin === 'generated') await expect.poll(placed).toEqual({ floating: null, after: 'Carol Diaz' });
      else {
        const place = await placed();
        expect(place.floating).toMatch(/^(top|bottom)-(left|right)$/);
        // It covers none of Desk's own controls, and the admin can move it aside.
        const covered = await page.evaluate(() => {
          const box = document.querySelector('badge-remover-control:not([data-overlay])')!.getBoundingClientRect();
          return [...document.querySelectorAll('a[href], button, input, select, textarea')]
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.width && r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top;
            })
            .map((el) => el.outerHTML);
        });
        expect(covered).toEqual([]);
        await page.getByRole('button', { name: 'Move to another corner' }).click();
        await expect(page.locator('badge-remover-control:not([data-overlay])')).not.toHaveAttribute(
          'data-floating',
          place.floating!,
        );
      }
      const dialog = await removeByName(page, ['Top Contributor']);
      await expect(dialog.getByText('Removed (verified)')).toHaveCount(1);
      expect((await userOf(control, DEMO_USER_ID)).badgeIds).not.toContain(B.topContributor);
      // The page draws again on navigation: still exactly one control.
      const ben = (await control.getState()).data.users.find((u) => u.name === 'Ben Okafor')!;
      await page.evaluate(
        (hash) => {
          location.hash = hash;
        },
        new URL(userPageUrl(COMMUNITY_HC_ID, ben.id)).hash,
      );
      await page.getByRole('button', { name: 'Remove badges' }).click();
      await expect(panelOf(page)).toContainText('MVP 2026');
      await expect(page.getByRole('button', { name: 'Remove badges' })).toHaveCount(1);
    });
  }

  test('a connection dropped mid-removal is settled by the read-back, not guessed', async ({ context, control }) => {
    // Chromium itself resends a request when a reused connection drops, so the fault drops every try.
    await control.addFault({ method: 'POST', path: '/badges/dissociate$', drop: 'after' });
    const page = await context.newPage();
    await page.goto(userPageUrl(COMMUNITY_HC_ID, DEMO_USER_ID));
    const dialog = await removeByName(page, ['Top Contributor']);
    await expect(dialog.getByText('Removed (verified)')).toHaveCount(1);
    await expect(dialog).toContainText('connection dropped');
    expect((await userOf(control, DEMO_USER_ID)).badgeIds).not.toContain(B.topContributor);
    const posts = (await control.requests({ face: 'desk-api', method: 'POST' })).map((r) => r.dropped ?? r.status);
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((p) => p === 'after')).toBe(true);
  });

  test('a badge Zoho refuses is reported with its reason, the rest removed', async ({ context, control }) => {
    await control.configure({ forbiddenBadgeIds: [B.betaTester] });
    const page = await context.newPage();
    await page.goto(userPageUrl(COMMUNITY_HC_ID, DEMO_USER_ID));
    const dialog = await removeByName(page, ['Newcomer', 'Beta Tester']);
    await expect(dialog.getByText('Removed (verified)')).toHaveCount(1);
    await expect(dialog).toContainText('Failed: Zoho refused: your account may not remove this badge (FORBIDDEN');
    // Zoho's own words (the sandbox's errorMessage), verbatim beside ours.
    await expect(dialog).toContainText('Zoho said: "You do not have permission."');
    expect((await userOf(control, DEMO_USER_ID)).badgeIds).toContain(B.betaTester);
  });

  test('in-page navigation to another user re-targets the control', async ({ context, control }) => {
    const page = await context.newPage();
    await page.goto(userPageUrl(COMMUNITY_HC_ID, DEMO_USER_ID));
    await expect(page.getByRole('button', { name: 'Remove badges' })).toHaveCount(1);
    const other = (await control.getState()).data.users.find((u) => u.name === 'Ben Okafor')!;
    await page.evaluate(
      (url) => {
        location.hash = new URL(url).hash;
      },
      userPageUrl(COMMUNITY_HC_ID, other.id),
    );
    await expect(page.locator('main h1')).toHaveText('Ben Okafor');
    await expect(page.getByRole('button', { name: 'Remove badges' })).toHaveCount(1);
    await page.getByRole('button', { name: 'Remove badges' }).click();
    await expect(panelOf(page)).toContainText('MVP 2026');
    await expect(panelOf(page)).not.toContainText('Top Contributor');
  });

  test('a badge named like markup shows as text', async ({ context, control }) => {
    const evil = '<img src=x onerror=alert(1)>';
    await control.addBadge({ name: evil, holderIds: [DEMO_USER_ID] });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(userPageUrl(COMMUNITY_HC_ID, DEMO_USER_ID));
    await page.getByRole('button', { name: 'Remove badges' }).click();
    await expect(panelOf(page).getByText(evil)).toBeVisible();
    expect(dialogs).toEqual([]);
  });
});

test('the disconnected state offers Connect', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(userPageUrl(COMMUNITY_HC_ID, DEMO_USER_ID));
  await page.getByRole('button', { name: 'Remove badges' }).click();
  const optionsOpened = context.waitForEvent('page');
  await panelOf(page).getByRole('button', { name: 'Connect in options' }).click();
  expect((await optionsOpened).url()).toBe(`chrome-extension://${extensionId}/options.html`);
});

test.describe('a user page whose URL names only the portal user', () => {
  const portalUserUrl = (portalUserId: string) =>
    `https://desk.zoho.com/agent/zylker/zylker/setup#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users/portaluser/${portalUserId}`;

  test('finds the user by the email the page shows, and removes from exactly that user', async ({
    context,
    extensionId,
    control,
  }) => {
    await connectThroughOptions(context, extensionId);
    const ben = (await control.getState()).data.users.find((u) => u.name === 'Ben Okafor')!;
    const page = await context.newPage();
    await page.goto(portalUserUrl(ben.portalUserId));
    const dialog = await removeByName(page, ['MVP 2026']);
    await expect(dialog.getByText('Removed (verified)')).toHaveCount(1);
    expect((await userOf(control, ben.id)).badgeIds).not.toContain(B.mvp2026);
    const searches = (await control.requests({ face: 'desk-api' })).filter((r) => r.path === '/api/v1/users');
    expect(searches.map((r) => r.query.searchBy)).toEqual([ben.emailAddress]);
  });

  test('says what is missing when it cannot look the user up', async ({ context, control }) => {
    const ben = (await control.getState()).data.users.find((u) => u.name === 'Ben Okafor')!;
    const page = await context.newPage();
    await page.goto(portalUserUrl(ben.portalUserId));
    await page.getByRole('button', { name: 'Remove badges' }).click();
    await expect(panelOf(page)).toContainText('not connected');
    await expect(panelOf(page).getByRole('button', { name: 'Connect in options' })).toBeVisible();
  });
});
