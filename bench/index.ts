/**
 * `npm run bench`: what the extension costs and how close it gets to the network floor, measured
 * with the built production extension in headless Chromium against the sandbox. Prints a table and
 * writes BENCHMARKS.md. Figures only: nothing here passes or fails on time.
 *
 * `npm run bench -- bulk removal` runs only the measures named (in the order below) and prints their rows,
 * leaving BENCHMARKS.md as it is. BENCH_RUNS sets the runs per figure; BENCH_EXTENSION_DIR measures an
 * extension already built there instead of building one (to compare two builds).
 */
import { bulk } from './bulk';
import { extensionDir, type Measure, type Row } from './common';
import { openPanel } from './open-panel';
import { pageCost } from './page-cost';
import { removal } from './removal';
import { table, writeBenchmarks } from './report';
import { type BenchSession, startSession } from './session';
import { timeToControl } from './time-to-control';
import { tokenRefresh } from './token-refresh';
import { weight } from './weight';

/** Today's order, which BENCHMARKS.md's table keeps. */
const MEASURES: Measure[] = [weight, timeToControl, openPanel, removal, bulk, pageCost, tokenRefresh];

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !MEASURES.some((m) => m.name === name));
if (unknown.length) {
  console.error(`No measure named ${unknown.join(', ')}. The measures, in the order they run:`);
  for (const m of MEASURES) console.error(`  ${m.name}`);
  process.exit(1);
}
const chosen = asked.length ? MEASURES.filter((m) => asked.includes(m.name)) : MEASURES;

const rows: Row[] = [];
let session: BenchSession | undefined;
try {
  for (const measure of chosen) {
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

if (asked.length) {
  console.log(
    `\n${table(rows)}\n\nOnly ${chosen.map((m) => m.name).join(', ')}: BENCHMARKS.md not rewritten (a run of every measure writes it).`,
  );
} else {
  writeBenchmarks(rows, extensionDir());
  console.log(`\n${table(rows)}\n\nWritten to BENCHMARKS.md`);
}
