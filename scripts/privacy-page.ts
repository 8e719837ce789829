/**
 * `npm run privacy-page`: writes the privacy policy the extension ships (entrypoints/privacy/index.html, linked from
 * the options page) from PRIVACY.md and its translations in docs/privacy/<locale>.md, so they say the same; a unit
 * test fails when they drift. The page holds every language; its script shows the browser's (entrypoints/privacy).
 * Only the Markdown PRIVACY.md needs: headings, paragraphs, one level of list, tables, **bold**, *italic*, `code`
 * and https links. Anything else is refused rather than shown wrong.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { LOCALES, type Locale } from './locale-files';

const root = resolve(import.meta.dirname, '..');
export const PRIVACY_PAGE = resolve(root, 'entrypoints', 'privacy', 'index.html');

/** English at the root, where the stores and the repository link it; each translation in docs/privacy. */
export const privacySource = (locale: Locale) =>
  locale === 'en' ? resolve(root, 'PRIVACY.md') : resolve(root, 'docs', 'privacy', `${locale}.md`);

export const readPrivacySources = (): Record<Locale, string> =>
  Object.fromEntries(LOCALES.map((locale) => [locale, readFileSync(privacySource(locale), 'utf8')])) as Record<
    Locale,
    string
  >;

const RIGHT_TO_LEFT: readonly string[] = ['ar'];

/** A language's own name for itself, as a language menu shows it: "Deutsch", "Français", "日本語". */
export function nativeName(locale: string): string {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One line's inline Markdown; code spans are taken as they are. */
export function inlineHtml(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part, i) => {
      if (i % 2) return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
      return escapeHtml(part)
        .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, href: string) => {
          if (!href.startsWith('https://')) throw new Error(`Only https links work in the shipped page: ${href}`);
          return `<a href="${href}" target="_blank" rel="noopener">${label}</a>`;
        })
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/\*([^*]+)\*/g, '<em>$1</em>');
    })
    .join('');
}

const CJK_STOP = /[\u3000-\u303f\uff00-\uffef]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/**
 * A wrapped line joined to the one before: with a space, except between two CJK characters or after CJK
 * punctuation (Japanese puts no space there).
 */
export const joinLines = (before: string, after: string) =>
  CJK_STOP.test(before.slice(-1)) || (CJK.test(before.slice(-1)) && CJK.test(after.charAt(0)))
    ? before + after
    : `${before} ${after}`;

/** A table row's cells, each in `tag`. */
const tableRow = (row: string, tag: 'th' | 'td') =>
  `<tr>${row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => `<${tag}>${inlineHtml(cell.trim())}</${tag}>`)
    .join('')}</tr>`;

/** The Markdown's blocks as HTML, one element a line (a list's or table's children indented below it). */
export function markdownToHtml(markdown: string): string[] {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    const heading = /^(#{1,4}) (.+)$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      out.push(`<h${level}>${inlineHtml(heading[2]!)}</h${level}>`);
      i++;
    } else if (line.startsWith('- ')) {
      out.push('<ul>');
      while (i < lines.length && lines[i]!.startsWith('- ')) {
        let item = lines[i++]!.slice(2);
        while (i < lines.length && /^ {2}\S/.test(lines[i]!)) item = joinLines(item, lines[i++]!.trim());
        out.push(`  <li>${inlineHtml(item)}</li>`);
      }
      out.push('</ul>');
    } else if (line.startsWith('|')) {
      const rows: string[] = [];
      while (i < lines.length && lines[i]!.startsWith('|')) rows.push(lines[i++]!);
      if (rows.length < 2 || !/^\|(\s*:?-+:?\s*\|)+$/.test(rows[1]!.trim())) throw new Error(`Not a table: ${line}`);
      out.push('<table>');
      out.push(`  <thead>${tableRow(rows[0]!, 'th')}</thead>`, '  <tbody>');
      for (const row of rows.slice(2)) out.push(`    ${tableRow(row, 'td')}`);
      out.push('  </tbody>', '</table>');
    } else if (/^(\s|>|```|<|\d+\.\s|\* |#)/.test(line)) {
      throw new Error(`Markdown the privacy page does not render: ${line}`);
    } else {
      const paragraph: string[] = [];
      while (i < lines.length && lines[i]!.trim() && !/^(#|- |\|)/.test(lines[i]!)) paragraph.push(lines[i++]!.trim());
      out.push(`<p>${inlineHtml(paragraph.reduce(joinLines))}</p>`);
    }
  }
  return out;
}

const PRODUCT = 'Badge Remover for Zoho Desk';

/** The policy's title in its own language: its first heading, as plain text. */
const headingText = (markdown: string) =>
  (/^# (.+)$/m.exec(markdown)?.[1] ?? '').replace(/[*`]/g, '').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');

/**
 * The whole page: a menu of the languages, then one article per language, all but English hidden until the script
 * shows the browser's (English shows without it). The extension pages' stylesheet, light and dark.
 */
export function privacyPage(sources: Record<Locale, string>): string {
  const title = (locale: Locale) => escapeHtml(`${PRODUCT}: ${headingText(sources[locale])}`);
  const menu = LOCALES.map(
    (locale) =>
      `        <a href="#${locale}" lang="${locale}" hreflang="${locale}">${escapeHtml(nativeName(locale))}</a>`,
  );
  const articles = LOCALES.flatMap((locale) => [
    `      <article lang="${locale}" dir="${RIGHT_TO_LEFT.includes(locale) ? 'rtl' : 'ltr'}" data-title="${title(locale)}"${locale === 'en' ? '' : ' hidden'}>`,
    ...markdownToHtml(sources[locale]).map((line) => `        ${line}`),
    '      </article>',
  ]);
  return [
    '<!doctype html>',
    '<!-- Written by `npm run privacy-page` from PRIVACY.md and docs/privacy/<locale>.md: edit those, then run it. -->',
    '<html lang="en" dir="ltr">',
    '  <head>',
    '    <meta charset="utf-8" />',
    `    <title>${title('en')}</title>`,
    '    <link rel="stylesheet" href="../../components/page.css" />',
    '  </head>',
    '  <body>',
    '    <main class="page document">',
    '      <nav class="languages">',
    ...menu,
    '      </nav>',
    ...articles,
    '    </main>',
    '    <script type="module" src="./main.ts"></script>',
    '  </body>',
    '</html>',
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(PRIVACY_PAGE, privacyPage(readPrivacySources()));
  console.log(
    `Wrote ${relative(root, PRIVACY_PAGE)} from ${LOCALES.map((l) => relative(root, privacySource(l))).join(', ')}`,
  );
}
