/**
 * The content script's life in a Desk page: each new address of the page's in-page navigation, and the end, once
 * the extension is reloaded or updated and this script is left behind (its runtime gone). Nothing here is visible to
 * the page's own scripts or can be set off by them: no message or event of ours reaches the page, and only the
 * browser's own (trusted) navigation events count.
 */

/** What the page life reads of the window; injected in tests. */
export interface PageWindow {
  location: { href: string };
  addEventListener(type: string, listener: (event: Event) => void, options?: AddEventListenerOptions): void;
  setInterval(handler: () => void, ms: number): number;
  clearInterval(id: number): void;
  /** The Navigation API, where the browser has it. */
  navigation?: {
    addEventListener(
      type: 'navigate' | 'navigatesuccess' | 'navigateerror',
      listener: (event: Event) => void,
      options?: AddEventListenerOptions,
    ): void;
  };
}

/** Without the Navigation API, how often the address is compared with the last one seen. */
export const ADDRESS_POLL_MS = 1000;

/**
 * Calls `onAddress` with each new address, until the extension's runtime is gone (`runtimeId()` undefined), which
 * aborts the returned signal; `stop` ends it too.
 */
export function followPage(
  win: PageWindow,
  runtimeId: () => string | undefined,
  onAddress: (url: string) => void,
): { signal: AbortSignal; stop: () => void } {
  const life = new AbortController();
  const { signal } = life;
  let last = win.location.href;
  const seen = (url: string | undefined) => {
    if (signal.aborted) return;
    if (runtimeId() === undefined) {
      life.abort();
      return;
    }
    if (!url || url === last) return;
    last = url;
    onAddress(url);
  };
  if (win.navigation) {
    const { navigation } = win;
    // Fired before the address changes, with where it goes; a page script's own dispatch is not trusted.
    navigation.addEventListener(
      'navigate',
      (event) => {
        if (event.isTrusted) seen((event as Event & { destination?: { url?: string } }).destination?.url);
      },
      { signal },
    );
    // A navigation the page cancelled or turned elsewhere ends where the address really is.
    for (const type of ['navigatesuccess', 'navigateerror'] as const) {
      navigation.addEventListener(type, (event) => event.isTrusted && seen(win.location.href), { signal });
    }
  } else {
    for (const type of ['hashchange', 'popstate']) {
      win.addEventListener(type, (event) => event.isTrusted && seen(win.location.href), { signal });
    }
    // pushState fires nothing without the Navigation API.
    const poll = win.setInterval(() => seen(win.location.href), ADDRESS_POLL_MS);
    signal.addEventListener('abort', () => win.clearInterval(poll));
  }
  return { signal, stop: () => life.abort() };
}
