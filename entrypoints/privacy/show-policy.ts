/**
 * The privacy page holds the policy in every language the extension speaks; this shows one: the one the address asks
 * for (`privacy.html#de`, the page's own language menu), else the browser's, else English.
 */
export function showPolicy(doc: Document, wanted: readonly string[]): void {
  const articles = [...doc.querySelectorAll<HTMLElement>('article[lang]')];
  const shown =
    wanted.map((locale) => articles.find((article) => article.lang === locale)).find((article) => article) ??
    articles.find((article) => article.lang === 'en');
  if (!shown) return;
  for (const article of articles) article.hidden = article !== shown;
  doc.documentElement.lang = shown.lang;
  doc.documentElement.dir = shown.dir;
  if (shown.dataset.title) doc.title = shown.dataset.title;
  for (const link of doc.querySelectorAll<HTMLAnchorElement>('nav.languages a[hreflang]')) {
    if (link.hreflang === shown.lang) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}
