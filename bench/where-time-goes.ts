/**
 * Where a bulk run's time goes, for `BENCH_PROFILE=<file> npm run bench -- bulk`: the CPU each process of the
 * machine spent during the first run (read from /proc), and a CPU profile of the extension's service worker,
 * written to <file> (open it in Chrome DevTools' Performance panel). The profiler slows the run it watches, so
 * that run's figure is left out of the table. Linux only, like the machines this runs on.
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

/** Starts watching; `stop()` prints the CPU per process and writes the service worker's profile. */
export async function watchBulkRun(page: Page, extensionId: string, file: string) {
  const cdp = await page.context().newCDPSession(page);
  const worker = await attachToServiceWorker(cdp, extensionId);
  await worker('Profiler.enable');
  await worker('Profiler.start');
  const before = cpuByProcess();
  return async (seconds: number) => {
    const after = cpuByProcess();
    const { profile } = (await worker('Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    console.log(`CPU seconds per process during the watched run (${seconds.toFixed(1)} s on the clock):`);
    for (const [what, ticks] of after) {
      const spent = (ticks - (before.get(what) ?? 0)) / 100;
      if (spent >= 0.1) console.log(`  ${spent.toFixed(1).padStart(6)}  ${what}`);
    }
    console.log(`The service worker's CPU profile: ${file}`);
    await cdp.detach();
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
