/** What every measure shares: its rows, the figures' arithmetic, the run count and the extension it measures. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserName } from '../scripts/browsers';
import { EXTENSION_DIR } from '../scripts/chromium';
import { FIREFOX_EXTENSION_DIR } from '../scripts/firefox';
import type { FirefoxBenchSession } from './firefox-session';
import type { BenchSession } from './session';

export const RUNS = Number(process.env.BENCH_RUNS ?? 3);
export const root = resolve(import.meta.dirname, '..');

export interface Row {
  what: string;
  figure: string;
  spread: string;
  target: string;
  /** The browser the figure was measured in; without one, Chromium's (or no browser's: weight, tokens). */
  browser?: BrowserName;
}

/** How a browser is named in a figure ("bare fetch in Firefox"). */
export const BROWSER_LABEL: Record<BrowserName, string> = { chromium: 'Chromium', firefox: 'Firefox' };

/**
 * One measure: its name on the command line, and the rows it adds to the table. A browser measure runs in the
 * one sandbox and extension browser that every browser measure of a run shares: Chromium's, and then Firefox's for
 * the measures that have a `firefox` run too.
 */
export type Measure = { name: string } & (
  | { browser: false; run(): Promise<Row[]> }
  | {
      browser: true;
      run(session: BenchSession): Promise<Row[]>;
      firefox?(session: FirefoxBenchSession): Promise<Row[]>;
    }
);

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
export const fmt = (n: number, digits = 1) => n.toFixed(digits);
export const spread = (xs: number[], unit = '', digits = 1) =>
  `${fmt(Math.min(...xs), digits)}–${fmt(Math.max(...xs), digits)}${unit}`;

const BUILDS: Record<BrowserName, { env: string; args: string[]; dir: string }> = {
  chromium: { env: 'BENCH_EXTENSION_DIR', args: ['wxt', 'build'], dir: EXTENSION_DIR },
  firefox: { env: 'BENCH_FIREFOX_EXTENSION_DIR', args: ['wxt', 'build', '-b', 'firefox'], dir: FIREFOX_EXTENSION_DIR },
};
const chosen: Partial<Record<BrowserName, string>> = {};
/**
 * The built extension that weight reads and the browser loads: BENCH_EXTENSION_DIR (Chromium's) or
 * BENCH_FIREFOX_EXTENSION_DIR when set (to compare two builds), else the production build for that browser
 * (`npm run build`, `npm run build:firefox`), built here once per run.
 */
export function extensionDir(browser: BrowserName = 'chromium'): string {
  const known = chosen[browser];
  if (known) return known;
  const build = BUILDS[browser];
  const given = process.env[build.env];
  if (given) {
    const dir = resolve(given);
    if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${build.env}: no manifest.json in ${given}`);
    console.log(`Using the ${BROWSER_LABEL[browser]} extension built in ${given} (${build.env}), not building…`);
    chosen[browser] = dir;
    return dir;
  }
  console.log(`Building the production extension for ${BROWSER_LABEL[browser]} (npx ${build.args.join(' ')})…`);
  if (spawnSync('npx', build.args, { cwd: root, stdio: 'ignore' }).status !== 0)
    throw new Error(`The ${BROWSER_LABEL[browser]} build failed: run npx ${build.args.join(' ')} to see why.`);
  chosen[browser] = build.dir;
  return build.dir;
}

/** The build a run measured, or where the production build goes when it built none (for BENCHMARKS.md's text). */
export const measuredDir = (browser: BrowserName = 'chromium'): string => chosen[browser] ?? BUILDS[browser].dir;
