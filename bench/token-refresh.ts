/** Benchmark 6: token refreshes per hour (simulated clock, real auth code), by token-refreshes.sim.ts. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt, type Measure, root } from './common';

export const tokenRefresh: Measure = {
  name: 'token-refresh',
  browser: false,
  async run() {
    execFileSync('npx', ['vitest', 'run', '--config', 'bench/vitest.config.ts'], { cwd: root, stdio: 'ignore' });
    const tokens = JSON.parse(readFileSync(join(root, 'bench/.results/tokens.json'), 'utf8')) as {
      hours: number;
      refreshes: number;
      perHour: number;
    };
    return [
      {
        what: `Access-token refreshes per hour of continuous use, 1-hour tokens (${tokens.hours} simulated hours)`,
        figure: `${fmt(tokens.perHour, 2)} per hour (${tokens.refreshes} in ${tokens.hours} h, the first token included; ${fmt((tokens.refreshes - 1) / tokens.hours, 2)} per hour after it)`,
        spread: '–',
        target: '1',
      },
    ];
  },
};
