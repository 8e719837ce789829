// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AttachPanelOpener, mountControlButton } from '../../../entrypoints/desk-page/control-button';
import type { PanelOpener } from '../../../utils/removal/panel-opener';

const removers: (() => void)[] = [];
afterEach(() => {
  for (const remove of removers.splice(0)) remove();
  document.body.replaceChildren();
});

/** The button with an opener whose loading the test answers; the moment after the button is in comes when told. */
function mount() {
  const container = document.createElement('div');
  document.body.append(container);
  const opener: PanelOpener = { toggle: vi.fn(), approach: vi.fn(), remove: vi.fn() };
  const attach = vi.fn<AttachPanelOpener>(() => opener);
  const loads: { resolve: (attach: AttachPanelOpener) => void; reject: (error: Error) => void }[] = [];
  const loadOpener = vi.fn(() => new Promise<AttachPanelOpener>((resolve, reject) => loads.push({ resolve, reject })));
  const soon = { run: () => {}, cancel: vi.fn() };
  const remove = mountControlButton(container, {
    loadOpener,
    soon: (run) => {
      soon.run = run;
      return soon.cancel;
    },
  });
  removers.push(remove);
  const trigger = container.querySelector<HTMLButtonElement>('button.br-trigger')!;
  return { container, trigger, opener, attach, loads, loadOpener, soon, remove };
}

function trustedClick(target: HTMLElement) {
  const event = new MouseEvent('click', { bubbles: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

const settle = () => new Promise((done) => setTimeout(done, 0));

describe('the Desk page button, which loads the panel opener', () => {
  it('loads nothing in the task that puts the button in; then it loads, and a page script\u2019s click loads nothing', async () => {
    const { trigger, loadOpener, soon } = mount();
    expect(trigger.textContent).toBe('Remove badges');
    expect(loadOpener).not.toHaveBeenCalled();
    trigger.click();
    trigger.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle();
    expect(loadOpener).not.toHaveBeenCalled();
    soon.run();
    expect(loadOpener).toHaveBeenCalledTimes(1);
  });

  it.each([
    [
      'the pointer enters the button',
      (trigger: HTMLElement) => trigger.dispatchEvent(new PointerEvent('pointerenter')),
    ],
    ['the button gets focus', (trigger: HTMLElement) => trigger.focus()],
  ])(
    'loads the opener once when %s, attaches it to this button, and passes the approach on',
    async (_when, approach) => {
      const { trigger, opener, attach, loads, loadOpener, soon } = mount();
      approach(trigger);
      approach(trigger);
      soon.run();
      expect(loadOpener).toHaveBeenCalledTimes(1);
      loads[0]!.resolve(attach);
      await settle();
      expect(attach).toHaveBeenCalledExactlyOnceWith(trigger);
      expect(opener.approach).toHaveBeenCalled();
      // Once loaded, straight to the opener: the focus it gives back on closing is told apart from the admin's.
      vi.mocked(opener.approach).mockClear();
      trigger.dispatchEvent(new PointerEvent('pointerenter'));
      expect(opener.approach).toHaveBeenCalledTimes(1);
      trustedClick(trigger);
      expect(opener.toggle).toHaveBeenCalledTimes(1);
      expect(loadOpener).toHaveBeenCalledTimes(1);
    },
  );

  it('a trusted click before the opener loaded waits for it, then opens: once', async () => {
    const { trigger, opener, attach, loads } = mount();
    trustedClick(trigger);
    await settle();
    expect(opener.toggle).not.toHaveBeenCalled();
    loads[0]!.resolve(attach);
    await settle();
    expect(opener.toggle).toHaveBeenCalledTimes(1);
  });

  it('says why beside the button when the opener cannot load, and the next click tries again', async () => {
    const { container, trigger, opener, attach, loads, loadOpener } = mount();
    trustedClick(trigger);
    loads[0]!.reject(new Error('Extension context invalidated.'));
    await settle();
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Extension context invalidated.');
    expect(opener.toggle).not.toHaveBeenCalled();
    trustedClick(trigger);
    expect(container.querySelector('[role="alert"]')).toBeNull();
    expect(loadOpener).toHaveBeenCalledTimes(2);
    loads[1]!.resolve(attach);
    await settle();
    expect(opener.toggle).toHaveBeenCalledTimes(1);
  });

  it('one message however many clicks wait on a failed load; an opener that fails to attach is tried again too', async () => {
    const { container, trigger, opener, loads, loadOpener } = mount();
    trustedClick(trigger);
    trustedClick(trigger);
    loads[0]!.reject(new Error('Extension context invalidated.'));
    await settle();
    expect(container.querySelectorAll('[role="alert"]')).toHaveLength(1);
    // Loaded, but attaching throws (no opener to use): said the same way, and not kept.
    trustedClick(trigger);
    loads[1]!.resolve(() => {
      throw new Error('not an opener');
    });
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('not an opener');
    trustedClick(trigger);
    expect(loadOpener).toHaveBeenCalledTimes(3);
    loads[2]!.resolve(() => opener);
    await settle();
    expect(opener.toggle).toHaveBeenCalledTimes(1);
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('goes with the control: the load soon after called off, the opener removed, and one loading late never attaches', async () => {
    const loaded = mount();
    loaded.soon.run();
    loaded.loads[0]!.resolve(loaded.attach);
    await settle();
    loaded.remove();
    expect(loaded.soon.cancel).toHaveBeenCalled();
    expect(loaded.opener.remove).toHaveBeenCalled();
    expect(loaded.container.childElementCount).toBe(0);

    const late = mount();
    trustedClick(late.trigger);
    late.remove();
    late.loads[0]!.resolve(late.attach);
    await settle();
    expect(late.attach).not.toHaveBeenCalled();
    expect(late.opener.toggle).not.toHaveBeenCalled();
  });
});
