/**
 * `npm run bench`: what the extension costs and how close it gets to the network floor, measured
 * with the built production extension in headless Chromium against the sandbox. Prints a table and
 * writes BENCHMARKS.md. Figures only: nothing here passes or fails on time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { SandboxControl } from '../sandbox/control-client';
import { COMMUNITY_HC_ID, DEMO_USER_ID } from '../sandbox/data';
import { startSandbox } from '../sandbox/server';
import { SANDBOX_CLIENT_ID } from '../sandbox/state';
import { AUDIT_CHUNK_SIZE } from '../utils/badges/audit-store';
import { chromiumArgs, EXTENSION_DIR, findChromium, launchExtensionBrowser } from './chromium';

const BENCH_BADGE = '24073000009990777';
/** Ids of the next bench users (seedHolders). */
let nextSeed = 700000000000;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const EARLIER_AUDIT_ENTRIES = 4000;
const root = resolve(import.meta.dirname, '..');

interface Row {
  what: string;
  figure: string;
  spread: string;
  target: string;
}
const rows: Row[] = [];
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const spread = (xs: number[], unit = '', digits = 1) =>
  `${fmt(Math.min(...xs), digits)}–${fmt(Math.max(...xs), digits)}${unit}`;

// ---- 1. Weight ----
console.log('Building the production extension…');
if (spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' }).status !== 0) throw new Error('build failed');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const all = files(EXTENSION_DIR);
let totalRaw = 0;
let totalGzip = 0;
for (const file of all) {
  const bytes = readFileSync(file);
  totalRaw += bytes.length;
  totalGzip += gzipSync(bytes).length;
  if (file.includes('content-scripts') && file.endsWith('.js')) {
    rows.push({
      what: `Content script ${relative(EXTENSION_DIR, file)}`,
      figure: `${fmt(bytes.length / 1024)} kB raw, ${fmt(gzipSync(bytes).length / 1024)} kB gzip`,
      spread: '–',
      target: '≤ 12 kB gzip',
    });
  }
  if (/chunks\/removal-panel-[^/]+\.js$/.test(file)) {
    rows.push({
      what: `Panel page script ${relative(EXTENSION_DIR, file)}: loaded in the panel frame when the control opens (with the shared chunks)`,
      figure: `${fmt(bytes.length / 1024)} kB raw, ${fmt(gzipSync(bytes).length / 1024)} kB gzip`,
      spread: '–',
      target: '–',
    });
  }
}
rows.push({
  what: 'Whole package',
  figure: `${fmt(totalRaw / 1024)} kB raw, ${fmt(totalGzip / 1024)} kB gzip`,
  spread: '–',
  target: '–',
});

// ---- Browser figures ----
const sandbox = await startSandbox({ port: 0 });
const control = new SandboxControl(sandbox.origin);
await control.reset();
await control.configure({ consent: 'auto-accept' });
const browser = await launchExtensionBrowser(sandbox);
const { context, extensionId } = browser;
// tsx keeps function names with a `__name` helper that page.evaluate'd code does not have.
await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });

async function connect(ctx: BrowserContext) {
  const options = await ctx.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Client ID').fill(SANDBOX_CLIENT_ID);
  await options.getByRole('button', { name: 'Connect to Zoho' }).click();
  await options.getByRole('button', { name: 'Disconnect' }).waitFor();
  await options.close();
}

/** The admin's anchor selector, stored from an extension page as the options page does (the worker may be asleep). */
async function setAnchorSelector(ctx: BrowserContext, selector: string) {
  const options = await ctx.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.evaluate((value) => chrome.storage.local.set({ anchorSelector: value }), selector);
  await options.close();
}

try {
  await connect(context);
  // A long-used extension: the audit log starts with 4,000 entries, so its writes are measured at a real size.
  await context.serviceWorkers()[0]!.evaluate(
    async ({ count, chunkSize }) => {
      const items: Record<string, unknown> = {};
      const ids: number[] = [];
      for (let id = 0; id * chunkSize < count; id++) {
        ids.push(id);
        items[`auditLog.${id}`] = Array.from({ length: chunkSize }, (_, i) => ({
          kind: 'remove',
          auditId: `earlier-${id}-${i}`,
          orgId: '60001234567',
          userId: `6000000${id}${i}`,
          userName: 'An earlier user',
          userEmail: 'earlier@example.com',
          route: 'users-dissociate',
          results: [{ badgeId: '24073000001234567', name: 'Rising Star', outcome: { status: 'removed' } }],
          verified: true,
          notes: [],
          startedAt: Date.now() - 86_400_000,
          finishedAt: Date.now() - 86_400_000,
        }));
      }
      await chrome.storage.local.set({ ...items, 'auditLog.chunks': ids });
    },
    { count: EARLIER_AUDIT_ENTRIES, chunkSize: AUDIT_CHUNK_SIZE },
  );
  const page = await context.newPage();
  const users = (await control.getState()).data.users.filter((u) => u.helpCenterIds.includes(COMMUNITY_HC_ID));

  // ---- 2. Time to control, for each way the control finds its place ----
  console.log('Time to control…');
  const ANCHOR_CASES = [
    { kind: 'heading', skin: 'plain', selector: '', what: 'beside the page heading (plain skin)' },
    { kind: 'name', skin: 'generated', selector: '', what: "beside the user's name (generated markup, drawn late)" },
    { kind: 'selector', skin: 'generated', selector: 'dl', what: "after the admin's anchor selector" },
    { kind: 'floating', skin: 'bare', selector: '', what: 'floating in a corner (nothing to anchor to)' },
  ] as const;
  for (const anchorCase of ANCHOR_CASES) {
    console.log(`  ${anchorCase.kind}`);
    await control.configure({ webSkin: anchorCase.skin });
    await setAnchorSelector(context, anchorCase.selector);
    // A full load: a goto that differs only in the hash would keep the previous skin.
    await page.goto('about:blank');
    await page.goto(
      `https://desk.zoho.com/agent/zylker/zylker/setup#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users/${DEMO_USER_ID}`,
    );
    await page.locator('badge-remover-control').waitFor({ state: 'attached' });
    const toControl: number[] = [];
    const medians: number[] = [];
    const kinds = new Set<string>();
    const navigations = anchorCase.kind === 'floating' ? 10 : 30;
    let currentId = DEMO_USER_ID;
    let timeouts = 0;
    for (let run = 0; run < RUNS; run++) {
      const times: number[] = [];
      for (let i = 0; i < navigations; i++) {
        // Never the user already shown: the same hash would not navigate at all.
        let user = users[(i + 1 + run) % users.length]!;
        if (user.id === currentId) user = users[(i + 2 + run) % users.length]!;
        currentId = user.id;
        const measured = await page.evaluate(
          ({ hash, name, bare }) =>
            new Promise<{ ms: number; placed: string }>((done) => {
              for (const old of document.querySelectorAll('badge-remover-control')) old.setAttribute('data-old', '');
              const content = document.getElementById('content')!;
              // The new user's content: their name, or on the bare skin (which never shows it) the redrawn page.
              const shown = () =>
                bare
                  ? content.textContent?.includes('Community member') && content.dataset.seen !== hash
                  : [...content.querySelectorAll('*')].some(
                      (el) => el.childElementCount === 0 && el.textContent === name,
                    );
              let contentAt: number | null = null;
              const check = () => {
                if (contentAt === null && shown()) {
                  contentAt = performance.now();
                  content.dataset.seen = hash;
                }
                const fresh = [...document.querySelectorAll('badge-remover-control')].find(
                  (h) => h.isConnected && !h.hasAttribute('data-old') && h.shadowRoot?.querySelector('button'),
                );
                if (contentAt !== null && fresh) {
                  observer.disconnect();
                  const placed = fresh.hasAttribute('data-floating')
                    ? 'floating'
                    : (fresh.previousElementSibling?.tagName.toLowerCase() ?? '?');
                  done({ ms: performance.now() - contentAt, placed });
                }
              };
              const observer = new MutationObserver(check);
              observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
              setTimeout(() => {
                observer.disconnect();
                done({ ms: Number.NaN, placed: contentAt === null ? 'no content' : 'no control' });
              }, 5000);
              location.hash = hash;
            }),
          {
            hash: `#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users/${user.id}`,
            name: user.name,
            bare: anchorCase.kind === 'floating',
          },
        );
        if (Number.isNaN(measured.ms)) timeouts++;
        else times.push(measured.ms);
        kinds.add(measured.placed);
      }
      toControl.push(...times);
      medians.push(median(times));
    }
    rows.push({
      what: `Time to control ${anchorCase.what} (content in DOM → control in place; placed after: ${[...kinds].join(', ')}${timeouts ? `; ${timeouts} navigations without a control in 5 s` : ''}), ${navigations} in-page navigations per run`,
      figure: `median ${fmt(median(medians), 2)} ms, p95 ${fmt(pct(toControl, 0.95), 2)} ms`,
      spread: spread(medians, ' ms', 2),
      target: anchorCase.kind === 'floating' ? '≤ 1,000 ms' : 'median ≤ 16 ms',
    });
  }
  await control.configure({ webSkin: 'plain' });
  await setAnchorSelector(context, '');

  // ---- 2b. Opening the panel: a trusted click, then the panel frame loads and draws ----
  console.log('Opening the panel…');
  /** From the admin's click (seen in the page) to the frame saying it has drawn the panel. */
  const openPanel = async () => {
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
      firsts.push(await openPanel());
      laterOpens.push(await openPanel());
    }
    firstOpens.push(...firsts);
    firstMedians.push(median(firsts));
  }
  rows.push({
    what: 'Opening the panel (trusted click → panel drawn in its frame), 10 fresh pages per run',
    figure: `first open on a page median ${fmt(median(firstOpens), 1)} ms; later opens ${fmt(median(laterOpens), 1)} ms`,
    spread: spread(firstMedians, ' ms'),
    target: '–',
  });

  // ---- 4. One removal end to end vs the floor ----
  console.log('One removal against the floor…');
  const token = await context.serviceWorkers()[0]!.evaluate(async () => {
    const { accessToken } = await chrome.storage.session.get('accessToken');
    return (accessToken as { token: string }).token;
  });
  const worker = context.serviceWorkers()[0]!;
  await worker.evaluate('globalThis.__name = (f) => f;');
  /**
   * The calls per user of a removal by bare fetch in the service worker, `atOnce` users at a time: what Chromium
   * itself costs before any of our code runs. Three (read, dissociate, read back) as the panel does; two without
   * the first read, as a bulk run does for a user the dry run has read.
   */
  const bareFetchRemovals = (ids: string[], atOnce: number, firstRead = true) =>
    worker.evaluate(
      async ({ ids, atOnce, token, badgeId, firstRead }) => {
        const headers = { Authorization: `Zoho-oauthtoken ${token}`, orgId: '60001234567' };
        const queue = [...ids];
        const each: number[] = [];
        const t0 = performance.now();
        const loop = async () => {
          for (let id = queue.shift(); id; id = queue.shift()) {
            const started = performance.now();
            const badges = `https://desk.zoho.com/api/v1/users/${id}/badges?from=1&limit=100`;
            if (firstRead) await (await fetch(badges, { headers })).text();
            const remove = `https://desk.zoho.com/api/v1/users/${id}/badges/dissociate`;
            await (
              await fetch(remove, {
                method: 'POST',
                headers: { ...headers, 'Content-Type': 'application/json' },
                body: JSON.stringify({ badgeIds: [badgeId] }),
              })
            ).text();
            await (await fetch(badges, { headers })).text();
            each.push(performance.now() - started);
          }
        };
        await Promise.all(Array.from({ length: atOnce }, loop));
        return { each, seconds: (performance.now() - t0) / 1000 };
      },
      { ids, atOnce, token, badgeId: BENCH_BADGE, firstRead },
    );
  /** 30 removals through the panel, and the same three calls for 30 others from Node and by bare fetch in Chromium. */
  const measureRemovals = async (latencyMs: number) => {
    await control.configure({ latencyMs: 0, concurrencyLimit: 25 });
    const seeded = await seedHolders(90, `one${latencyMs}`);
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
      await desk(agent, token, 'GET', `/api/v1/users/${id}/badges?from=1&limit=100`);
      await desk(agent, token, 'POST', `/api/v1/users/${id}/badges/dissociate`, { badgeIds: [BENCH_BADGE] });
      await desk(agent, token, 'GET', `/api/v1/users/${id}/badges?from=1&limit=100`);
      floor.push(performance.now() - t0);
    }
    agent.destroy();
    // The same three calls by bare fetch inside the extension's service worker: what Chromium's
    // network stack costs before any of our code runs.
    const { each: browserFloor } = await bareFetchRemovals(seeded.slice(60), 1);
    await control.configure({ latencyMs: 0 });
    return { extension, floor, browserFloor };
  };
  for (const latencyMs of [0, 50]) {
    const { extension, floor, browserFloor } = await measureRemovals(latencyMs);
    rows.push({
      what: `One removal, confirm click → verified report (30 removals), sandbox answering ${latencyMs ? `after ${latencyMs} ms per call` : 'at once'}`,
      figure: `median ${fmt(median(extension))} ms; floor (same 3 calls from Node) ${fmt(median(floor))} ms: ratio ${fmt(median(extension) / median(floor), 2)}×; same 3 calls by bare fetch in Chromium ${fmt(median(browserFloor))} ms: ratio ${fmt(median(extension) / median(browserFloor), 2)}×`,
      spread: `${spread(extension, ' ms')} / ${spread(floor, ' ms')} / ${spread(browserFloor, ' ms')}`,
      target: '≤ 1.25× the floor',
    });
  }

  // ---- 5. Bulk throughput ----
  console.log('Bulk throughput…');
  const rates: number[] = [];
  const bareRates: number[] = [];
  const LATENCY = 50;
  for (let run = 0; run < RUNS; run++) {
    await control.configure({ latencyMs: 0, concurrencyLimit: 25 });
    await seedHolders(500, `bulk${run}`);
    const bulk = await context.newPage();
    await bulk.goto(`chrome-extension://${extensionId}/bulk.html`);
    // The page opens on the last run's report when there is one.
    const newRun = bulk.getByRole('button', { name: 'New bulk removal' });
    const everyUser = bulk.getByRole('radio', { name: /Every user in a help center/ });
    await everyUser.or(newRun).first().waitFor();
    if (await newRun.isVisible()) await newRun.click();
    await everyUser.check();
    await bulk.getByRole('combobox', { name: 'Badge', exact: true }).selectOption({ label: 'Bench' });
    await bulk.getByRole('button', { name: 'Dry run' }).click();
    await bulk.getByText('500 users lose 500 badges.').waitFor({ timeout: 300_000 });
    await bulk.getByLabel('Type 500 to confirm').fill('500');
    await control.configure({ latencyMs: LATENCY, concurrencyLimit: 5 });
    const t0 = performance.now();
    await bulk.getByRole('button', { name: 'Remove badges from 500 users' }).click();
    await bulk.getByRole('heading', { name: 'Bulk run: done' }).waitFor({ timeout: 600_000 });
    rates.push(500 / ((performance.now() - t0) / 1000));
    await bulk.close();
    // The same 2 calls (dissociate, read back) for 500 users by bare fetch in the service worker, 5 at a time:
    // what Chromium itself reaches here, before any of our code (the in-browser ceiling).
    await control.configure({ latencyMs: 0, concurrencyLimit: 25 });
    const bare = await seedHolders(500, `bare${run}`);
    await control.configure({ latencyMs: LATENCY, concurrencyLimit: 5 });
    const { seconds } = await bareFetchRemovals(bare, 5, false);
    bareRates.push(bare.length / seconds);
  }
  await control.configure({ latencyMs: 0 });
  // Two calls per user: the dry run's read stands in for the first (README, "Calls per user").
  const ceiling = 5 / ((2 * LATENCY) / 1000);
  const naive = 1 / ((2 * LATENCY) / 1000);
  rows.push({
    what: `Bulk: 500 users, concurrency limit 5, ${LATENCY} ms per call`,
    figure: `${fmt(median(rates))} users/s; ${fmt(median(rates) / ceiling, 2)} of the ceiling (${fmt(ceiling)}/s); ${fmt(median(rates) / naive, 2)}× a one-at-a-time loop (${fmt(naive)}/s); ${fmt(median(rates) / median(bareRates), 2)} of bare fetch in Chromium, 5 at a time (${fmt(median(bareRates))}/s)`,
    spread: `${spread(rates, ' users/s')} / ${spread(bareRates, ' users/s')}`,
    target: '≥ 0.9 of the ceiling, or as close as bare fetch allows',
  });
  // ---- 3. Cost on pages that are not user pages ----
  console.log('Cost on other pages…');
  // Alone in the browser, as in the one without the extension: pages of one site may share a renderer.
  await page.close();
  const plain = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'bench-plain-')), {
    headless: true,
    executablePath: findChromium(),
    args: chromiumArgs(sandbox).filter((a) => !a.includes('extension')),
  });
  const perNav: number[] = [];
  const perMutations: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const withExt = await pageCost(context);
    const without = await pageCost(plain);
    perNav.push(withExt.navigation - without.navigation);
    perMutations.push(withExt.mutations - without.mutations);
  }
  await plain.close();
  rows.push({
    what: 'Cost on pages that are not user pages: extra script time, with the extension vs without',
    figure: `${fmt(median(perNav), 3)} ms per in-page navigation; ${fmt(median(perMutations), 2)} ms per 1,000 DOM mutations`,
    spread: `${spread(perNav, ' ms', 3)} / ${spread(perMutations, ' ms', 2)}`,
    target: '< 1 ms per navigation',
  });
} finally {
  await browser.close();
  await sandbox.close();
}

// ---- 6. Token refreshes per hour (simulated clock, real auth code) ----
execFileSync('npx', ['vitest', 'run', '--config', 'bench/vitest.config.ts'], { cwd: root, stdio: 'ignore' });
const tokens = JSON.parse(readFileSync(join(root, 'bench/.results/tokens.json'), 'utf8')) as {
  hours: number;
  refreshes: number;
  perHour: number;
};
rows.push({
  what: `Access-token refreshes per hour of continuous use, 1-hour tokens (${tokens.hours} simulated hours)`,
  figure: `${fmt(tokens.perHour, 2)} per hour (${tokens.refreshes} in ${tokens.hours} h, the first token included; ${fmt((tokens.refreshes - 1) / tokens.hours, 2)} per hour after it)`,
  spread: '–',
  target: '1',
});

// ---- Report ----
const chromiumPath = findChromium();
const chromiumVersion = chromiumPath
  ? execFileSync(chromiumPath, ['--version'], { encoding: 'utf8' }).trim()
  : 'unknown';
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Linux ${release()}, Node ${process.version}, ${chromiumVersion}`;
const table = [
  '| What | Figure (median) | Min–max over runs | Target |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.what} | ${r.figure} | ${r.spread} | ${r.target} |`),
].join('\n');
const doc = `# Benchmarks

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: the production build in headless Chromium
against the local sandbox, ${RUNS} runs per figure (\`BENCH_RUNS\` to change). Machine: ${machine}.
These are figures, not tests: nothing fails on them.

${table}

How each is measured:
- **Weight:** the files of \`.output/chrome-mv3\`, raw and gzip.
- **Time to control:** in the page, a MutationObserver notes when the new user's content is in the DOM and when the
  new control (with its button) is, over in-page hash navigations between users, once for each way the control
  finds its place: beside the page heading (the sandbox's plain skin), beside the user's name (the generated skin:
  no \`main\`, no heading, drawn late), after the admin's anchor selector, and floating in a corner (the bare skin,
  where nothing names the user; the control floats once no anchor has appeared for 600 ms).
- **Opening the panel:** the control's button is plain DOM in the Desk page; the removal flow (Preact and the
  panels) is an extension page the button opens in a frame, so the admin's choices and confirm happen in the
  extension's origin. Measured from the admin's (trusted) click, seen in the page, to the frame's message that it
  has drawn the panel, on a freshly loaded page (first open) and again on the same page. Every open loads the
  panel page in a new frame (about 70 ms here), where the panel drawn in the content script's shadow root took about
  10 ms: the price of confirming in the extension's origin, out of the Desk page's reach (SECURITY.md).
- **One removal:** the confirm click to "Removed (verified)" in the panel, against the same three calls (read, dissociate,
  read back) sent one after another from Node over a kept-alive connection with the extension's token, and by bare
  \`fetch\` in the extension's service worker (Chromium's own cost per call, before any of the extension's code).
  Measured twice: with the sandbox answering at once, where the ratio compares fixed overheads only, and with 50 ms
  added to each call, closer to a real round trip to Zoho, where every millisecond of network time is on both sides.
  Beyond the three calls, a removal costs a message from the page to the service worker and one back (about 1.5 ms
  each here) and the audit entry's write, which the report waits for (about 2 ms): it is on record before it is shown.
- **Bulk:** from the confirm click to "Bulk run: done" for 500 users, with the sandbox limiting each org to 5 calls at
  once and adding 50 ms to each call. A user the dry run has read costs two calls (the removal and its read-back),
  so the ceiling is 5 users at a time × 2 calls of 50 ms (50 users/s); the naive loop is one at a time. Beside it, the
  same two calls for 500 other users by bare \`fetch\` in the service worker, 5 at a time: the ceiling as Chromium on
  this machine reaches it, before any of the extension's code. Bare fetch itself stays below the paper ceiling:
  each call is the sandbox's 50 ms plus an HTTPS round trip through Chromium's network service on 2 cores, and a
  slot freed by one call waits for the next request to reach the sandbox. So the bulk run's figure to read is its
  ratio to bare fetch: what is left there is the extension's own work per user (the in-flight mark stored before
  each removal, parsing both replies with Zoho's schemas, the credits and the audit entry).
- **State:** the audit log starts with 4,000 entries from earlier use (the cap is 5,000), so the figures include
  writing it at the size a long-used extension has.
- **Tokens:** the real auth module with a simulated clock, one Desk call every 10 s for 24 h. Each token is replaced
  a minute before it expires, so no call meets an expired one.
`;
writeFileSync(join(root, 'BENCHMARKS.md'), doc);
console.log(`\n${table}\n\nWritten to BENCHMARKS.md`);

// ---- helpers ----
/** Fresh holders of the bench badge; the previous ones go (they are used up), which keeps the sandbox's data small. */
async function seedHolders(count: number, tag = 'r'): Promise<string[]> {
  const data = await control.getData();
  const template = data.users.find((u) => u.id === DEMO_USER_ID)!;
  if (!data.badges.some((b) => b.id === BENCH_BADGE))
    data.badges.push({ ...data.badges[0]!, id: BENCH_BADGE, name: 'Bench', isCustom: true });
  data.users = data.users.filter((u) => !u.name.startsWith('Bench '));
  const base = nextSeed;
  nextSeed += count;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = String(base + i);
    ids.push(id);
    data.users.push({
      ...template,
      id,
      portalUserId: `9${id}`,
      contactId: `8${id}`,
      name: `Bench ${id}`,
      emailAddress: `bench.${tag}.${id}@example.com`,
      helpCenterIds: [COMMUNITY_HC_ID],
      badgeIds: [BENCH_BADGE],
      labelIds: [],
    });
  }
  await control.putData(data);
  return ids;
}

/** Renderer script time (CDP ScriptDuration, every world) per in-page navigation (50) and per 1,000 mutations (10 bursts). */
async function pageCost(ctx: BrowserContext): Promise<{ navigation: number; mutations: number }> {
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

function desk(agent: Agent, token: string, method: string, path: string, body?: unknown): Promise<void> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: sandbox.port,
        servername: 'desk.zoho.com',
        method,
        path,
        agent,
        headers: {
          Host: 'desk.zoho.com',
          Authorization: `Zoho-oauthtoken ${token}`,
          orgId: '60001234567',
          ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 || res.statusCode === 204
            ? done()
            : fail(new Error(`${method} ${path}: ${res.statusCode}`)),
        );
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}
