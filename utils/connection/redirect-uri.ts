/**
 * The redirect URI the sign-in window comes back to. Chrome has one (`<id>.chromiumapp.org`). Firefox has its own
 * (`<hash>.extensions.allizom.org`) and, from Firefox 86, also takes `http://127.0.0.1/mozoauth2/<hash>` (the first
 * label of that host), for providers that refuse unknown domains: the admin picks the one Zoho's console took.
 */
export const FIREFOX_REDIRECTS = ['extension', 'loopback'] as const;
export type FirefoxRedirect = (typeof FIREFOX_REDIRECTS)[number];

/** Firefox's loopback redirect for the browser's own redirect URI; undefined outside Firefox. */
export function firefoxLoopback(extensionRedirect: string): string | undefined {
  const label = /^https:\/\/([0-9a-f]+)\.extensions\.allizom\.org\//.exec(extensionRedirect)?.[1];
  return label ? `http://127.0.0.1/mozoauth2/${label}` : undefined;
}

/** Both of Firefox's redirect URIs, by choice; undefined outside Firefox. */
export function firefoxRedirects(extensionRedirect: string): Record<FirefoxRedirect, string> | undefined {
  const loopback = firefoxLoopback(extensionRedirect);
  return loopback ? { extension: extensionRedirect, loopback } : undefined;
}

/** The redirect URI to send: the browser's own, or in Firefox the loopback one when the admin picked it. */
export function pickedRedirectUri(extensionRedirect: string, pick: FirefoxRedirect): string {
  return (pick === 'loopback' && firefoxLoopback(extensionRedirect)) || extensionRedirect;
}
