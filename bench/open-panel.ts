/** Benchmark 2b: opening the panel, a trusted click, then the panel frame loads and draws. */
import { fmt, type Measure, median, RUNS, spread } from './common';

export const openPanel: Measure = {
  name: 'open-panel',
  browser: true,
  async run(session) {
    const { page } = session;
    console.log('Opening the panel…');
    // Each open below reloads the page it is on: any user page will do.
    if (session.pageShows === 'nothing') await session.loadUserPage();
    /** From the admin's click (seen in the page) to the frame saying it has drawn the panel. */
    const open = async () => {
      const measuring = page.evaluate(
        () =>
          new Promise<number>((done) => {
            const trigger = [...document.querySelectorAll('badge-remover-control')]
              .at(-1)!
              .shadowRoot!.querySelector<HTMLButtonElement>('button.br-trigger')!;
            let t0 = 0;
            trigger.addEventListener('click', () => (t0 = performance.now()), { capture: true, once: true });
            const onMessage = (event: MessageEvent) => {
              if ((event.data as { badgeRemoverPanel?: { action?: string } })?.badgeRemoverPanel?.action !== 'ready')
                return;
              window.removeEventListener('message', onMessage);
              done(performance.now() - t0);
            };
            window.addEventListener('message', onMessage);
          }),
      );
      await page.locator('badge-remover-control button.br-trigger').last().click();
      const ms = await measuring;
      await page.locator('badge-remover-control button.br-trigger').last().click();
      return ms;
    };
    const firstOpens: number[] = [];
    const laterOpens: number[] = [];
    const firstMedians: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const firsts: number[] = [];
      for (let i = 0; i < 10; i++) {
        await page.reload();
        await page.locator('badge-remover-control').waitFor({ state: 'attached' });
        firsts.push(await open());
        laterOpens.push(await open());
      }
      firstOpens.push(...firsts);
      firstMedians.push(median(firsts));
    }
    session.pageShows = 'user page, current skin';
    return [
      {
        what: 'Opening the panel (trusted click → panel drawn in its frame), 10 fresh pages per run',
        figure: `first open on a page median ${fmt(median(firstOpens), 1)} ms; later opens ${fmt(median(laterOpens), 1)} ms`,
        spread: spread(firstMedians, ' ms'),
        target: '–',
      },
    ];
  },
};
