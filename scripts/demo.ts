/**
 * `npm start`: build the extension, start the sandbox with the demo data, and open Chromium with the
 * extension on a Help Center user page. Without a display (or with --headless) it walks through the
 * product headless and saves screenshots instead.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { SandboxControl } from '../sandbox/control-client';
import { startSandbox } from '../sandbox/server';
import { launchExtensionBrowser } from './chromium';
import { DEMO_USER, type WalkStep, walkThrough } from './walk-through';

const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const outDir = resolve(import.meta.dirname, '..', 'demo-output');

if (!args.has('--no-build')) {
  console.log('Building the extension…');
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const sandbox = await startSandbox({ port: 0 });
const control = new SandboxControl(sandbox.origin);
await control.reset();
console.log(
  `Sandbox running on 127.0.0.1:${sandbox.port} (Zoho host names are mapped to it inside the demo browser only).`,
);

const browser = await launchExtensionBrowser(sandbox, { headless });
const shutdown = async () => {
  await browser.close();
  await sandbox.close();
};

if (headless) {
  mkdirSync(outDir, { recursive: true });
  let failed = false;
  try {
    const steps: WalkStep[] = await walkThrough(browser.context, browser.extensionId, control, outDir);
    console.log('\nDemo walk-through (headless):');
    for (const step of steps) console.log(`  ${step.title}\n    ${step.screenshot}`);
    console.log(`\nScreenshots saved in ${outDir}`);
  } catch (error) {
    failed = true;
    console.error('The walk-through failed:', error);
  } finally {
    await shutdown();
  }
  process.exit(failed ? 1 : 0);
} else {
  const options: Page = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const desk = await browser.context.newPage();
  await desk.goto(DEMO_USER.url);
  console.log('\nChromium is open with the extension loaded:');
  console.log(`  Options (connect first, client ID ${DEMO_USER.clientId}): options page in the first tab`);
  console.log(`  A Help Center user page: ${DEMO_USER.url}`);
  console.log('Close the browser or press Ctrl-C to stop.');
  const stop = async () => {
    await shutdown();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  browser.context.on('close', stop);
}
