/**
 * Launching Chromium with the built extension against the sandbox: shared by the end-to-end
 * tests, the demo and the benchmarks. Every host name resolves to the sandbox on loopback, so
 * the production manifest (real Zoho hosts only) is what runs, and nothing leaves this machine.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { type SandboxAddress, sandboxChromiumFlags } from '../sandbox/browser-setup';
import { findBrowser } from './browsers';

export const EXTENSION_DIR = resolve(import.meta.dirname, '..', '.output', 'chrome-mv3');

export type { SandboxAddress };

/** CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own build where one is installed. */
export function findChromium(): string | undefined {
  const found = findBrowser('chromium');
  if (found) return found;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own here.
  }
  return undefined;
}

export function chromiumArgs(sandbox: SandboxAddress, extensionDir = EXTENSION_DIR): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...sandboxChromiumFlags(sandbox),
  ];
}

export interface ExtensionBrowser {
  /** The browser as it is now (a new one after `restart`). */
  readonly context: BrowserContext;
  extensionId: string;
  /** Closes the browser and starts it again on the same profile, as when the admin restarts it. */
  restart(): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** `de` → `de_DE`, `ja` → `ja_JP`, `ar` → `ar_SA`: a locale name glibc knows. */
function posixLocale(lang: string): string {
  if (/[-_]/.test(lang)) return lang.replace('-', '_');
  const region: Record<string, string> = { en: 'US', ja: 'JP', ar: 'SA' };
  return `${lang}_${region[lang] ?? lang.toUpperCase()}`;
}

/** A fresh, throw-away profile every time: never the admin's own browser or Zoho session. */
export async function launchExtensionBrowser(
  sandbox: SandboxAddress,
  options: {
    headless?: boolean;
    extensionDir?: string;
    viewport?: { width: number; height: number };
    /** The browser's UI language (`de`, `ar`…), which the extension's messages follow. */
    lang?: string;
  } = {},
): Promise<ExtensionBrowser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error('No Chromium found. Run `npx tsx scripts/browsers.ts chromium`: it installs it or says how.');
  }
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}. Run npm run build first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'badge-remover-profile-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      headless: options.headless ?? true,
      executablePath,
      args: [...chromiumArgs(sandbox, extensionDir), ...(options.lang ? [`--lang=${options.lang}`] : [])],
      viewport: options.viewport ?? { width: 1280, height: 800 },
      // On Linux Chromium takes its UI language from the environment; --lang is for the other systems.
      ...(options.lang
        ? {
            locale: options.lang,
            env: { ...process.env, LANGUAGE: options.lang, LANG: `${posixLocale(options.lang)}.UTF-8` },
          }
        : {}),
    });
  let context = await launch();
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    get context() {
      return context;
    },
    extensionId,
    async restart() {
      await context.close();
      context = await launch();
      return context;
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
