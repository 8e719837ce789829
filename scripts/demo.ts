/**
 * `npm start`: build the extension, start the sandbox with the demo data, and open Chromium with the
 * extension on a Help Center user page. Without a display (or with --headless) it walks through the
 * product headless and saves screenshots instead. `--self-client` connects with a Self Client instead: a code
 * generated in the (sandbox) API console and pasted in the options page. `--lang de` (or `--lang=de`) runs the
 * browser in that UI language, which the extension's messages follow (en, de, fr, es, ja, ar).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { SandboxControl } from '../sandbox/control-client';
import { startSandbox } from '../sandbox/server';
import { SANDBOX_SELF_CLIENT } from '../sandbox/state';
import { type BrowserName, ensureBrowsers, MissingBrowserError } from './browsers';
import { findChromium, launchExtensionBrowser } from './chromium';
import { launchFirefoxWithExtension, openPage, walkThroughFirefox } from './firefox';
import { DEMO_USER, type DemoConnect, SELF_CLIENT_CONSOLE, type WalkStep, walkThrough } from './walk-through';

const argv = process.argv.slice(2);
const args = new Set(argv);
const headless = args.has('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const outDir = resolve(import.meta.dirname, '..', 'demo-output');
/** `--name value` or `--name=value`. */
function optionValue(name: string): string | undefined {
  const index = argv.indexOf(name);
  return (
    argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1) ?? (index >= 0 ? argv[index + 1] : undefined)
  );
}
const which = (optionValue('--browser') ?? 'chromium') as BrowserName;
if (which !== 'chromium' && which !== 'firefox') {
  console.error(`Unknown --browser ${which}: chromium or firefox.`);
  process.exit(2);
}
const lang = optionValue('--lang');
if (lang !== undefined && !/^[a-z]{2,3}([-_][A-Za-z]{2,4})?$/.test(lang)) {
  console.error(`Unknown --lang ${lang}: a language code such as de, ja or ar.`);
  process.exit(2);
}
const connect: DemoConnect = args.has('--self-client') ? 'self-client' : 'mobile';
if (connect === 'self-client' && which === 'firefox' && headless) {
  console.error('The headless Self Client walk-through runs in Chromium: drop --browser firefox or --headless.');
  process.exit(2);
}

try {
  // Playwright's own Chromium, where one is installed, does too.
  if (which === 'firefox' || !findChromium()) ensureBrowsers([which]);
} catch (error) {
  console.error(error instanceof MissingBrowserError ? error.message : error);
  process.exit(1);
}

if (!args.has('--no-build')) {
  console.log(`Building the extension for ${which}…`);
  const build = spawnSync('npx', ['wxt', 'build', ...(which === 'firefox' ? ['-b', 'firefox'] : [])], {
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const sandbox = await startSandbox({ port: 0 });
const control = new SandboxControl(sandbox.origin);
await control.reset();
console.log(
  `Sandbox running on 127.0.0.1:${sandbox.port} (Zoho's host names lead to it inside the demo browser only).`,
);

/** One browser with the extension: the walk-through, what to open when shown, and the way out. */
interface DemoBrowser {
  walkThrough(): Promise<WalkStep[]>;
  show(): Promise<string[]>;
  onClosed(stop: () => void): void;
  close(): Promise<void>;
}

const demo: DemoBrowser = which === 'firefox' ? await firefoxDemo() : await chromiumDemo();
const shutdown = async () => {
  await demo.close();
  await sandbox.close();
};

if (headless) {
  mkdirSync(outDir, { recursive: true });
  let failed = false;
  try {
    const steps = await demo.walkThrough();
    console.log(`\nDemo walk-through in ${which} (headless):`);
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
  for (const line of await demo.show()) console.log(line);
  console.log('Close the browser or press Ctrl-C to stop.');
  const stop = async () => {
    await shutdown();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  demo.onClosed(stop);
}

async function chromiumDemo(): Promise<DemoBrowser> {
  const browser = await launchExtensionBrowser(sandbox, { headless, lang });
  return {
    walkThrough: () =>
      walkThrough(browser.context, browser.extensionId, control, outDir, connect, lang?.split(/[-_]/)[0]),
    async show() {
      const options: Page = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      if (connect === 'self-client') await (await browser.context.newPage()).goto(SELF_CLIENT_CONSOLE);
      const desk = await browser.context.newPage();
      await desk.goto(DEMO_USER.url);
      return [
        '\nChromium is open with the extension loaded:',
        connect === 'self-client'
          ? '  Options (connect first, as a Self Client): options page in the first tab'
          : `  Options (connect first, client ID ${DEMO_USER.clientId}): options page in the first tab`,
        ...selfClientSteps(),
        `  A Help Center user page: ${DEMO_USER.url}`,
      ];
    },
    onClosed: (stop) => browser.context.on('close', stop),
    close: () => browser.close(),
  };
}

/** `npm start -- --browser firefox`: the same demo in Debian's Firefox ESR. */
async function firefoxDemo(): Promise<DemoBrowser> {
  const firefox = await launchFirefoxWithExtension(sandbox, { headless, lang });
  return {
    walkThrough: () => walkThroughFirefox(firefox, DEMO_USER.url, outDir),
    async show() {
      if (connect === 'self-client') await openPage(firefox, SELF_CLIENT_CONSOLE);
      await openPage(firefox, DEMO_USER.url);
      return [
        '\nFirefox is open with the extension installed (every connection goes to the sandbox):',
        `  A Help Center user page: ${DEMO_USER.url}`,
        connect === 'self-client'
          ? '  Click Remove badges, then Connect in options as a Self Client:'
          : `  Click Remove badges, then Connect in options; client ID ${DEMO_USER.clientId}.`,
        ...selfClientSteps(),
      ];
    },
    onClosed: (stop) => firefox.browser.on('disconnected', stop),
    close: () => firefox.close(),
  };
}

/** `--self-client`: what to enter where, in the options page and the (sandbox) API console. */
function selfClientSteps(): string[] {
  if (connect !== 'self-client') return [];
  return [
    `  Self Client (paste a code): Client ID ${SANDBOX_SELF_CLIENT.clientId}, Client secret ${SANDBOX_SELF_CLIENT.clientSecret}`,
    `  Zoho's API console (sandbox): ${SELF_CLIENT_CONSOLE} Generate Code with the scope string the options page`,
    '    shows, CREATE, and paste the code in the options page within its minutes.',
  ];
}
