/** The manifest wxt.config.ts configures for a browser, as WXT's build calls it. */

import { readMessages } from '../../../scripts/locale-files';
import config from '../../../wxt.config';

export type StoreBrowser = 'chrome' | 'firefox';
export const STORE_BROWSERS: readonly StoreBrowser[] = ['chrome', 'firefox'];

export async function configuredManifest(browser: StoreBrowser): Promise<Record<string, unknown>> {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') return (await manifest) as Record<string, unknown>;
  return (await manifest({ browser, command: 'build', mode: 'production', manifestVersion: 3 })) as Record<
    string,
    unknown
  >;
}

/** A manifest text as the browser shows it in English: `__MSG_app_name__` from public/_locales/en. */
export function inEnglish(text: unknown): string {
  const english = readMessages('en');
  return String(text).replace(/__MSG_(\w+)__/g, (whole, key: string) => english[key]?.message ?? whole);
}
