// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountControlShell, panelPlacement } from '../../../components/page/control-shell';

const EXTENSION = 'chrome-extension://cjheecimhjkgjkobijngojplcehhnajo';
const removers: (() => void)[] = [];
afterEach(() => {
  for (const remove of removers.splice(0)) remove();
  document.body.replaceChildren();
});

/** The button in its container, as in the page's content, and the overlay the open panel goes to. */
function mount(panelUrl = vi.fn(async () => `${EXTENSION}/removal-panel.html#abcdefghijklmnop`)) {
  const container = document.createElement('div');
  const overlay = document.createElement('div');
  document.body.append(container, overlay);
  removers.push(mountControlShell(container, { panelUrl, extensionOrigin: EXTENSION, overlay }));
  const trigger = container.querySelector<HTMLButtonElement>('button.br-trigger')!;
  return { container, overlay, trigger, panelUrl };
}

/** A click as the admin's own input gives it: the one kind a page script cannot make. */
function trustedClick(target: HTMLElement) {
  const event = new MouseEvent('click', { bubbles: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

describe('the Desk page control', () => {
  // A key press reaches a button only as the browser's own trusted click, so clicks are all a page can forge.
  it("ignores a page script's click() and dispatched click: nothing opens, nothing is asked", async () => {
    const { overlay, trigger, panelUrl } = mount();
    trigger.click();
    trigger.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await Promise.resolve();
    expect(panelUrl).not.toHaveBeenCalled();
    expect(overlay.querySelector('.br-panel')).toBeNull();
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
  });

  it("opens the panel as the extension's own page in a frame, in the overlay, and only then asks for it", async () => {
    const { container, overlay, trigger, panelUrl } = mount();
    trustedClick(trigger);
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(overlay.querySelector('[role="status"]')?.textContent).toBe('Opening…');
    await vi.waitFor(() => expect(overlay.querySelector('iframe.br-frame')).not.toBeNull());
    const frame = overlay.querySelector<HTMLIFrameElement>('iframe.br-frame')!;
    expect(frame.getAttribute('src')).toBe(`${EXTENSION}/removal-panel.html#abcdefghijklmnop`);
    expect(frame.title).toBe('Remove badges');
    expect(container.querySelector('.br-panel')).toBeNull();
    expect(trigger.ariaControlsElements).toEqual([overlay]);
    expect(panelUrl).toHaveBeenCalledTimes(1);
    // A second trusted click closes it, and focus goes back to the button.
    trustedClick(trigger);
    expect(overlay.querySelector('.br-panel')).toBeNull();
    expect(trigger.ariaControlsElements).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('keeps the open frame where it is while the page takes the button out and puts it back', async () => {
    const { container, overlay, trigger, panelUrl } = mount();
    trustedClick(trigger);
    await vi.waitFor(() => expect(overlay.querySelector('iframe.br-frame')).not.toBeNull());
    const frame = overlay.querySelector('iframe.br-frame')!;
    const removed: Node[] = [];
    const watch = new MutationObserver((records) => removed.push(...records.flatMap((r) => [...r.removedNodes])));
    watch.observe(document.body, { childList: true, subtree: true });
    // A re-render: the button's host leaves the page, and the mount puts it back elsewhere.
    container.remove();
    document.body.prepend(container);
    await Promise.resolve();
    watch.disconnect();
    expect(removed).toEqual([container]);
    expect(frame.isConnected).toBe(true);
    expect(overlay.querySelectorAll('iframe')).toHaveLength(1);
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(panelUrl).toHaveBeenCalledTimes(1);
  });

  it('Escape while the frame loads closes it', async () => {
    const { overlay, trigger } = mount(vi.fn(() => new Promise<string>(() => {})));
    trustedClick(trigger);
    overlay.querySelector('.br-panel')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(overlay.querySelector('.br-panel')).toBeNull();
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
  });

  it('takes the open panel with it when it goes (another user, another page)', async () => {
    const { overlay, trigger } = mount();
    trustedClick(trigger);
    await vi.waitFor(() => expect(overlay.querySelector('iframe.br-frame')).not.toBeNull());
    removers.pop()!();
    expect(overlay.childElementCount).toBe(0);
  });

  it('says why when the panel cannot be opened, and the next click tries again', async () => {
    const panelUrl = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('Extension context invalidated.'))
      .mockResolvedValue(`${EXTENSION}/removal-panel.html#abcdefghijklmnop`);
    const { overlay, trigger } = mount(panelUrl);
    trustedClick(trigger);
    await vi.waitFor(() => expect(overlay.querySelector('[role="alert"]')).not.toBeNull());
    expect(overlay.querySelector('[role="alert"]')!.textContent).toContain('Extension context invalidated.');
    trustedClick(overlay.querySelector<HTMLButtonElement>('[role="alert"] button')!);
    expect(overlay.querySelector('.br-panel')).toBeNull();
    trustedClick(trigger);
    await vi.waitFor(() => expect(overlay.querySelector('iframe.br-frame')).not.toBeNull());
  });
});

describe('where the open panel goes', () => {
  const window = { width: 1280, height: 800 };
  const button = (left: number, top: number) => ({ left, right: left + 120, top, bottom: top + 30 });

  it('below the button, under its left edge', () => {
    expect(panelPlacement(button(280, 150), window)).toEqual({ top: 186, left: 280, width: 400, maxHeight: 520 });
  });

  it('above a button low in the window, as high as the room there', () => {
    expect(panelPlacement(button(280, 750), window)).toEqual({ bottom: 56, left: 280, width: 400, maxHeight: 520 });
    expect(panelPlacement(button(280, 450), { width: 1280, height: 600 })).toEqual({
      bottom: 156,
      left: 280,
      width: 400,
      maxHeight: 436,
    });
  });

  it('under the right edge of a button at the right of the window, inside the window', () => {
    expect(panelPlacement(button(1144, 754), window)).toMatchObject({ left: 864, width: 400 });
    expect(panelPlacement(button(1200, 150), window).left).toBe(872);
  });

  it('as wide as a narrow window allows, and never squeezed to nothing', () => {
    expect(panelPlacement(button(10, 150), { width: 300, height: 800 })).toMatchObject({ left: 8, width: 284 });
    expect(panelPlacement(button(10, -200), window).maxHeight).toBe(520);
    expect(panelPlacement(button(10, 900), window)).toMatchObject({ maxHeight: 520 });
    expect(panelPlacement(button(10, 385), { width: 1280, height: 400 }).maxHeight).toBe(371);
  });
});
