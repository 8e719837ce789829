// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { anchorSelectorProblem, findAnchor } from '../../../utils/page/anchor';

// happy-dom lays nothing out; `hidden` stands for "not rendered".
const isVisible = (el: Element) => !el.closest('[hidden]');
const find = (hints: Parameters<typeof findAnchor>[1] = {}) => findAnchor(document, { isVisible, ...hints });

afterEach(() => document.body.replaceChildren());

describe('findAnchor', () => {
  it('uses the admin selector first, then the name, then a heading', () => {
    document.body.innerHTML = `<main><h1>Users</h1><div class="x9"><span id="who">Carol Diaz</span></div><div id="slot"></div></main>`;
    expect(find({ selector: '#slot', names: ['Carol Diaz'] })).toMatchObject({ kind: 'selector' });
    expect(find({ names: ['Carol Diaz'] })?.element.id).toBe('who');
    expect(find()?.element.tagName).toBe('H1');
  });

  it('finds the name in generated-class spans with no main and no h1, ignoring case and spaces', () => {
    document.body.innerHTML = `<div class="a1"><div class="b2"><div class="c3"><span class="d4">  carol diaz </span></div></div></div>`;
    expect(find({ names: ['Carol Diaz', 'carol@zylker.com'] })).toMatchObject({ kind: 'name' });
  });

  it('finds the email when the name is not shown', () => {
    document.body.innerHTML = `<div><p>Email</p><p id="mail">carol@zylker.com</p></div>`;
    expect(find({ names: ['Carol Diaz', 'carol@zylker.com'] })?.element.id).toBe('mail');
  });

  it('skips the name in navigation, links, buttons, hidden elements and our own host', () => {
    document.body.innerHTML = `<nav><span>Carol Diaz</span></nav><a href="#">Carol Diaz</a><button>Carol Diaz</button>
      <div hidden><span>Carol Diaz</span></div><badge-remover-control><span>Carol Diaz</span></badge-remover-control>`;
    const own = document.querySelector('badge-remover-control')!;
    expect(find({ names: ['Carol Diaz'], isOwn: (el) => own.contains(el) })).toBeNull();
  });

  it('takes role=heading and h2/h3, not headings in page chrome or empty ones', () => {
    document.body.innerHTML = `<header><h1>Zoho Desk</h1></header><div><h2></h2><div role="heading" id="h">Carol</div></div>`;
    expect(find()?.element.id).toBe('h');
  });

  it('prefers a heading inside the main content', () => {
    document.body.innerHTML = `<div><h2>Sidebar</h2></div><div role="main"><h3 id="in">Carol</h3></div>`;
    expect(find()?.element.id).toBe('in');
  });

  it('goes on down the chain when the saved selector is broken or matches nothing', () => {
    document.body.innerHTML = '<h1>Carol</h1>';
    expect(find({ selector: '##broken' })).toMatchObject({ kind: 'heading' });
    expect(find({ selector: '.nothing' })).toMatchObject({ kind: 'heading' });
  });

  it('finds nothing on a page with no heading and no name', () => {
    document.body.innerHTML = '<div><div>Some text</div></div>';
    expect(find({ names: ['Carol Diaz'] })).toBeNull();
  });
});

describe('anchorSelectorProblem', () => {
  const parse = (s: string) => document.createDocumentFragment().querySelector(s);
  it('accepts a valid or empty selector and refuses a broken or long one', () => {
    expect(anchorSelectorProblem('.profile-header h2', parse)).toBeUndefined();
    expect(anchorSelectorProblem('', parse)).toBeUndefined();
    expect(anchorSelectorProblem('div[', parse)).toContain('not a valid CSS selector');
    expect(anchorSelectorProblem('a'.repeat(301), parse)).toContain('300');
  });
});
