/** Benchmark 4: one removal end to end vs the floor: the same two calls (dissociate, read back) without our code. */
import { Agent } from 'node:https';
import type { Page } from '@playwright/test';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { COMMUNITY_HC_ID } from '../sandbox/data';
import type { BrowserName } from '../scripts/browsers';
import { clickText, openPanel, textOf, waitFor } from '../scripts/firefox';
import { BROWSER_LABEL, fmt, type Measure, median, pct, type Row, spread } from './common';
import { evaluateIn, type FirefoxBenchSession } from './firefox-session';
import { type BareFetchFloor, BENCH_BADGE, type BenchSandbox, type BenchSession, badgesPath } from './session';
import { watchServiceWorkerMoments } from './where-time-goes';

/** What a removal from the panel sends once confirmed: the panel's read of the badges stands for a first read. */
const REMOVAL_CALLS = 'dissociate, read back';

export const removal: Measure = {
  name: 'removal',
  browser: true,
  async run(session) {
    console.log('One removal against the floor…');
    const { token } = await session.serviceWorker();
    // Hash navigations between users of the plain skin (its `main h1`), from a page that has loaded it.
    if (session.pageShows !== 'user page, current skin') await session.loadUserPage();
    // BENCH_PROFILE: 30 more removals first, answered at once and watched (see where-time-goes.ts); left out.
    const profile = process.env.BENCH_PROFILE;
    if (profile) {
      await session.control.configure({ latencyMs: 0, concurrencyLimit: 25 });
      const ids = await session.seedHolders(30, 'watched');
      const watch = await watchServiceWorkerMoments(session.page, session.extensionId);
      const steps = await stepsOfRemovals(session, ids, watch.during);
      // The profile written is the removal of median length.
      const lengths = steps.each.map((s) => s[WHOLE]!);
      await watch.stop('30 removals', steps.seconds, profile, lengths.indexOf(pct(lengths, 0.5)));
      printSteps(steps.each);
    }
    return removalRows('chromium', session, token, (ids) => removeThroughPanel(session, ids));
  },
  async firefox(session) {
    console.log('One removal against the floor, in Firefox…');
    return removalRows('firefox', session, await session.token(), (ids) => removeThroughPanelInFirefox(session, ids));
  },
};

/** The two rows, answered at once and after 50 ms per call: removals through the panel against the floors. */
async function removalRows(
  browser: BrowserName,
  session: BenchSandbox & BareFetchFloor,
  token: string,
  removeThroughPanel: (ids: string[]) => Promise<number[]>,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const latencyMs of [0, 50]) {
    const { extension, floor, browserFloor } = await measureRemovals(session, token, latencyMs, removeThroughPanel);
    const own = median(extension) - median(browserFloor);
    rows.push({
      browser,
      what: `One removal, confirm click → verified report (30 removals; 2 calls: ${REMOVAL_CALLS}), sandbox answering ${latencyMs ? `after ${latencyMs} ms per call` : 'at once'}`,
      figure: `median ${fmt(median(extension))} ms; floor, the same 2 calls by bare fetch in ${BROWSER_LABEL[browser]}, ${fmt(median(browserFloor))} ms: ratio ${fmt(median(extension) / median(browserFloor), 2)}×, ${fmt(own)} ms of our own; the same 2 calls from Node ${fmt(median(floor))} ms`,
      spread: `${spread(extension, ' ms')} / ${spread(browserFloor, ' ms')} / ${spread(floor, ' ms')}`,
      target: latencyMs ? '≤ 1.05× the floor' : '≤ 5 ms of our own beyond the floor',
    });
  }
  return rows;
}

/** 30 removals through the panel, and the same two calls for 30 others from Node and by bare fetch in the browser. */
async function measureRemovals(
  session: BenchSandbox & BareFetchFloor,
  token: string,
  latencyMs: number,
  removeThroughPanel: (ids: string[]) => Promise<number[]>,
) {
  const { control } = session;
  await control.configure({ latencyMs: 0, concurrencyLimit: 25 });
  const seeded = await session.seedHolders(90, `one${latencyMs}`);
  await control.configure({ latencyMs });
  const extension = await removeThroughPanel(seeded.slice(0, 30));
  const agent = new Agent({ keepAlive: true, rejectUnauthorized: false });
  const floor: number[] = [];
  for (const id of seeded.slice(30, 60)) {
    const t0 = performance.now();
    await session.desk(agent, token, 'POST', `/api/v1/users/${id}/badges/dissociate`, { badgeIds: [BENCH_BADGE] });
    await session.desk(agent, token, 'GET', badgesPath(id));
    floor.push(performance.now() - t0);
  }
  agent.destroy();
  // The same two calls by bare fetch in the extension (Chromium's service worker, a Firefox extension page): what
  // the browser's network stack costs before any of our code runs.
  const { each: browserFloor } = await session.bareFetchRemovals(seeded.slice(60), 1);
  await control.configure({ latencyMs: 0 });
  return { extension, floor, browserFloor };
}

const userHash = (id: string) => `#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users/${id}`;

/** Each user's removal through the panel on the shared Desk page: the confirm click to the verified report, in ms. */
async function removeThroughPanel(
  session: BenchSession,
  ids: string[],
  watch?: { confirmed: (c: Confirmed) => void; during: <T>(act: () => Promise<T>) => Promise<T> },
): Promise<number[]> {
  const { page } = session;
  const times: number[] = [];
  for (const id of ids) {
    await page.evaluate((hash) => {
      location.hash = hash;
    }, userHash(id));
    await page.locator('main h1', { hasText: `Bench ${id}` }).waitFor();
    await page.getByRole('button', { name: 'Remove badges' }).click();
    const panel = page.frameLocator('badge-remover-control iframe.br-frame').getByRole('dialog');
    await panel.getByRole('checkbox').first().waitFor();
    await panel.locator('button:not([aria-disabled])', { hasText: /Review removal/ }).click();
    // Timed from the moment the confirm button acts: it does once its step has been seen for the gate's dwell
    // (components/common/GatedButton.tsx), and a click before that does nothing.
    await panel.locator('button:not([aria-disabled])', { hasText: /^Remove \d+ badges?$/ }).waitFor();
    const confirmed = await (watch ? watch.during(() => timedConfirm(page)) : timedConfirm(page));
    watch?.confirmed(confirmed);
    times.push(confirmed.ms);
    await panel.getByRole('button', { name: 'Done' }).click();
  }
  return times;
}

/** In the panel's frame: the confirm click to the verified report. */
async function timedConfirm(page: Page): Promise<Confirmed> {
  const frame = page.frames().find((f) => f.url().includes('/removal-panel.html'))!;
  return frame.evaluate(confirmAndTimeReport);
}

/**
 * Each user's removal in Firefox, on the shared Desk page: its control opens the panel in a window of its own (as
 * Firefox opens it), and the same confirm click to the verified report is timed there.
 */
async function removeThroughPanelInFirefox(session: FirefoxBenchSession, ids: string[]): Promise<number[]> {
  const page = session.deskPage;
  await page.bringToFront();
  const times: number[] = [];
  for (const id of ids) {
    const name = `Bench ${id}`;
    await page.evaluate((hash) => {
      location.hash = hash;
    }, userHash(id));
    await waitFor(
      () => page.evaluate((n) => document.querySelector('main h1')?.textContent?.includes(n) || null, name),
      `the page of ${name}`,
    );
    const panel = await panelFor(page, name);
    await gateOpen(panel, 'Review removal');
    await clickText(panel, /Review removal/);
    // Timed from the moment the confirm button acts, as in Chromium.
    await gateOpen(panel, '^Remove \\d+ badges?$');
    times.push((await evaluateIn(panel, confirmAndTimeReport, undefined)).ms);
    // Done closes the panel's window.
    await clickText(panel, 'Done');
  }
  return times;
}

/**
 * The panel for the user named, its badges shown. A control the page had not yet replaced after the navigation opens
 * the previous user's panel: that one is closed and the new control clicked.
 */
async function panelFor(page: FirefoxPage, name: string): Promise<FirefoxPage> {
  for (let attempt = 1; ; attempt++) {
    const panel = (await openPanel(page)) as FirefoxPage;
    // Every bench user is named "Bench <id>": the panel names the one it read.
    await waitFor(async () => (await textOf(panel)).includes('Bench ') || null, 'the user in the panel');
    if ((await textOf(panel)).includes(name)) {
      await waitFor(() => panel.$('input[type=checkbox]'), 'the badges in the panel');
      return panel;
    }
    await panel.close();
    if (attempt === 3) throw new Error(`The panel keeps opening for another user than ${name}.`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Waits until the panel's button whose text matches `pattern` acts: a button that moves a removal forward acts only
 * once its step has been seen for the gate's dwell (components/common/GatedButton.tsx).
 */
function gateOpen(panel: FirefoxPage, pattern: string) {
  return waitFor(
    () =>
      panel.evaluate(
        (source) =>
          [...document.querySelectorAll('button')].some(
            (b) => new RegExp(source).test(b.textContent ?? '') && !b.disabled && !b.getAttribute('aria-disabled'),
          ) || null,
        pattern,
      ),
    `the button ${pattern}`,
  );
}

/** Evaluated in the panel: clicks "Remove N badges" and times it to "Removed (verified)". */
function confirmAndTimeReport(): Promise<Confirmed> {
  return new Promise<Confirmed>((done) => {
    const at = () => performance.timeOrigin + performance.now();
    const confirm = [...document.querySelectorAll('button')].find((b) =>
      /^Remove \d+ badges?$/.test(b.textContent ?? ''),
    )!;
    const observer = new MutationObserver(() => {
      if (document.body.textContent?.includes('Removed (verified)')) {
        observer.disconnect();
        done({ ms: performance.now() - t0, clicked, drawn: at() });
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    const clicked = at();
    const t0 = performance.now();
    confirm.click();
  });
}

interface Confirmed {
  ms: number;
  /** Epoch ms, so the panel's moments and the service worker's line up. */
  clicked: number;
  drawn: number;
}

const WHOLE = 'confirm click → report drawn';

/** Each removal's steps, in ms. */
type Steps = Record<string, number>;

/**
 * The watched removals, each cut into steps: from the confirm click to the first call (the panel, the message to the
 * worker, its checks), each call as the worker's `fetch` saw it (to the reply's headers), the work between the calls,
 * and from the read-back to the report drawn (the report, the audit entry, the message back, the panel drawing it).
 */
async function stepsOfRemovals(
  session: BenchSession,
  ids: string[],
  during: <T>(act: () => Promise<T>) => Promise<T>,
): Promise<{ each: Steps[]; seconds: number }> {
  const { worker } = await session.serviceWorker();
  await worker.evaluate(() => {
    const g = globalThis as unknown as { fetch: typeof fetch; benchFetches: [number, number][] };
    const real = g.fetch;
    g.benchFetches = [];
    const at = () => performance.timeOrigin + performance.now();
    // The worker's code calls the global fetch at call time.
    g.fetch = async (input, init) => {
      const started = at();
      try {
        return await real(input, init);
      } finally {
        g.benchFetches.push([started, at()]);
      }
    };
  });
  const confirmed: Confirmed[] = [];
  const t0 = performance.now();
  await removeThroughPanel(session, ids, { confirmed: (c) => confirmed.push(c), during });
  const seconds = (performance.now() - t0) / 1000;
  const fetches = await worker.evaluate(
    () => (globalThis as unknown as { benchFetches: [number, number][] }).benchFetches,
  );
  const each = confirmed.map((marks) => {
    const [first, second] = fetches.filter(([start]) => start >= marks.clicked && start <= marks.drawn);
    if (!first || !second) throw new Error('A watched removal did not make its two calls.');
    return {
      'confirm click → first call sent (the panel, the message, the checks)': first[0] - marks.clicked,
      'first call (dissociate)': first[1] - first[0],
      'between the calls': second[0] - first[1],
      'second call (read back)': second[1] - second[0],
      'read back → report drawn (the report, the audit entry, the message back, drawing)': marks.drawn - second[1],
      [WHOLE]: marks.drawn - marks.clicked,
    };
  });
  return { each, seconds };
}

function printSteps(each: Steps[]) {
  console.log(`Where a removal's time goes (median over ${each.length}, ms):`);
  for (const step of Object.keys(each[0] ?? {})) {
    const values = each.map((s) => s[step]!);
    console.log(`  ${fmt(median(values)).padStart(7)}  ${step}  (${spread(values)})`);
  }
}
