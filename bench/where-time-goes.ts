/**
 * Where the time goes, for `BENCH_PROFILE=<file> npm run bench -- bulk` (or `-- removal`): one more run of that
 * measure, watched: the CPU each process of the machine spent (read from /proc), the service worker's busiest
 * functions, and its CPU profile, written to <file> (open it in Chrome DevTools' Performance panel). The profiler
 * slows the run it watches, so that run's figure is left out of the table. Linux only, like the machines this runs on.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';

/** CPU seconds so far per process, by what it is (a Chromium process by its type). */
function cpuByProcess(): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const type = /--type=([\w-]+)/.exec(cmd)?.[1];
      const what = cmd.includes('chromium')
        ? `Chromium ${type === undefined ? 'browser' : type === 'utility' ? (/--utility-sub-type=([\w.]+)/.exec(cmd)?.[1] ?? type) : type}${cmd.includes('--extension-process') ? ' (extension)' : ''}`
        : cmd.split(' ').slice(0, 2).join(' ');
      ticks.set(`${what} [${pid}]`, Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks;
}

/** Microseconds between the profiler's samples. */
const SAMPLING = { interval: 100 };

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** The functions the profiles caught running most (self time, summed), where the extension's time goes. */
function busiest(profiles: CpuProfile[], count = 12): string[] {
  const self = new Map<string, number>();
  for (const profile of profiles) {
    const byNode = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    profile.samples.forEach((id, i) => {
      const frame = byNode.get(id);
      if (!frame) return;
      // Minified: the line and column find the code in the built file.
      const where = frame.url ? ` ${frame.url.split('/').pop()}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : '';
      const name = `${frame.functionName || '(anonymous)'}${where}`;
      self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    });
  }
  return [...self]
    .filter(([name]) => name !== '(idle)' && name !== '(program)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`);
}

function printBusiest(profiles: CpuProfile[]) {
  console.log("The service worker's busiest functions (self time):");
  for (const line of busiest(profiles)) console.log(`  ${line}`);
}

/** CPU seconds per process since `before`, the ones that spent any. */
function printCpu(before: Map<string, number>, what: string, seconds: number) {
  const after = cpuByProcess();
  console.log(`CPU seconds per process during the watched ${what} (${seconds.toFixed(1)} s on the clock):`);
  for (const [name, ticks] of after) {
    const spent = (ticks - (before.get(name) ?? 0)) / 100;
    if (spent >= 0.1) console.log(`  ${spent.toFixed(1).padStart(6)}  ${name}`);
  }
}

/**
 * Starts watching the whole of what follows; `stop(what, seconds)` prints the CPU per process and the service
 * worker's busiest functions, and writes its profile.
 */
export async function watchServiceWorker(page: Page, extensionId: string, file: string) {
  const cdp = await page.context().newCDPSession(page);
  const worker = await attachToServiceWorker(cdp, extensionId);
  await worker('Profiler.enable');
  await worker('Profiler.setSamplingInterval', SAMPLING);
  await worker('Profiler.start');
  const before = cpuByProcess();
  return async (what: string, seconds: number) => {
    printCpu(before, what, seconds);
    const { profile } = (await worker('Profiler.stop')) as { profile: CpuProfile };
    writeFileSync(file, JSON.stringify(profile));
    printBusiest([profile]);
    console.log(`The service worker's CPU profile: ${file}`);
    await cdp.detach();
  };
}

/**
 * Watches chosen moments only (each removal from its confirm click to its report, say): `during(act)` profiles the
 * service worker while `act` runs. `stop(what, seconds, file)` prints the CPU per process over the whole watch and the
 * busiest functions over the moments, and writes the profile of the moment `pick` chooses among them.
 */
export async function watchServiceWorkerMoments(page: Page, extensionId: string) {
  const cdp = await page.context().newCDPSession(page);
  const worker = await attachToServiceWorker(cdp, extensionId);
  await worker('Profiler.enable');
  // A removal's own time is a few ms: the default sampling (1 ms) catches a handful of its steps.
  await worker('Profiler.setSamplingInterval', SAMPLING);
  const before = cpuByProcess();
  const profiles: CpuProfile[] = [];
  return {
    async during<T>(act: () => Promise<T>): Promise<T> {
      await worker('Profiler.start');
      try {
        return await act();
      } finally {
        profiles.push(((await worker('Profiler.stop')) as { profile: CpuProfile }).profile);
      }
    },
    async stop(what: string, seconds: number, file: string, pick: number) {
      printCpu(before, what, seconds);
      printBusiest(profiles);
      writeFileSync(file, JSON.stringify(profiles[pick]));
      console.log(`The service worker's CPU profile of one of them: ${file}`);
      await cdp.detach();
    },
  };
}

/** Sends DevTools commands to the extension's service worker through a page's session (not flattened). */
async function attachToServiceWorker(cdp: CDPSession, extensionId: string) {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(extensionId));
  if (!target) throw new Error('The extension has no service worker running.');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply.result);
  });
  return (method: string, params: object = {}) =>
    new Promise<unknown>((done) => {
      const id = nextId++;
      waiting.set(id, done);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
}
