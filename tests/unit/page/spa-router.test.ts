import { describe, expect, it } from 'vitest';
import { createSpaRouter } from '../../../utils/page/spa-router';

function setup() {
  const mounts: { page: string; signal: AbortSignal }[] = [];
  const router = createSpaRouter<string>({
    detect: (url) => /\/users\/(\d+)/.exec(url)?.[1] ?? null,
    key: (id) => id,
    mount: (page, signal) => {
      mounts.push({ page, signal });
    },
  });
  const live = () => mounts.filter((m) => !m.signal.aborted).map((m) => m.page);
  return { router, mounts, live, flush: () => new Promise((r) => setTimeout(r, 0)) };
}

describe('createSpaRouter', () => {
  it('mounts on a matching page and nowhere else', async () => {
    const { router, mounts, flush } = setup();
    router.navigate('https://desk.zoho.com/agent/x/tickets');
    router.navigate('https://desk.zoho.com/agent/x/setup#users');
    await flush();
    expect(mounts).toEqual([]);
  });

  it('re-targets on navigation to another user, leaving exactly one live mount', async () => {
    const { router, live, mounts, flush } = setup();
    router.navigate('https://desk.zoho.com/#/users/1');
    await flush();
    router.navigate('https://desk.zoho.com/#/users/2');
    await flush();
    expect(live()).toEqual(['2']);
    expect(mounts[0]?.signal.aborted).toBe(true);
  });

  it('keeps the mount when the URL changes but the page does not', async () => {
    const { router, mounts, flush } = setup();
    router.navigate('https://desk.zoho.com/#/users/1');
    router.navigate('https://desk.zoho.com/#/users/1?tab=badges');
    await flush();
    expect(mounts).toHaveLength(1);
  });

  it('tears down when leaving user pages, and on stop', async () => {
    const { router, live, flush } = setup();
    router.navigate('https://desk.zoho.com/#/users/1');
    router.navigate('https://desk.zoho.com/#/tickets');
    await flush();
    expect(live()).toEqual([]);
    router.navigate('https://desk.zoho.com/#/users/3');
    await flush();
    router.stop();
    router.navigate('https://desk.zoho.com/#/users/4');
    await flush();
    expect(live()).toEqual([]);
  });

  it('does not report errors from a mount that was already torn down', async () => {
    const errors: unknown[] = [];
    const router = createSpaRouter<string>({
      detect: (url) => url,
      key: (u) => u,
      mount: async (_p, signal) => {
        await new Promise((r) => setTimeout(r, 5));
        if (signal.aborted) throw new Error('aborted');
        throw new Error('real failure');
      },
      onError: (e) => errors.push(e),
    });
    router.navigate('a');
    router.navigate('b');
    await new Promise((r) => setTimeout(r, 20));
    expect(errors.map((e) => (e as Error).message)).toEqual(['real failure']);
  });
});
