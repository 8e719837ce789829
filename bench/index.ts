/**
 * `npm run bench`: what the extension costs and how close it gets to the network floor, measured with the built
 * production extension in headless Chromium, and for one removal and bulk in headless Firefox ESR too, against the
 * sandbox. Prints a table and writes BENCHMARKS.md. Figures only: nothing here passes or fails on time.
 *
 * `npm run bench -- bulk removal` runs only the measures named (in the order below) and prints their rows, leaving
 * BENCHMARKS.md as it is; `--browser chromium` or `--browser firefox` measures in that browser only; `--write` puts
 * the rows of such a run into BENCHMARKS.md's table, in place of the same rows for the browsers measured. BENCH_RUNS
 * sets the runs per figure; BENCH_EXTENSION_DIR (BENCH_FIREFOX_EXTENSION_DIR) measures an extension already built
 * there instead of building one (to compare two builds).
 */
import { parseArgs } from 'node:util';
import type { BrowserName } from '../scripts/browsers';
import { bulk } from './bulk';
import { BROWSER_LABEL, extensionDir, type Measure, measuredDir, type Row } from './common';
import { type FirefoxBenchSession, startFirefoxSession } from './firefox-session';
import { openPanel } from './open-panel';
import { pageCost } from './page-cost';
import { removal } from './removal';
import { table, updateBenchmarks, writeBenchmarks } from './report';
import { type BenchSession, startSession } from './session';
import { timeToControl } from './time-to-control';
import { tokenRefresh } from './token-refresh';
import { weight } from './weight';

/** Today's order, which BENCHMARKS.md's table keeps. */
const MEASURES: Measure[] = [weight, timeToControl, openPanel, removal, bulk, pageCost, tokenRefresh];
const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

const { values: options, positionals: asked } = parseArgs({
  allowPositionals: true,
  options: { browser: { type: 'string', multiple: true }, write: { type: 'boolean', default: false } },
});
const unknown = asked.filter((name) => !MEASURES.some((m) => m.name === name));
const unknownBrowsers = (options.browser ?? []).filter((b) => !BROWSERS.includes(b as BrowserName));
if (unknown.length || unknownBrowsers.length) {
  if (unknown.length) console.error(`No measure named ${unknown.join(', ')}.`);
  if (unknownBrowsers.length) console.error(`No browser named ${unknownBrowsers.join(', ')}: chromium or firefox.`);
  console.error('Usage: npm run bench -- [measure…] [--browser chromium|firefox] [--write]. The measures, in order:');
  for (const m of MEASURES) console.error(`  ${m.name}${m.browser && m.firefox ? ' (Chromium and Firefox)' : ''}`);
  process.exit(1);
}
const browsers = options.browser?.length ? BROWSERS.filter((b) => options.browser!.includes(b)) : BROWSERS;
const chosen = asked.length ? MEASURES.filter((m) => asked.includes(m.name)) : MEASURES;
const whole = !asked.length && browsers.length === BROWSERS.length;

const rows: Row[] = [];
let session: BenchSession | undefined;
try {
  for (const measure of chosen) {
    // Firefox alone: only the figures Firefox has (weight reads Chromium's build), unless a measure is named.
    if (!browsers.includes('chromium') && (measure.browser || !asked.includes(measure.name))) continue;
    if (measure.browser) {
      session ??= await startSession(extensionDir());
      rows.push(...(await measure.run(session)));
    } else {
      // The browser measures run together (weight before them, token-refresh after): done with the browser.
      if (session) await session.close();
      session = undefined;
      rows.push(...(await measure.run()));
    }
  }
} finally {
  await session?.close();
}

// Then Firefox, for the measures that have a Firefox figure: one browser at a time on the machine.
const inFirefox = browsers.includes('firefox') ? chosen.filter((m) => m.browser && m.firefox) : [];
const notInFirefox = chosen.filter((m) => m.browser && !m.firefox).map((m) => m.name);
if (browsers.includes('firefox') && notInFirefox.length)
  console.log(`Chromium only (no Firefox figure yet): ${notInFirefox.join(', ')}.`);
let firefox: FirefoxBenchSession | undefined;
try {
  for (const measure of inFirefox) {
    if (!measure.browser || !measure.firefox) continue;
    firefox ??= await startFirefoxSession(extensionDir('firefox'));
    rows.push(...(await measure.firefox(firefox)));
  }
} finally {
  await firefox?.close();
}

const ran = `${chosen.map((m) => m.name).join(', ')} in ${browsers.map((b) => BROWSER_LABEL[b]).join(' and ')}`;
if (whole) {
  writeBenchmarks(rows, extensionDir());
  console.log(`\n${table(rows)}\n\nWritten to BENCHMARKS.md`);
} else if (options.write) {
  updateBenchmarks(rows, measuredDir());
  console.log(`\n${table(rows)}\n\nOnly ${ran}: these rows put into BENCHMARKS.md's table, the others kept.`);
} else {
  console.log(
    `\n${table(rows)}\n\nOnly ${ran}: BENCHMARKS.md not rewritten (a run of every measure in both browsers writes it; --write puts these rows in).`,
  );
}
