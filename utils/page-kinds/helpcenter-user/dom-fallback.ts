/**
 * When the URL names no API user id, the page itself shows who the user is. The email is the one
 * thing both the page and the API know for sure.
 */
const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

export function findUserEmailOnPage(root: ParentNode): string | undefined {
  const main = root.querySelector('main, [role="main"]') ?? root;
  const mailto = main.querySelector<HTMLAnchorElement>('a[href^="mailto:"]');
  if (mailto) {
    const address = decodeURIComponent(mailto.getAttribute('href')!.slice('mailto:'.length).split('?')[0] ?? '');
    if (EMAIL.test(address)) return address.match(EMAIL)![0];
  }
  const area = main.querySelector('h1, h2, h3, [role="heading"]')?.parentElement;
  if (!area) return undefined;
  // Text node by text node: adjacent elements' text runs together in textContent.
  const walker = area.ownerDocument.createTreeWalker(area, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const found = node.textContent?.match(EMAIL)?.[0];
    if (found) return found;
  }
  return undefined;
}
