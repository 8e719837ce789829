/** Benchmark 3: cost on pages that are not user pages. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../scripts/chromium';
import { fmt, type Measure, median, RUNS, spread } from './common';

export const pageCost: Measure = {
  name: 'page-cost',
  browser: true,
  async run(session) {
    console.log('Cost on other pages…');
    // Alone in the browser, as in the one without the extension: pages of one site may share a renderer.
    await session.page.close();
    const plain = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'bench-plain-')), {
      headless: true,
      executablePath: findChromium(),
      args: chromiumArgs(session.sandbox).filter((a) => !a.includes('extension')),
    });
    const perNav: number[] = [];
    const perMutations: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const withExt = await scriptTime(session.context);
      const without = await scriptTime(plain);
      perNav.push(withExt.navigation - without.navigation);
      perMutations.push(withExt.mutations - without.mutations);
    }
    await plain.close();
    return [
      {
        what: 'Cost on pages that are not user pages: extra script time, with the extension vs without',
        figure: `${fmt(median(perNav), 3)} ms per in-page navigation; ${fmt(median(perMutations), 2)} ms per 1,000 DOM mutations`,
        spread: `${spread(perNav, ' ms', 3)} / ${spread(perMutations, ' ms', 2)}`,
        target: '< 1 ms per navigation',
      },
    ];
  },
};

/** Renderer script time (CDP ScriptDuration, every world) per in-page navigation (50) and per 1,000 mutations (10 bursts). */
async function scriptTime(ctx: BrowserContext): Promise<{ navigation: number; mutations: number }> {
  const page = await ctx.newPage();
  await page.goto('https://desk.zoho.com/agent/zylker/zylker/busy?mutations=1000&nodes=2000');
  await page.locator('#mutate').waitFor();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  const scriptMs = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  };
  const m0 = await scriptMs();
  for (let i = 0; i < 10; i++) {
    await page.locator('#mutate').click();
    await page.waitForFunction(() => document.body.dataset.busyDone === 'true');
  }
  const mutations = ((await scriptMs()) - m0) / 10;
  const n0 = await scriptMs();
  for (let i = 0; i < 50; i++) {
    await page.evaluate(
      (path) => {
        history.pushState(null, '', path);
        dispatchEvent(new PopStateEvent('popstate'));
      },
      i % 2 ? '/agent/zylker/zylker/busy?mutations=1000&nodes=2000' : '/agent/zylker/zylker/tickets',
    );
    await page.locator('main h1').waitFor();
  }
  await page.waitForTimeout(100);
  const navigation = ((await scriptMs()) - n0) / 50;
  await page.close();
  return { navigation, mutations };
}
