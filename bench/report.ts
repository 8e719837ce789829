/** BENCHMARKS.md: the table of every measure's rows, and how each is measured. */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { findBrowser } from '../scripts/browsers';
import { findChromium } from '../scripts/chromium';
import { fmt, type Row, RUNS, root } from './common';
import { table, withRows } from './table';

export { table };

const BENCHMARKS = join(root, 'BENCHMARKS.md');
const HOW_MEASURED = 'How each is measured:';

const versionOf = (path: string | undefined) =>
  path ? execFileSync(path, ['--version'], { encoding: 'utf8' }).trim() : 'unknown';

/** Writes BENCHMARKS.md from a run of every measure; `extensionDir` is the Chromium build they measured. */
export function writeBenchmarks(rows: Row[], extensionDir: string): void {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Linux ${release()}, Node ${process.version}, ${versionOf(findChromium())}, ${versionOf(findBrowser('firefox'))}`;
  const doc = `# Benchmarks

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: the production build in headless Chromium
against the local sandbox, and for the one-removal and bulk rows the Firefox build in headless Firefox ESR too,
${RUNS} runs per figure (\`BENCH_RUNS\` to change). Machine: ${machine}.
These are figures, not tests: nothing fails on them.

${table(rows)}

${howMeasured(extensionDir)}`;
  writeFileSync(BENCHMARKS, doc);
}

/**
 * A run of some measures (\`--write\`): their rows put into BENCHMARKS.md's table in place of the same rows, for the
 * browsers measured, and "How each is measured" brought up to date; every other line stays as it was.
 */
export function updateBenchmarks(rows: Row[], extensionDir: string): void {
  const doc = withRows(readFileSync(BENCHMARKS, 'utf8'), rows);
  const at = doc.indexOf(HOW_MEASURED);
  writeFileSync(BENCHMARKS, `${at < 0 ? `${doc}\n\n` : doc.slice(0, at)}${howMeasured(extensionDir)}`);
}

function howMeasured(extensionDir: string): string {
  return `${HOW_MEASURED}
- **Browsers:** a figure per browser, side by side: Chromium, and Firefox ESR for one removal and bulk. Firefox
  runs the Firefox build (\`npm run build:firefox\`, built by the bench) driven by puppeteer-core over WebDriver BiDi,
  as the Firefox tests drive it (\`scripts/firefox.ts\`), with every connection through a local proxy that tunnels it
  to the sandbox: nothing leaves the machine. Each figure's floor is bare \`fetch\` in the same browser. Firefox's
  clock in a page reads whole milliseconds (its reduced timer precision), so its times are to the millisecond. A row with
  no Firefox figure is Chromium's, or no browser's (weight reads the Chromium build; tokens run in Node).
  \`npm run bench -- --browser firefox\` (or \`chromium\`) measures in one browser only.
- **Weight:** the files of \`${relative(root, extensionDir)}\`, raw and gzip.
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
- **One removal:** the confirm click to "Removed (verified)" in the panel. The panel read the user's badges to show
  them, and that read stands for the removal's first, so a removal sends two calls (dissociate, read back); the
  floor is the same two calls by bare \`fetch\` in the extension's service worker (Chromium's own cost per call,
  before any of the extension's code), and beside it from Node over a kept-alive connection with the extension's
  token. Measured twice: with the sandbox answering at once, where what is left beyond the floor is the extension's
  own time, and with 50 ms added to each call, closer to a real round trip to Zoho, where every millisecond of network
  time is on both sides. Beyond the two calls, a removal costs a message from the panel to the service worker on the
  port it keeps open and one back, parsing both replies, and putting the audit entry in the worker's log (its write to
  storage starts after the report is sent). \`BENCH_PROFILE=<file> npm run bench -- removal\` watches 30 more
  removals in Chromium and prints where their time goes, step by step. In Firefox the panel opens in a window of
  its own, as Firefox opens it, and the floor is the same two calls by bare \`fetch\` from an extension page
  (Firefox runs the extension's background as an event page, not a service worker).
- **Bulk:** from the confirm click to "Bulk run: done" for 500 users, with the sandbox limiting each org to 5 calls at
  once and adding 50 ms to each call. A user the dry run has read costs two calls (the removal and its read-back),
  so the ceiling is 5 users at a time × 2 calls of 50 ms (50 users/s); the naive loop is one at a time. Beside it, the
  same two calls for 500 other users by bare \`fetch\` in the service worker, 5 at a time: the ceiling as Chromium on
  this machine reaches it, before any of the extension's code. Bare fetch itself stays below the paper ceiling:
  each call is the sandbox's 50 ms plus an HTTPS round trip through Chromium's network service on 2 cores, and a
  slot freed by one call waits for the next request to reach the sandbox. So the bulk run's figure to read is its
  ratio to bare fetch: what is left there is the extension's own work per user (parsing both replies with Zoho's
  schemas, the credits, the audit entry, and the storage writes: the run's changed chunks once a second, the
  in-flight marks, which each cover the next users too, and the audit log's newest chunk). \`BENCH_PROFILE=<file> npm run bench -- bulk\`
  shows where that time goes in Chromium: the CPU of each process, and a profile of the service worker. In Firefox
  the run is timed in the bulk page itself, from the admin's click to the report's heading, and bare \`fetch\` runs
  from an extension page.
- **State:** the audit log starts with 4,000 entries from earlier use (the cap is 5,000), so the figures include
  writing it at the size a long-used extension has.
- **Tokens:** the real auth module with a simulated clock, one Desk call every 10 s for 24 h. Each token is replaced
  a minute before it expires, so no call meets an expired one.
`;
}
