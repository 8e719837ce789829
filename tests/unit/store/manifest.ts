/** The manifest wxt.config.ts configures for a browser, as WXT's build calls it. */
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
