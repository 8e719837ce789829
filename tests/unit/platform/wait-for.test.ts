// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { waitFor } from '../../../utils/platform/wait-for';

describe('waitFor', () => {
  it('resolves at once when the element is there', async () => {
    document.body.innerHTML = '<main><h1>Carol</h1></main>';
    const h1 = await waitFor(() => document.querySelector('h1'), new AbortController().signal);
    expect(h1.textContent).toBe('Carol');
  });

  it('resolves when the element appears later', async () => {
    document.body.innerHTML = '<main></main>';
    const waiting = waitFor(() => document.querySelector('main h1'), new AbortController().signal);
    document.querySelector('main')!.innerHTML = '<h1>Later</h1>';
    expect((await waiting).textContent).toBe('Later');
  });

  it('rejects and stops watching when aborted', async () => {
    document.body.innerHTML = '';
    const controller = new AbortController();
    let calls = 0;
    const waiting = waitFor(() => {
      calls++;
      return document.querySelector('h1');
    }, controller.signal);
    controller.abort(new Error('left the page'));
    await expect(waiting).rejects.toThrow('left the page');
    const before = calls;
    document.body.innerHTML = '<h1>too late</h1>';
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(before);
  });
});
