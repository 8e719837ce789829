// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findAnchor } from '../../../utils/page/anchor';
import { mountInShadowRoot, type Placement } from '../../../utils/page/shadow-mount';

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  document.body.replaceChildren();
  vi.useRealTimers();
});

function mount(names: string[] = [], floatAfterMs = 50) {
  const controller = new AbortController();
  controllers.push(controller);
  const placed: Placement[] = [];
  const m = mountInShadowRoot({
    hostTag: 'badge-remover-control',
    css: '',
    findAnchor: (isOwn) => findAnchor(document, { names, isOwn, isVisible: () => true }),
    render: (c) => c.append('Remove badges'),
    unrender: (c) => c.replaceChildren(),
    signal: controller.signal,
    floatAfterMs,
    onPlaced: (p) => placed.push(p),
  });
  return { ...m, placed, controller };
}

const hosts = () => document.querySelectorAll('badge-remover-control').length;
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('mountInShadowRoot', () => {
  it("styles the control with a <style> where the browser refuses a content script's adoptedStyleSheets", () => {
    const attach = HTMLElement.prototype.attachShadow;
    // What Firefox may throw for a content script (bug 1928865).
    vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init) {
      const root = attach.call(this, init);
      Object.defineProperty(root, 'adoptedStyleSheets', {
        set: () => {
          throw new Error('Accessing from Xray wrapper is not supported.');
        },
      });
      return root;
    });
    document.body.innerHTML = '<div><h2>Carol Diaz</h2></div>';
    const controller = new AbortController();
    controllers.push(controller);
    const m = mountInShadowRoot({
      hostTag: 'badge-remover-control',
      css: '.br-move { color: red; }',
      findAnchor: (isOwn) => findAnchor(document, { names: [], isOwn, isVisible: () => true }),
      render: (c) => c.append('Remove badges'),
      unrender: (c) => c.replaceChildren(),
      signal: controller.signal,
    });
    vi.restoreAllMocks();
    expect(m.host.isConnected).toBe(true);
    expect(m.host.shadowRoot?.querySelector('style')?.textContent).toBe('.br-move { color: red; }');
    expect(m.host.shadowRoot?.textContent).toContain('Remove badges');
  });

  it('goes right after the heading when the page has one', () => {
    document.body.innerHTML = '<div><h2 id="h">Carol Diaz</h2></div>';
    const m = mount();
    expect(document.getElementById('h')?.nextElementSibling).toBe(m.host);
    expect(m.placement()).toBe('heading');
  });

  it('floats in a corner when no anchor appears, and moves beside one drawn later', async () => {
    document.body.innerHTML = '<div><div>Loading</div></div>';
    const m = mount([], 20);
    expect(m.host.isConnected).toBe(false);
    await tick(40);
    expect(m.placement()).toBe('floating');
    expect(m.host.getAttribute('data-floating')).toMatch(/^(bottom|top)-(left|right)$/);
    const heading = document.createElement('h2');
    heading.textContent = 'Carol Diaz';
    document.body.append(heading);
    await tick();
    expect(m.placement()).toBe('heading');
    expect(heading.nextElementSibling).toBe(m.host);
    expect(m.host.hasAttribute('data-floating')).toBe(false);
    expect(hosts()).toBe(1);
  });

  it('upgrades from a heading to the name once the name is known, keeping one host', async () => {
    document.body.innerHTML = '<h1>Users</h1><div><span id="n">Carol Diaz</span></div>';
    const names: string[] = [];
    const controller = new AbortController();
    controllers.push(controller);
    const m = mountInShadowRoot({
      hostTag: 'badge-remover-control',
      css: '',
      findAnchor: (isOwn) => findAnchor(document, { names, isOwn, isVisible: () => true }),
      render: () => {},
      unrender: () => {},
      signal: controller.signal,
    });
    expect(m.placement()).toBe('heading');
    names.push('Carol Diaz');
    m.recheck();
    expect(m.placement()).toBe('name');
    expect(document.getElementById('n')?.nextElementSibling).toBe(m.host);
    expect(hosts()).toBe(1);
  });

  it('is put back after the page re-renders its content', async () => {
    document.body.innerHTML = '<div id="app"><h1>Carol Diaz</h1></div>';
    const m = mount();
    document.getElementById('app')!.innerHTML = '<h1>Carol Diaz</h1>';
    await tick();
    expect(m.host.isConnected).toBe(true);
    expect(document.querySelector('h1')?.nextElementSibling).toBe(m.host);
    expect(hosts()).toBe(1);
  });

  it('cannot be dragged into a loop by a page that re-renders on every mutation', async () => {
    document.body.innerHTML = '<div id="app"><h1>Carol Diaz</h1></div>';
    const app = document.getElementById('app')!;
    // The page redraws its content whenever anything changes in it, for a while.
    let rerenders = 0;
    const page = new MutationObserver(() => {
      if (rerenders++ < 500) app.innerHTML = '<h1>Carol Diaz</h1>';
    });
    page.observe(app, { childList: true, subtree: true });
    const m = mount(['Carol Diaz']);
    await tick(300);
    page.disconnect();
    expect(m.placed.length).toBeLessThanOrEqual(12);
    expect(m.placement()).toBe('floating');
    expect(m.host.isConnected).toBe(true);
    expect(hosts()).toBe(1);
  });

  it('is gone, with its observers, when the signal aborts', () => {
    document.body.innerHTML = '<h1>Carol</h1>';
    const m = mount();
    m.controller.abort();
    expect(hosts()).toBe(0);
    document.body.innerHTML = '<h1>Carol</h1>';
    expect(hosts()).toBe(0);
  });
});

describe('the overlay', () => {
  const overlayHost = () => document.querySelector('badge-remover-control[data-overlay]');

  it('is in the page only while it holds something: before <body>, out of the content', async () => {
    document.body.innerHTML = '<div id="app"><h1>Carol Diaz</h1></div>';
    const m = mount();
    expect(overlayHost()).toBeNull();
    const panel = document.createElement('div');
    m.overlay.append(panel);
    await tick();
    expect(overlayHost()?.parentNode).toBe(document.documentElement);
    expect(overlayHost()?.nextElementSibling).toBe(document.body);
    expect(overlayHost()?.shadowRoot?.contains(panel)).toBe(true);
    panel.remove();
    await tick();
    expect(overlayHost()).toBeNull();
    expect(hosts()).toBe(1);
  });

  it('stays where it is while the page re-renders its content and the control is put back', async () => {
    document.body.innerHTML = '<div id="app"><h1>Carol Diaz</h1></div>';
    const m = mount();
    m.overlay.append(document.createElement('div'));
    await tick();
    const overlay = overlayHost()!;
    const removed: Node[] = [];
    const watch = new MutationObserver((records) => removed.push(...records.flatMap((r) => [...r.removedNodes])));
    watch.observe(document.documentElement, { childList: true, subtree: true });
    for (let i = 0; i < 3; i++) {
      document.getElementById('app')!.innerHTML = '<h1>Carol Diaz</h1>';
      await tick();
    }
    watch.disconnect();
    expect(document.querySelector('h1')?.nextElementSibling).toBe(m.host);
    expect(removed).toContain(m.host);
    expect(removed).not.toContain(overlay);
    expect(overlay.isConnected).toBe(true);
  });

  it('is put back when the page removes it, and is gone when the signal aborts', async () => {
    document.body.innerHTML = '<h1>Carol Diaz</h1>';
    const m = mount();
    m.overlay.append(document.createElement('div'));
    await tick();
    overlayHost()!.remove();
    await tick();
    expect(overlayHost()?.isConnected).toBe(true);
    m.controller.abort();
    expect(overlayHost()).toBeNull();
    expect(hosts()).toBe(0);
  });
});
