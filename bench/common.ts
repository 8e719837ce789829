/** What every measure shares: its rows, the figures' arithmetic, the run count and the extension it measures. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXTENSION_DIR } from '../scripts/chromium';
import type { BenchSession } from './session';

export const RUNS = Number(process.env.BENCH_RUNS ?? 3);
export const root = resolve(import.meta.dirname, '..');

export interface Row {
  what: string;
  figure: string;
  spread: string;
  target: string;
}

/**
 * One measure: its name on the command line, and the rows it adds to the table. A browser measure runs in the
 * one sandbox and extension browser that every browser measure of a run shares.
 */
export type Measure = { name: string } & (
  | { browser: false; run(): Promise<Row[]> }
  | { browser: true; run(session: BenchSession): Promise<Row[]> }
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

let chosen: string | undefined;
/**
 * The built extension that weight reads and the browser loads: BENCH_EXTENSION_DIR when set (to compare two
 * builds), else the production build, built here once per run.
 */
export function extensionDir(): string {
  if (chosen) return chosen;
  const given = process.env.BENCH_EXTENSION_DIR;
  if (given) {
    chosen = resolve(given);
    if (!existsSync(join(chosen, 'manifest.json')))
      throw new Error(`BENCH_EXTENSION_DIR: no manifest.json in ${given}`);
    console.log(`Using the extension built in ${given} (BENCH_EXTENSION_DIR), not building…`);
    return chosen;
  }
  console.log('Building the production extension…');
  if (spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' }).status !== 0) throw new Error('build failed');
  chosen = EXTENSION_DIR;
  return chosen;
}
