// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mountControlButton } from '../../../entrypoints/desk-page/control-button';
import {
  attachPanelOpener,
  type PanelOpenerOptions,
  panelPlacement,
} from '../../../entrypoints/desk-panel-opener/panel-opener';
import { readMessages, speak } from '../../../scripts/locale-files';
import { PANEL_CLAIMED } from '../../../utils/removal/panel-frame';

const EXTENSION = 'chrome-extension://cjheecimhjkgjkobijngojplcehhnajo';
const removers: (() => void)[] = [];
afterEach(() => {
  for (const remove of removers.splice(0)) remove();
  document.body.replaceChildren();
});

/**
 * The button and the opener, as the content script puts them together: the opener loaded at once (as the moment
 * after the button is in does), with no frame loaded ahead yet. Returns what removes both.
 */
async function mountControl(container: HTMLElement, options: PanelOpenerOptions): Promise<() => void> {
  let attached = false;
  const remove = mountControlButton(container, {
    loadOpener: async () => (trigger) => {
      attached = true;
      return attachPanelOpener(trigger, options);
    },
    soon: (load) => {
      load();
      return () => {};
    },
  });
  await vi.waitFor(() => expect(attached).toBe(true));
  return remove;
}

/** The button in its container, as in the page's content, and the overlay the open panel goes to. */
async function mount(panelUrl = vi.fn(async () => `${EXTENSION}/removal-panel.html#abcdefghijklmnop`)) {
  const container = document.createElement('div');
  const overlay = document.createElement('div');
  document.body.append(container, overlay);
  removers.push(await mountControl(container, { panelUrl, extensionOrigin: EXTENSION, overlay }));
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
    const { overlay, trigger, panelUrl } = await mount();
    trigger.click();
    trigger.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await Promise.resolve();
    expect(panelUrl).not.toHaveBeenCalled();
    expect(overlay.querySelector('.br-panel')).toBeNull();
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
  });

  it("opens the panel as the extension's own page in a frame, in the overlay, and only then asks for it", async () => {
    const { container, overlay, trigger, panelUrl } = await mount();
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
    const { container, overlay, trigger, panelUrl } = await mount();
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
    const { overlay, trigger } = await mount(vi.fn(() => new Promise<string>(() => {})));
    trustedClick(trigger);
    overlay.querySelector('.br-panel')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(overlay.querySelector('.br-panel')).toBeNull();
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
  });

  it('takes the open panel with it when it goes (another user, another page)', async () => {
    const { overlay, trigger } = await mount();
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
    const { overlay, trigger } = await mount(panelUrl);
    trustedClick(trigger);
    await vi.waitFor(() => expect(overlay.querySelector('[role="alert"]')).not.toBeNull());
    expect(overlay.querySelector('[role="alert"]')!.textContent).toContain('Extension context invalidated.');
    trustedClick(overlay.querySelector<HTMLButtonElement>('[role="alert"] button')!);
    expect(overlay.querySelector('.br-panel')).toBeNull();
    trustedClick(trigger);
    await vi.waitFor(() => expect(overlay.querySelector('iframe.br-frame')).not.toBeNull());
  });
});

describe('the panel frame loaded ahead of the click', () => {
  const AHEAD = `${EXTENSION}/removal-panel.html#ahead`;
  /** A control that loads its frame ahead; the page's idle moment comes when the test says. */
  async function mountLoadingAhead(
    preloadUrl = vi.fn(async (): Promise<string | null> => AHEAD),
    panelUrl = vi.fn(async (preloaded: string | null) => preloaded ?? `${EXTENSION}/removal-panel.html#cold`),
  ) {
    const container = document.createElement('div');
    const overlay = document.createElement('div');
    document.body.append(container, overlay);
    const idle = { run: () => {}, cancel: vi.fn() };
    const whenIdle = (run: () => void) => {
      idle.run = run;
      return idle.cancel;
    };
    const remove = await mountControl(container, {
      panelUrl,
      preloadUrl,
      whenIdle,
      extensionOrigin: EXTENSION,
      overlay,
    });
    removers.push(remove);
    const trigger = container.querySelector<HTMLButtonElement>('button.br-trigger')!;
    const frames = () => [...overlay.querySelectorAll('iframe')];
    return { overlay, trigger, preloadUrl, panelUrl, idle, remove, frames };
  }

  it.each([
    [
      'the pointer enters the button',
      (trigger: HTMLElement) => trigger.dispatchEvent(new PointerEvent('pointerenter')),
    ],
    ['the button gets focus', (trigger: HTMLElement) => trigger.focus()],
  ])('loads when %s: one frame, hidden, inert, and not opened', async (_when, approach) => {
    const { overlay, trigger, preloadUrl, panelUrl, frames } = await mountLoadingAhead();
    expect(preloadUrl).not.toHaveBeenCalled();
    approach(trigger);
    await vi.waitFor(() => expect(frames()).toHaveLength(1));
    const frame = frames()[0]!;
    expect(frame.getAttribute('src')).toBe(AHEAD);
    // Not the open panel's frame, and nothing of it shows, takes focus or is read out.
    expect(frame.className).toBe('br-frame-ahead');
    expect(frame.tabIndex).toBe(-1);
    const box = frame.parentElement!;
    expect(box.className).toBe('br-panel-ahead');
    expect(box.style.display).toBe('none');
    expect(box.hasAttribute('inert')).toBe(true);
    expect(box.getAttribute('aria-hidden')).toBe('true');
    expect(overlay.querySelector('[role="status"]')).toBeNull();
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    // The admin coming near again, and the idle moment: still the one frame.
    trigger.dispatchEvent(new PointerEvent('pointerenter'));
    trigger.blur();
    trigger.focus();
    await Promise.resolve();
    expect(preloadUrl).toHaveBeenCalledTimes(1);
    expect(frames()).toHaveLength(1);
    // Nothing was registered for it: only a trusted click does that.
    expect(panelUrl).not.toHaveBeenCalled();
  });

  it('loads once the page is idle', async () => {
    const { idle, preloadUrl, frames } = await mountLoadingAhead();
    expect(preloadUrl).not.toHaveBeenCalled();
    idle.run();
    await vi.waitFor(() => expect(frames()).toHaveLength(1));
    expect(frames()[0]!.className).toBe('br-frame-ahead');
  });

  it('opens on a trusted click only: the same frame, revealed, told of the claim; no new frame loads', async () => {
    const { overlay, trigger, panelUrl, idle, frames } = await mountLoadingAhead();
    idle.run();
    await vi.waitFor(() => expect(frames()).toHaveLength(1));
    const frame = frames()[0]!;
    // The test's stand-in for the frame's window (this DOM loads no frame page).
    const told = vi.fn();
    Object.defineProperty(frame, 'contentWindow', { value: { postMessage: told } });
    // A page script's clicks: nothing registered, nothing shown, the frame not told.
    trigger.click();
    trigger.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await Promise.resolve();
    expect(panelUrl).not.toHaveBeenCalled();
    expect(frame.parentElement!.style.display).toBe('none');
    expect(told).not.toHaveBeenCalled();
    trustedClick(trigger);
    const box = frame.parentElement!;
    expect(box.className).toBe('br-panel');
    expect(box.style.display).toBe('');
    expect(box.hasAttribute('inert')).toBe(false);
    expect(box.hasAttribute('aria-hidden')).toBe(false);
    expect(overlay.querySelector('[role="status"]')?.textContent).toBe('Opening…');
    await vi.waitFor(() => expect(told).toHaveBeenCalledWith(PANEL_CLAIMED, EXTENSION));
    expect(panelUrl).toHaveBeenCalledWith(AHEAD);
    expect(frames()).toEqual([frame]);
    expect(frame.className).toBe('br-frame');
    expect(frame.hasAttribute('tabindex')).toBe(false);
  });

  it('a click while the frame is still being asked for waits for it and opens it', async () => {
    let answer: (url: string) => void = () => {};
    const preloadUrl = vi.fn(() => new Promise<string | null>((done) => (answer = done)));
    const { trigger, panelUrl, frames } = await mountLoadingAhead(preloadUrl);
    trigger.dispatchEvent(new PointerEvent('pointerenter'));
    trustedClick(trigger);
    await Promise.resolve();
    // The click registers only once the worker has the frame's id: never the two at once.
    expect(panelUrl).not.toHaveBeenCalled();
    answer(AHEAD);
    await vi.waitFor(() => expect(panelUrl).toHaveBeenCalledWith(AHEAD));
    await vi.waitFor(() => expect(frames()[0]?.className).toBe('br-frame'));
    expect(frames()).toHaveLength(1);
  });

  it('loads a new frame when the click does not open the one loaded ahead, and none where the panel opens in a window', async () => {
    const { trigger, idle, frames } = await mountLoadingAhead(
      undefined,
      vi.fn(async () => `${EXTENSION}/removal-panel.html#cold`),
    );
    idle.run();
    await vi.waitFor(() => expect(frames()).toHaveLength(1));
    trustedClick(trigger);
    await vi.waitFor(() =>
      expect(frames().map((f) => f.getAttribute('src'))).toEqual([`${EXTENSION}/removal-panel.html#cold`]),
    );

    const windowed = await mountLoadingAhead(vi.fn(async () => null));
    windowed.idle.run();
    await vi.waitFor(() => expect(windowed.preloadUrl).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    expect(windowed.frames()).toHaveLength(0);
    expect(windowed.overlay.childElementCount).toBe(0);
    // Not asked again on this page.
    windowed.trigger.dispatchEvent(new PointerEvent('pointerenter'));
    expect(windowed.preloadUrl).toHaveBeenCalledTimes(1);
  });

  it('goes with the control (another user, an SPA navigation): the frame removed, the idle load called off', async () => {
    const { overlay, trigger, idle, remove, frames } = await mountLoadingAhead();
    trigger.dispatchEvent(new PointerEvent('pointerenter'));
    await vi.waitFor(() => expect(frames()).toHaveLength(1));
    remove();
    expect(overlay.childElementCount).toBe(0);
    expect(idle.cancel).toHaveBeenCalled();
    // A frame asked for just before the control went never arrives.
    let answer: (url: string) => void = () => {};
    const late = await mountLoadingAhead(vi.fn(() => new Promise<string | null>((done) => (answer = done))));
    late.trigger.dispatchEvent(new PointerEvent('pointerenter'));
    late.remove();
    answer(AHEAD);
    await new Promise((done) => setTimeout(done, 0));
    expect(late.overlay.childElementCount).toBe(0);
    expect(late.frames()).toHaveLength(0);
  });

  it('after the panel closes, the focus given back loads nothing; the next idle moment loads the next frame, one at most', async () => {
    const preloadUrl = vi.fn(async () => `${EXTENSION}/removal-panel.html#ahead-${preloadUrl.mock.calls.length}`);
    const { trigger, idle, frames } = await mountLoadingAhead(preloadUrl);
    trigger.dispatchEvent(new PointerEvent('pointerenter'));
    await vi.waitFor(() => expect(frames()).toHaveLength(1));
    trustedClick(trigger);
    await vi.waitFor(() => expect(frames()[0]!.className).toBe('br-frame'));
    // Closing gives focus back to the button, which loads nothing: a click to reopen would wait on that load.
    trustedClick(trigger);
    expect(document.activeElement).toBe(trigger);
    await Promise.resolve();
    expect(preloadUrl).toHaveBeenCalledTimes(1);
    expect(frames().filter((f) => f.className === 'br-frame-ahead')).toHaveLength(0);
    // The page's next idle moment loads the next frame, hidden, beside the closing one.
    idle.run();
    await vi.waitFor(() => expect(frames().filter((f) => f.className === 'br-frame-ahead')).toHaveLength(1));
    expect(preloadUrl).toHaveBeenCalledTimes(2);
    // And one at most.
    trigger.dispatchEvent(new PointerEvent('pointerenter'));
    await Promise.resolve();
    expect(preloadUrl).toHaveBeenCalledTimes(2);
  });
});

describe('the control in Arabic', () => {
  it('names the button, the frame and a failure to open in Arabic', async () => {
    speak(fakeBrowser.i18n, 'ar');
    const arabic = (key: string) => readMessages('ar')[key]!.message;
    const { overlay, trigger } = await mount(
      vi.fn(async () => Promise.reject(new Error('Extension context invalidated.'))),
    );
    expect(trigger.textContent).toBe(arabic('control_button'));
    trustedClick(trigger);
    expect(overlay.querySelector('[role="status"]')?.textContent).toBe(arabic('control_opening'));
    await vi.waitFor(() => expect(overlay.querySelector('[role="alert"]')).not.toBeNull());
    const alert = overlay.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain(
      arabic('control_open_failed').replace('$error$', 'Extension context invalidated.'),
    );
    expect(alert.querySelector('button')?.textContent).toBe(arabic('control_close'));
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

  it('in a page read right to left, under the right edge, or the left edge of a button at the left', () => {
    expect(panelPlacement(button(700, 150), window, 'rtl')).toMatchObject({ top: 186, left: 420, width: 400 });
    expect(panelPlacement(button(100, 150), window, 'rtl').left).toBe(100);
    expect(panelPlacement(button(1200, 150), window, 'rtl').left).toBe(872);
  });

  it('as wide as a narrow window allows, and never squeezed to nothing', () => {
    expect(panelPlacement(button(10, 150), { width: 300, height: 800 })).toMatchObject({ left: 8, width: 284 });
    expect(panelPlacement(button(10, -200), window).maxHeight).toBe(520);
    expect(panelPlacement(button(10, 900), window)).toMatchObject({ maxHeight: 520 });
    expect(panelPlacement(button(10, 385), { width: 1280, height: 400 }).maxHeight).toBe(371);
  });
});
