/** Benchmark 5: bulk throughput. */
import type { Page as FirefoxPage } from 'puppeteer-core';
import type { BrowserName } from '../scripts/browsers';
import { clickText, expectText, goToExtensionPage, waitFor } from '../scripts/firefox';
import { BROWSER_LABEL, fmt, type Measure, median, type Row, RUNS, spread } from './common';
import type { FirefoxBenchSession } from './firefox-session';
import { type BareFetchFloor, BENCH_BADGE, type BenchSandbox } from './session';
import { watchServiceWorker } from './where-time-goes';

const LATENCY = 50;
const USERS = 500;

export const bulk: Measure = {
  name: 'bulk',
  browser: true,
  async run(session) {
    const { control, context, extensionId } = session;
    console.log('Bulk throughput…');
    const rates: number[] = [];
    const bareRates: number[] = [];
    // BENCH_PROFILE: one more run first, watched (see where-time-goes.ts); the profiler's own cost keeps it out.
    const profile = process.env.BENCH_PROFILE;
    for (let run = profile ? -1 : 0; run < RUNS; run++) {
      await control.configure({ latencyMs: 0, concurrencyLimit: 25 });
      await session.seedHolders(USERS, `bulk${run}`);
      const bulkPage = await context.newPage();
      await bulkPage.goto(`chrome-extension://${extensionId}/bulk.html`);
      // The page opens on the last run's report when there is one.
      const newRun = bulkPage.getByRole('button', { name: 'New bulk removal' });
      const everyUser = bulkPage.getByRole('radio', { name: /Every user in a help center/ });
      await everyUser.or(newRun).first().waitFor();
      if (await newRun.isVisible()) await newRun.click();
      await everyUser.check();
      await bulkPage.getByRole('combobox', { name: 'Badge', exact: true }).selectOption({ label: 'Bench' });
      await bulkPage.getByRole('button', { name: 'Dry run' }).click();
      await bulkPage.getByText(`${USERS} users lose ${USERS} badges.`).waitFor({ timeout: 300_000 });
      await bulkPage.getByLabel(`Type ${USERS} to confirm`).fill(String(USERS));
      await control.configure({ latencyMs: LATENCY, concurrencyLimit: 5 });
      const watched = run < 0 && profile ? await watchServiceWorker(bulkPage, extensionId, profile) : null;
      const t0 = performance.now();
      await bulkPage.getByRole('button', { name: `Remove badges from ${USERS} users` }).click();
      await bulkPage.getByRole('heading', { name: 'Bulk run: done' }).waitFor({ timeout: 600_000 });
      const seconds = (performance.now() - t0) / 1000;
      await watched?.('bulk run', seconds);
      await bulkPage.close();
      if (watched) continue;
      rates.push(USERS / seconds);
      bareRates.push(await bareFetchRate(session, run));
    }
    await control.configure({ latencyMs: 0 });
    return [bulkRow('chromium', rates, bareRates)];
  },

  async firefox(session) {
    const { control } = session;
    console.log('Bulk throughput, in Firefox…');
    const rates: number[] = [];
    const bareRates: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await control.configure({ latencyMs: 0, concurrencyLimit: 25 });
      await session.seedHolders(USERS, `bulk${run}`);
      const bulkPage = await bulkPlanner(session);
      await clickText(bulkPage, /Every user in a help center/, 'label');
      await waitFor(() => bulkPage.$(`select#badge option[value="${BENCH_BADGE}"]`), "the organization's badges");
      await bulkPage.select('select#badge', BENCH_BADGE);
      await clickText(bulkPage, 'Dry run');
      await expectText(bulkPage, `${USERS} users lose ${USERS} badges.`, 300_000);
      await bulkPage.locator('#confirm-count').fill(String(USERS));
      await control.configure({ latencyMs: LATENCY, concurrencyLimit: 5 });
      rates.push(USERS / (await timedRun(bulkPage)));
      bareRates.push(await bareFetchRate(session, run));
    }
    await control.configure({ latencyMs: 0 });
    return [bulkRow('firefox', rates, bareRates)];
  },
};

/**
 * The same 2 calls (dissociate, read back) for 500 other users by bare fetch in the extension, 5 at a time: what the
 * browser itself reaches here, before any of our code (the in-browser ceiling). In users per second.
 */
async function bareFetchRate(session: BenchSandbox & BareFetchFloor, run: number): Promise<number> {
  await session.control.configure({ latencyMs: 0, concurrencyLimit: 25 });
  const bare = await session.seedHolders(USERS, `bare${run}`);
  await session.control.configure({ latencyMs: LATENCY, concurrencyLimit: 5 });
  const bareRun = await session.bareFetchRemovals(bare, 5);
  return bare.length / bareRun.seconds;
}

function bulkRow(browser: BrowserName, rates: number[], bareRates: number[]): Row {
  // Two calls per user: the dry run's read stands in for the first (README, "Calls per user").
  const ceiling = 5 / ((2 * LATENCY) / 1000);
  const naive = 1 / ((2 * LATENCY) / 1000);
  return {
    browser,
    what: `Bulk: ${USERS} users, concurrency limit 5, ${LATENCY} ms per call`,
    figure: `${fmt(median(rates))} users/s; ${fmt(median(rates) / ceiling, 2)} of the ceiling (${fmt(ceiling)}/s); ${fmt(median(rates) / naive, 2)}× a one-at-a-time loop (${fmt(naive)}/s); ${fmt(median(rates) / median(bareRates), 2)} of bare fetch in ${BROWSER_LABEL[browser]}, 5 at a time (${fmt(median(bareRates))}/s)`,
    spread: `${spread(rates, ' users/s')} / ${spread(bareRates, ' users/s')}`,
    target: '≥ 0.9 of the ceiling, or as close as bare fetch allows',
  };
}

/**
 * Firefox's bulk page, ready for a new run, in the session's extension tab: reached from the page it shows, or
 * (after a run) its report's "New bulk removal".
 */
async function bulkPlanner(session: FirefoxBenchSession): Promise<FirefoxPage> {
  const page = session.extensionPage;
  // In front, as the admin's tab is: Firefox throttles a background tab's timers.
  await page.bringToFront();
  if ((await page.evaluate(() => location.pathname)) !== '/bulk.html') await goToExtensionPage(page, '/bulk.html');
  else await clickText(page, 'New bulk removal');
  return page;
}

/**
 * Firefox: the admin's (trusted) click on "Remove badges from 500 users" to "Bulk run: done", both seen in the page,
 * so the bench's polling over BiDi adds nothing to the time. In seconds.
 */
async function timedRun(page: FirefoxPage): Promise<number> {
  await page.evaluate(() => {
    const marks: { clicked?: number; done?: number } = {};
    (globalThis as unknown as { benchRun: typeof marks }).benchRun = marks;
    document.addEventListener(
      'click',
      () => {
        marks.clicked ??= performance.now();
      },
      { capture: true },
    );
    const observer = new MutationObserver(() => {
      if (document.getElementById('run-title')?.textContent?.includes('Bulk run: done')) {
        marks.done = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await clickText(page, `Remove badges from ${USERS} users`);
  const { clicked, done } = await waitFor(
    () =>
      page.evaluate(() => {
        const marks = (globalThis as unknown as { benchRun: { clicked?: number; done?: number } }).benchRun;
        return marks.done !== undefined && marks.clicked !== undefined
          ? { clicked: marks.clicked, done: marks.done }
          : null;
      }),
    'Bulk run: done',
    600_000,
  );
  return (done - clicked) / 1000;
}
