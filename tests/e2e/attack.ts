/** The page-script attack of tests/e2e/page-attack.spec.ts, shared with the specs for other Desk hosts. */
import type { BrowserContext, Page } from '@playwright/test';
import type { SandboxControl } from '../../sandbox/control-client';
import { expect } from './fixtures';

/** Runs in the page's own world, as any script of the Desk page could. */
export async function attack(page: Page, rounds = 5) {
  return page.evaluate(async (rounds) => {
    const reachable = (root: Document | ShadowRoot): Element[] => {
      const found: Element[] = [];
      for (const el of root.querySelectorAll('*')) {
        found.push(el);
        if (el.shadowRoot) found.push(...reachable(el.shadowRoot));
      }
      return found;
    };
    // controls: the extension's own buttons reached, so a test knows the attack touched more than the page's.
    const tried = { clicks: 0, controls: 0, frames: 0, runtime: 'unavailable' };
    for (let round = 0; round < rounds; round++) {
      // Dispatched events as well as click(): neither is the admin.
      for (const el of reachable(document))
        if (
          el instanceof HTMLButtonElement &&
          el.getAttribute('aria-expanded') === 'false' &&
          /^Remove badges$/.test(el.textContent?.trim() ?? '')
        ) {
          el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
          tried.controls++;
        }
      for (const el of reachable(document)) {
        if (!(el instanceof HTMLElement)) continue;
        if (el.matches('button, input, [role="button"], [role="checkbox"]')) {
          // A script that knows the panel: open it, keep every badge ticked, go forward, never back or away.
          if (el.getAttribute('aria-expanded') === 'true') continue;
          if (el instanceof HTMLInputElement && el.checked) continue;
          if (/^(select none|cancel|close|done)$/i.test(el.textContent?.trim() ?? '')) continue;
          el.click();
          tried.clicks++;
          continue;
        }
        if (el.matches('[tabindex], [role="dialog"]')) {
          for (const key of ['Enter', ' ']) {
            el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
            el.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
          }
        }
        if (el instanceof HTMLIFrameElement) {
          // Cross-origin: nothing inside is reachable; the page can only copy the frame or message it.
          tried.frames++;
          if (el.contentDocument) for (const b of el.contentDocument.querySelectorAll('button')) b.click();
          el.contentWindow?.postMessage({ badgeRemoverPanel: { action: 'ready' } }, '*');
          // Copies the extension's frames, not its own copies: copying those too doubles the frames each round.
          if (el.dataset.attackCopy !== undefined) continue;
          const copy = document.createElement('iframe');
          copy.dataset.attackCopy = '';
          copy.src = el.src;
          document.body.append(copy);
        }
      }
      // Pretend to be the panel frame telling the control to do things.
      window.postMessage({ badgeRemoverPanel: { action: 'close' } }, '*');
      // The extension's messaging is not exposed to web pages.
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      if (typeof runtime?.sendMessage === 'function') tried.runtime = 'exposed';
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    return tried;
  }, rounds);
}

export async function expectNothingChanged(
  control: SandboxControl,
  before: Awaited<ReturnType<SandboxControl['getState']>>,
) {
  const writes = (await control.requests({ face: 'desk-api' })).filter((r) => r.method !== 'GET');
  expect(writes).toEqual([]);
  const after = await control.getState();
  expect(after.data.users.map((u) => u.badgeIds)).toEqual(before.data.users.map((u) => u.badgeIds));
}

/**
 * Runs `expression` (an async function's body) in the extension's content-script world of `page`: what a
 * compromised Desk renderer can run, reached through DevTools. Its result comes back as JSON.
 */
export async function inContentScriptWorld(context: BrowserContext, page: Page, body: string): Promise<unknown> {
  const cdp = await context.newCDPSession(page);
  const worlds: { id: number; name: string; auxData?: { type?: string; frameId?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => worlds.push(c));
  await cdp.send('Runtime.enable');
  const world = await expect
    .poll(() => worlds.filter((w) => w.auxData?.type === 'isolated' && w.name === 'Badge Remover for Zoho Desk').at(-1))
    .toBeDefined()
    .then(
      () => worlds.filter((w) => w.auxData?.type === 'isolated' && w.name === 'Badge Remover for Zoho Desk').at(-1)!,
    );
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
    expression: `(async () => { ${body} })()`,
  });
  await cdp.detach();
  if (exceptionDetails) throw new Error(`in the content-script world: ${exceptionDetails.text}`);
  return result.value;
}
