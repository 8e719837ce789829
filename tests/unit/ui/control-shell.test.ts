// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountControlShell } from '../../../components/page/control-shell';

const EXTENSION = 'chrome-extension://cjheecimhjkgjkobijngojplcehhnajo';
const removers: (() => void)[] = [];
afterEach(() => {
  for (const remove of removers.splice(0)) remove();
  document.body.replaceChildren();
});

function mount(panelUrl = vi.fn(async () => `${EXTENSION}/removal-panel.html#abcdefghijklmnop`)) {
  const container = document.createElement('div');
  document.body.append(container);
  removers.push(mountControlShell(container, { panelUrl, extensionOrigin: EXTENSION }));
  const trigger = container.querySelector<HTMLButtonElement>('button.br-trigger')!;
  return { container, trigger, panelUrl };
}

/** A click as the admin's own input gives it: the one kind a page script cannot make. */
function trustedClick(target: HTMLElement) {
  const event = new MouseEvent('click', { bubbles: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

describe('the Desk page control', () => {
  it("ignores a page script's click, dispatched event or key: nothing opens, nothing is asked", async () => {
    const { container, trigger, panelUrl } = mount();
    trigger.click();
    trigger.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    trigger.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await Promise.resolve();
    expect(panelUrl).not.toHaveBeenCalled();
    expect(container.querySelector('.br-panel')).toBeNull();
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
  });

  it("opens the panel as the extension's own page in a frame, and only then asks for it", async () => {
    const { container, trigger, panelUrl } = mount();
    trustedClick(trigger);
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Opening…');
    await vi.waitFor(() => expect(container.querySelector('iframe.br-frame')).not.toBeNull());
    const frame = container.querySelector<HTMLIFrameElement>('iframe.br-frame')!;
    expect(frame.getAttribute('src')).toBe(`${EXTENSION}/removal-panel.html#abcdefghijklmnop`);
    expect(frame.title).toBe('Remove badges');
    expect(trigger.getAttribute('aria-controls')).toBe(container.querySelector('.br-panel')!.id);
    expect(panelUrl).toHaveBeenCalledTimes(1);
    // A second trusted click closes it, and focus goes back to the button.
    trustedClick(trigger);
    expect(container.querySelector('.br-panel')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('Escape while the frame loads closes it', async () => {
    const { container, trigger } = mount(vi.fn(() => new Promise<string>(() => {})));
    trustedClick(trigger);
    container.querySelector('.br-panel')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(container.querySelector('.br-panel')).toBeNull();
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
  });

  it('says why when the panel cannot be opened, and the next click tries again', async () => {
    const panelUrl = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('Extension context invalidated.'))
      .mockResolvedValue(`${EXTENSION}/removal-panel.html#abcdefghijklmnop`);
    const { container, trigger } = mount(panelUrl);
    trustedClick(trigger);
    await vi.waitFor(() => expect(container.querySelector('[role="alert"]')).not.toBeNull());
    expect(container.querySelector('[role="alert"]')!.textContent).toContain('Extension context invalidated.');
    trustedClick(container.querySelector<HTMLButtonElement>('[role="alert"] button')!);
    expect(container.querySelector('.br-panel')).toBeNull();
    trustedClick(trigger);
    await vi.waitFor(() => expect(container.querySelector('iframe.br-frame')).not.toBeNull());
  });
});
