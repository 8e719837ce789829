// @vitest-environment happy-dom
/**
 * The privacy policy: PRIVACY.md and its translations, and the page the extension ships written from them
 * (npm run privacy-page), linked from the options page.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type OptionsApi, OptionsApp } from '../../../entrypoints/options/App';
import { showPolicy } from '../../../entrypoints/privacy/show-policy';
import { LOCALES } from '../../../scripts/locale-files';
import {
  inlineHtml,
  markdownToHtml,
  nativeName,
  PRIVACY_PAGE,
  privacyPage,
  readPrivacySources,
} from '../../../scripts/privacy-page';

afterEach(cleanup);

const sources = readPrivacySources();
const markdown = sources.en;

/**
 * What a translation must keep of each rendered line: its element, a table row's number of cells, and its code
 * spans and links, which stay as they are in every language.
 */
const skeleton = (policy: string) =>
  markdownToHtml(policy).map((line) =>
    [
      /^\s*<(\w+)/.exec(line)?.[1],
      (line.match(/<t[dh]>/g) ?? []).length,
      ...(line.match(/<code>.*?<\/code>/g) ?? []),
      ...(line.match(/href="[^"]*"/g) ?? []),
    ].join(' · '),
  );

describe('the privacy policy', () => {
  it('ships as the page written from PRIVACY.md and its translations (run `npm run privacy-page` after editing)', () => {
    expect(readFileSync(PRIVACY_PAGE, 'utf8')).toBe(privacyPage(sources));
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))(
    'in %s, says all the English says: every heading, paragraph, item, table cell, code span and link',
    (locale) => {
      expect(skeleton(sources[locale])).toEqual(skeleton(markdown));
      expect(sources[locale]).not.toBe(markdown);
    },
  );

  it("shows the browser's language, or the one the page's menu asks for, right to left in Arabic", () => {
    const document = window.document.implementation.createHTMLDocument();
    document.documentElement.innerHTML = privacyPage(sources)
      .replace(/^<!doctype html>/, '')
      .replace(/<\/?html[^>]*>/g, '');
    const visible = () =>
      [...document.querySelectorAll<HTMLElement>('article')].filter((a) => !a.hidden).map((a) => a.lang);
    expect(visible()).toEqual(['en']);

    showPolicy(document, ['ar']);
    expect(visible()).toEqual(['ar']);
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(document.title).toMatch(/^Badge Remover for Zoho Desk: \S/);
    expect(document.querySelector('a[aria-current]')?.textContent).toBe('العربية');

    showPolicy(document, ['', 'de-AT', 'de']);
    expect(visible()).toEqual(['de']);
    expect(document.documentElement.dir).toBe('ltr');
    expect(document.querySelector('a[aria-current]')?.getAttribute('hreflang')).toBe('de');

    showPolicy(document, ['pt', 'pt']);
    expect(visible()).toEqual(['en']);
    expect([...document.querySelectorAll('nav.languages a')].map((a) => a.textContent)).toEqual(
      LOCALES.map(nativeName),
    );
  });

  it('says what is stored where, that data goes only to Zoho, and how to delete it', () => {
    for (const heading of ['What it reads', 'What it stores, where, and for how long', 'Where data goes'])
      expect(markdown).toContain(`## ${heading}`);
    expect(markdown).toContain('## How to delete everything');
    for (const words of ['storage.local', 'storage.session', 'IndexedDB', 'Disconnect', 'Removing the extension'])
      expect(markdown).toContain(words);
  });

  it('is linked from the options page, to the page the extension ships', async () => {
    const pending = () => new Promise<never>(() => {});
    const api = {
      getStatus: pending,
      getSettings: pending,
      hasZohoAccess: pending,
      watchZohoAccess: () => () => {},
    } as unknown as OptionsApi;
    render(<OptionsApp api={api} />);
    const link = await screen.findByRole('link', { name: 'Privacy policy' });
    // options.html and privacy.html are both at the extension's root.
    expect(link.getAttribute('href')).toBe('privacy.html');
    // WXT builds entrypoints/<name>/index.html as <name>.html.
    expect(relative(resolve(import.meta.dirname, '../../..'), PRIVACY_PAGE)).toBe('entrypoints/privacy/index.html');
  });
});

describe('the Markdown the page is written from', () => {
  it('renders headings, paragraphs, lists, tables and inline marks, escaped', () => {
    const html = markdownToHtml(
      [
        '# Title',
        'A *line*',
        'that goes on.',
        '',
        '- one `a<b>` **two**',
        '  wrapped',
        '- [Zoho](https://www.zoho.com/)',
        '',
        '| A | B |',
        '|---|---|',
        '| 1 | x & y |',
      ].join('\n'),
    );
    expect(html).toEqual([
      '<h1>Title</h1>',
      '<p>A <em>line</em> that goes on.</p>',
      '<ul>',
      '  <li>one <code>a&lt;b&gt;</code> <strong>two</strong> wrapped</li>',
      '  <li><a href="https://www.zoho.com/" target="_blank" rel="noopener">Zoho</a></li>',
      '</ul>',
      '<table>',
      '  <thead><tr><th>A</th><th>B</th></tr></thead>',
      '  <tbody>',
      '    <tr><td>1</td><td>x &amp; y</td></tr>',
      '  </tbody>',
      '</table>',
    ]);
  });

  it('joins wrapped lines with a space, but not between two Japanese characters or after Japanese punctuation', () => {
    expect(markdownToHtml('個人データを\n販売しません。\nZoho は\n別です\nnext')).toEqual([
      '<p>個人データを販売しません。Zoho は別です next</p>',
    ]);
    expect(markdownToHtml('- 一つ、\n  二つ')).toEqual(['<ul>', '  <li>一つ、二つ</li>', '</ul>']);
  });

  it('refuses what it would show wrong', () => {
    expect(() => markdownToHtml('1. numbered')).toThrow(/does not render/);
    expect(() => markdownToHtml('> quoted')).toThrow(/does not render/);
    expect(() => markdownToHtml('| no | separator |')).toThrow(/Not a table/);
    expect(() => inlineHtml('[a file](README.md)')).toThrow(/https/);
  });
});
