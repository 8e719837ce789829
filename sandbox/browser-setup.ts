/**
 * How a browser is pointed at the sandbox. The Chromium flags keep it there: every host name (and the
 * catch-all `*`) resolves to the sandbox on loopback, its certificate alone is trusted, and Chromium's own
 * background traffic is off. Shared by `npm run sandbox` and the launcher of the tests, demo and benchmarks.
 */
import { FIREFOX_REDIRECT_URI } from './state';

export interface SandboxAddress {
  port: number;
  /** base64 SHA-256 of the sandbox certificate's public key. */
  spki: string;
  hostNames: readonly string[];
}

export function sandboxChromiumFlags(sandbox: SandboxAddress): string[] {
  const rules = [...sandbox.hostNames, '*'].map((host) => `MAP ${host} 127.0.0.1:${sandbox.port}`).join(',');
  return [
    `--host-resolver-rules=${rules}`,
    `--ignore-certificate-errors-spki-list=${sandbox.spki}`,
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--no-first-run',
    '--no-default-browser-check',
    // AutofillServerCommunication: a page with a form (the API console's) would ask content-autofill.googleapis.com.
    '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication',
  ];
}

/** The Chromium command line `npm run sandbox` prints, with the built extension and a throw-away profile. */
export function chromiumCommand(sandbox: SandboxAddress, extensionDir: string, startUrl: string): string {
  return [
    'chromium',
    '--user-data-dir="$(mktemp -d)"',
    `--load-extension="${extensionDir}"`,
    `--disable-extensions-except="${extensionDir}"`,
    ...sandboxChromiumFlags(sandbox).map((flag) => flag.replace(/=(.*)$/, '="$1"')),
    `'${startUrl}'`,
  ].join(' \\\n  ');
}

/**
 * Requests the browser makes on its own: service calls its flags do not stop (component and extension
 * updates, the signed-in account list, the GCM check-in, and Chromium 150's start-up fetch of
 * `www.google.com/async/folae`, which no flag here turns off), and the OAuth redirect that the browser's
 * `launchWebAuthFlow` catches: `<extension id>.chromiumapp.org` in Chromium, the add-on's
 * `<hash>.extensions.allizom.org` in Firefox (which now and then lets the request start before it catches it).
 * The catch-all rule (Firefox: the proxy) brings them to the sandbox too; they come from the browser, not from a
 * page or the extension's code, so the checks for stray requests leave them out. Google's search host only for
 * that one path: anything else there is stray.
 */
const FIREFOX_REDIRECT_HOST = new URL(FIREFOX_REDIRECT_URI).hostname;
const CHROMIUM_SERVICE_HOSTS = new Set([
  'update.googleapis.com',
  'accounts.google.com',
  'clients2.google.com',
  'android.clients.google.com',
]);
const CHROMIUM_SERVICE_PATHS: Readonly<Record<string, RegExp>> = { 'www.google.com': /^\/async\/folae(\?|$)/ };

export function isBrowserServiceRequest({ host, path }: { host: string; path: string }): boolean {
  if (CHROMIUM_SERVICE_HOSTS.has(host) || /^[a-p]{32}\.chromiumapp\.org$/.test(host)) return true;
  if (host === FIREFOX_REDIRECT_HOST) return true;
  return CHROMIUM_SERVICE_PATHS[host]?.test(path) ?? false;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** What `npm run sandbox -- --host H` says when H opens the sandbox beyond this machine. */
export function exposureWarning(host: string): string | undefined {
  if (LOOPBACK.has(host)) return undefined;
  return (
    `WARNING: --host ${host} opens the sandbox beyond this machine. Its control API (/__sandbox/...) has no ` +
    'authentication: anyone who can reach the port can read and change its data, tokens included. ' +
    'Use it only on a network you trust.'
  );
}
