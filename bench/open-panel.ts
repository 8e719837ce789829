/**
 * Benchmark 2b: opening the panel, a trusted click, then the panel drawn in its frame. The frame loads ahead of the
 * click (the pointer over the control, its focus, the page idle), so the first open on a page is measured both ways:
 * clicked as soon as the control shows, and after the pointer rested over the control first.
 */
import type { Page } from '@playwright/test';
import { COMMUNITY_HC_ID, DEMO_USER_ID } from '../sandbox/data';
import { fmt, type Measure, median, RUNS, spread } from './common';

/** How long the pointer rests over the control before the click: about an admin's move from pointing to clicking. */
const HOVER_MS = 300;
const PAGES_PER_RUN = 10;

const TRIGGER = 'badge-remover-control button.br-trigger';

/**
 * From the admin's click (seen in the page) to the frame saying it has drawn the panel, then closed again.
 * `loadedAhead`: whether a frame loaded ahead was in the page when the click came.
 */
async function open(page: Page): Promise<{ ms: number; loadedAhead: boolean }> {
  const measuring = page.evaluate(
    () =>
      new Promise<{ ms: number; loadedAhead: boolean }>((done) => {
        const hosts = [...document.querySelectorAll('badge-remover-control')];
        const trigger = hosts
          .map((host) => host.shadowRoot?.querySelector<HTMLButtonElement>('button.br-trigger'))
          .filter(Boolean)
          .at(-1)!;
        let t0 = 0;
        let loadedAhead = false;
        trigger.addEventListener(
          'click',
          () => {
            t0 = performance.now();
            loadedAhead = hosts.some((host) => host.shadowRoot?.querySelector('iframe.br-frame-ahead'));
          },
          { capture: true, once: true },
        );
        const onMessage = (event: MessageEvent) => {
          if ((event.data as { badgeRemoverPanel?: { action?: string } })?.badgeRemoverPanel?.action !== 'ready')
            return;
          window.removeEventListener('message', onMessage);
          done({ ms: performance.now() - t0, loadedAhead });
        };
        window.addEventListener('message', onMessage);
      }),
  );
  await page.locator(TRIGGER).last().click();
  const result = await measuring;
  await page.locator(TRIGGER).last().click();
  return result;
}

async function freshPage(page: Page) {
  await page.reload();
  await page.locator('badge-remover-control:not([data-overlay])').waitFor({ state: 'attached' });
}

export const openPanel: Measure = {
  name: 'open-panel',
  browser: true,
  async run(session) {
    const { page } = session;
    console.log('Opening the panel…');
    // Each open below reloads the page it is on: any user page will do. Loaded here, not by session.loadUserPage, whose
    // wait for the control's one host meets two while a frame is loaded ahead (the overlay's host is in the page too).
    if (session.pageShows === 'nothing') {
      await page.goto(
        `https://desk.zoho.com/agent/zylker/zylker/setup#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users/${DEMO_USER_ID}`,
      );
      await page.locator('badge-remover-control:not([data-overlay])').waitFor({ state: 'attached' });
    }
    const atOnce: number[] = [];
    let atOnceAhead = 0;
    const hovered: number[] = [];
    const later: number[] = [];
    const atOnceMedians: number[] = [];
    const hoveredMedians: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const runAtOnce: number[] = [];
      const runHovered: number[] = [];
      for (let i = 0; i < PAGES_PER_RUN; i++) {
        // Clicked as soon as the control shows: the pointer crosses it on the way, and the page may not be idle yet.
        await freshPage(page);
        const first = await open(page);
        runAtOnce.push(first.ms);
        if (first.loadedAhead) atOnceAhead++;
        later.push((await open(page)).ms);
        // The pointer rests over the control first.
        await freshPage(page);
        await page.locator(TRIGGER).last().hover();
        await page.waitForTimeout(HOVER_MS);
        runHovered.push((await open(page)).ms);
      }
      atOnce.push(...runAtOnce);
      hovered.push(...runHovered);
      atOnceMedians.push(median(runAtOnce));
      hoveredMedians.push(median(runHovered));
    }
    session.pageShows = 'user page, current skin';
    const pages = `${PAGES_PER_RUN} fresh pages per run`;
    return [
      {
        what: `Opening the panel, first open on a page, the pointer over the control ${HOVER_MS} ms before the click (trusted click → panel drawn in its frame loaded ahead), ${pages}`,
        figure: `median ${fmt(median(hovered), 1)} ms`,
        spread: spread(hoveredMedians, ' ms'),
        target: '≤ 30 ms',
      },
      {
        what: `Opening the panel, first open on a page, clicked as soon as the control shows (a frame loaded ahead was there for ${atOnceAhead} of ${atOnce.length} clicks); later opens on the same page, ${pages}`,
        figure: `first open median ${fmt(median(atOnce), 1)} ms; later opens ${fmt(median(later), 1)} ms`,
        spread: spread(atOnceMedians, ' ms'),
        target: '–',
      },
    ];
  },
};
