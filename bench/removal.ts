/** Benchmark 4: one removal end to end vs the floor. */
import { Agent } from 'node:https';
import type { Page } from '@playwright/test';
import { COMMUNITY_HC_ID } from '../sandbox/data';
import { fmt, type Measure, median, type Row, spread } from './common';
import { BENCH_BADGE, type BenchSession } from './session';

export const removal: Measure = {
  name: 'removal',
  browser: true,
  async run(session) {
    console.log('One removal against the floor…');
    const { token } = await session.serviceWorker();
    // Hash navigations between users of the plain skin (its `main h1`), from a page that has loaded it.
    if (session.pageShows !== 'user page, current skin') await session.loadUserPage();
    const rows: Row[] = [];
    for (const latencyMs of [0, 50]) {
      const { extension, floor, browserFloor } = await measureRemovals(session, token, latencyMs);
      rows.push({
        what: `One removal, confirm click → verified report (30 removals), sandbox answering ${latencyMs ? `after ${latencyMs} ms per call` : 'at once'}`,
        figure: `median ${fmt(median(extension))} ms; floor (same 3 calls from Node) ${fmt(median(floor))} ms: ratio ${fmt(median(extension) / median(floor), 2)}×; same 3 calls by bare fetch in Chromium ${fmt(median(browserFloor))} ms: ratio ${fmt(median(extension) / median(browserFloor), 2)}×`,
        spread: `${spread(extension, ' ms')} / ${spread(floor, ' ms')} / ${spread(browserFloor, ' ms')}`,
        target: '≤ 1.25× the floor',
      });
    }
    return rows;
  },
};

/** 30 removals through the panel, and the same three calls for 30 others from Node and by bare fetch in Chromium. */
async function measureRemovals(session: BenchSession, token: string, latencyMs: number) {
  const { control, page } = session;
  await control.configure({ latencyMs: 0, concurrencyLimit: 25 });
  const seeded = await session.seedHolders(90, `one${latencyMs}`);
  await control.configure({ latencyMs });
  const extension: number[] = [];
  for (const id of seeded.slice(0, 30)) {
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users/${id}`);
    await page.locator('main h1', { hasText: `Bench ${id}` }).waitFor();
    await page.getByRole('button', { name: 'Remove badges' }).click();
    const panel = page.frameLocator('badge-remover-control iframe.br-frame').getByRole('dialog');
    await panel.getByRole('checkbox').first().waitFor();
    await panel.getByRole('button', { name: /Review removal/ }).click();
    extension.push(await timedConfirm(page));
    await panel.getByRole('button', { name: 'Done' }).click();
  }
  const agent = new Agent({ keepAlive: true, rejectUnauthorized: false });
  const floor: number[] = [];
  for (const id of seeded.slice(30, 60)) {
    const t0 = performance.now();
    await session.desk(agent, token, 'GET', `/api/v1/users/${id}/badges?from=1&limit=50`);
    await session.desk(agent, token, 'POST', `/api/v1/users/${id}/badges/dissociate`, { badgeIds: [BENCH_BADGE] });
    await session.desk(agent, token, 'GET', `/api/v1/users/${id}/badges?from=1&limit=50`);
    floor.push(performance.now() - t0);
  }
  agent.destroy();
  // The same three calls by bare fetch inside the extension's service worker: what Chromium's
  // network stack costs before any of our code runs.
  const { each: browserFloor } = await session.bareFetchRemovals(seeded.slice(60), 1);
  await control.configure({ latencyMs: 0 });
  return { extension, floor, browserFloor };
}

/** In the panel's frame: the confirm click to the verified report. */
async function timedConfirm(page: Page): Promise<number> {
  const frame = page.frames().find((f) => f.url().includes('/removal-panel.html'))!;
  return frame.evaluate(
    () =>
      new Promise<number>((done) => {
        const confirm = [...document.querySelectorAll('button')].find((b) =>
          /^Remove \d+ badges?$/.test(b.textContent ?? ''),
        )!;
        const observer = new MutationObserver(() => {
          if (document.body.textContent?.includes('Removed (verified)')) {
            observer.disconnect();
            done(performance.now() - t0);
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        const t0 = performance.now();
        confirm.click();
      }),
  );
}
