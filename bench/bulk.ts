/** Benchmark 5: bulk throughput. */
import { fmt, type Measure, median, RUNS, spread } from './common';
import { watchServiceWorker } from './where-time-goes';

const LATENCY = 50;

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
      await session.seedHolders(500, `bulk${run}`);
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
      await bulkPage.getByText('500 users lose 500 badges.').waitFor({ timeout: 300_000 });
      await bulkPage.getByLabel('Type 500 to confirm').fill('500');
      await control.configure({ latencyMs: LATENCY, concurrencyLimit: 5 });
      const watched = run < 0 && profile ? await watchServiceWorker(bulkPage, extensionId, profile) : null;
      const t0 = performance.now();
      await bulkPage.getByRole('button', { name: 'Remove badges from 500 users' }).click();
      await bulkPage.getByRole('heading', { name: 'Bulk run: done' }).waitFor({ timeout: 600_000 });
      const seconds = (performance.now() - t0) / 1000;
      await watched?.('bulk run', seconds);
      await bulkPage.close();
      if (watched) continue;
      rates.push(500 / seconds);
      // The same 2 calls (dissociate, read back) for 500 users by bare fetch in the service worker, 5 at a time:
      // what Chromium itself reaches here, before any of our code (the in-browser ceiling).
      await control.configure({ latencyMs: 0, concurrencyLimit: 25 });
      const bare = await session.seedHolders(500, `bare${run}`);
      await control.configure({ latencyMs: LATENCY, concurrencyLimit: 5 });
      const bareRun = await session.bareFetchRemovals(bare, 5);
      bareRates.push(bare.length / bareRun.seconds);
    }
    await control.configure({ latencyMs: 0 });
    // Two calls per user: the dry run's read stands in for the first (README, "Calls per user").
    const ceiling = 5 / ((2 * LATENCY) / 1000);
    const naive = 1 / ((2 * LATENCY) / 1000);
    return [
      {
        what: `Bulk: 500 users, concurrency limit 5, ${LATENCY} ms per call`,
        figure: `${fmt(median(rates))} users/s; ${fmt(median(rates) / ceiling, 2)} of the ceiling (${fmt(ceiling)}/s); ${fmt(median(rates) / naive, 2)}× a one-at-a-time loop (${fmt(naive)}/s); ${fmt(median(rates) / median(bareRates), 2)} of bare fetch in Chromium, 5 at a time (${fmt(median(bareRates))}/s)`,
        spread: `${spread(rates, ' users/s')} / ${spread(bareRates, ' users/s')}`,
        target: '≥ 0.9 of the ceiling, or as close as bare fetch allows',
      },
    ];
  },
};
