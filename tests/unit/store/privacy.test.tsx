// @vitest-environment happy-dom
/**
 * The privacy policy: PRIVACY.md, and the page the extension ships written from it (npm run privacy-page), linked
 * from the options page.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type OptionsApi, OptionsApp } from '../../../entrypoints/options/App';
import { inlineHtml, markdownToHtml, PRIVACY_PAGE, PRIVACY_SOURCE, privacyPage } from '../../../scripts/privacy-page';

afterEach(cleanup);

const markdown = readFileSync(PRIVACY_SOURCE, 'utf8');

describe('the privacy policy', () => {
  it('ships as the page written from PRIVACY.md (run `npm run privacy-page` after editing it)', () => {
    expect(readFileSync(PRIVACY_PAGE, 'utf8')).toBe(privacyPage(markdown));
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

  it('refuses what it would show wrong', () => {
    expect(() => markdownToHtml('1. numbered')).toThrow(/does not render/);
    expect(() => markdownToHtml('> quoted')).toThrow(/does not render/);
    expect(() => markdownToHtml('| no | separator |')).toThrow(/Not a table/);
    expect(() => inlineHtml('[a file](README.md)')).toThrow(/https/);
  });
});
