/**
 * Puts a UI into the page inside an open shadow root, next to an anchor the page renders, and keeps it
 * there: when the page's own re-render drops the host, it is put back beside the new anchor.
 * Styles go in as a constructable stylesheet (no <style> for a strict page CSP to block).
 * Everything ends when the signal aborts.
 */
import { waitFor } from './wait-for';

export interface ShadowMountOptions {
  /** Tag name of the host element; namespaced so it never clashes with the page. */
  hostTag: string;
  css: string;
  /** Where the UI goes: returns the element to insert after, or null while the page has none. */
  findAnchor: () => Element | null;
  render: (container: HTMLElement) => void;
  unrender: (container: HTMLElement) => void;
  signal: AbortSignal;
}

export async function mountInShadowRoot(options: ShadowMountOptions): Promise<HTMLElement> {
  const { signal } = options;
  const host = document.createElement(options.hostTag);
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(options.css);
  shadow.adoptedStyleSheets = [sheet];
  const container = document.createElement('div');
  shadow.append(container);

  const place = (anchor: Element) => anchor.after(host);
  place(await waitFor(options.findAnchor, signal));
  options.render(container);

  const observer = new MutationObserver(() => {
    if (host.isConnected) return;
    const anchor = options.findAnchor();
    if (anchor) place(anchor);
  });
  observer.observe(document.body, { childList: true, subtree: true });

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      options.unrender(container);
      host.remove();
    },
    { once: true },
  );
  return host;
}
