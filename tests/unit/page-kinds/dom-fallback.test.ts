// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findUserEmailOnPage } from '../../../utils/page-kinds/helpcenter-user/dom-fallback';

describe('findUserEmailOnPage', () => {
  it('prefers the mailto link in the main content', () => {
    document.body.innerHTML = `<header><a href="mailto:agent@zylker.com">me</a></header>
      <main><h1>Carol Diaz</h1><a href="mailto:carol.diaz@zylker.com">carol.diaz@zylker.com</a></main>`;
    expect(findUserEmailOnPage(document)).toBe('carol.diaz@zylker.com');
  });

  it('falls back to an email shown beside the heading', () => {
    document.body.innerHTML = '<main><section><h1>Ben</h1><span>ben@zylker.com</span></section></main>';
    expect(findUserEmailOnPage(document)).toBe('ben@zylker.com');
  });

  it('finds nothing when the page shows no email', () => {
    document.body.innerHTML = '<main><h1>Ben</h1></main>';
    expect(findUserEmailOnPage(document)).toBeUndefined();
  });
});
