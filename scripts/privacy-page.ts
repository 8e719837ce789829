/**
 * `npm run privacy-page`: writes the privacy policy the extension ships (entrypoints/privacy/index.html, linked from
 * the options page) from PRIVACY.md, so both say the same; a unit test fails when they drift.
 * Only the Markdown PRIVACY.md needs: headings, paragraphs, one level of list, tables, **bold**, *italic*, `code`
 * and https links. Anything else is refused rather than shown wrong.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const PRIVACY_SOURCE = resolve(root, 'PRIVACY.md');
export const PRIVACY_PAGE = resolve(root, 'entrypoints', 'privacy', 'index.html');

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
        while (i < lines.length && /^ {2}\S/.test(lines[i]!)) item += ` ${lines[i++]!.trim()}`;
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
      out.push(`<p>${inlineHtml(paragraph.join(' '))}</p>`);
    }
  }
  return out;
}

/** The whole page: the extension pages' stylesheet (light and dark), no script. */
export function privacyPage(markdown: string): string {
  const body = markdownToHtml(markdown).map((line) => `      ${line}`);
  return [
    '<!doctype html>',
    '<!-- Written by `npm run privacy-page` from PRIVACY.md: edit that file, then run it. -->',
    '<html lang="en">',
    '  <head>',
    '    <meta charset="utf-8" />',
    '    <title>Badge Remover for Zoho Desk: privacy policy</title>',
    '    <link rel="stylesheet" href="../../components/page.css" />',
    '  </head>',
    '  <body>',
    '    <main class="page document">',
    ...body,
    '    </main>',
    '  </body>',
    '</html>',
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(PRIVACY_PAGE, privacyPage(readFileSync(PRIVACY_SOURCE, 'utf8')));
  console.log(`Wrote ${PRIVACY_PAGE} from ${PRIVACY_SOURCE}`);
}
