import { describe, expect, it } from 'vitest';
import { registeredDeskAddresses } from '../../../utils/page/desk-addresses';
import { ADDRESS_POLL_MS, followPage, type PageWindow } from '../../../utils/page/page-life';

const START = 'https://desk.zoho.com/agent/zylker/setup#users/1';

/** A window with or without the Navigation API, its events fired by hand and its interval run by `tick`. */
function fakeWindow(withNavigation: boolean) {
  const listeners = new Map<string, ((event: Event) => void)[]>();
  const listen = (type: string, listener: (event: Event) => void, options?: AddEventListenerOptions) => {
    listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    options?.signal?.addEventListener('abort', () =>
      listeners.set(
        type,
        (listeners.get(type) ?? []).filter((l) => l !== listener),
      ),
    );
  };
  const intervals = new Map<number, { handler: () => void; ms: number }>();
  let nextId = 1;
  const win: PageWindow = {
    location: { href: START },
    addEventListener: listen,
    setInterval: (handler, ms) => {
      intervals.set(nextId, { handler, ms });
      return nextId++;
    },
    clearInterval: (id) => void intervals.delete(id),
    ...(withNavigation ? { navigation: { addEventListener: listen } } : {}),
  };
  const fire = (type: string, fields: Record<string, unknown>) => {
    const event = { type, isTrusted: true, ...fields } as unknown as Event;
    for (const listener of listeners.get(type) ?? []) listener(event);
  };
  const tick = () => {
    for (const { handler } of intervals.values()) handler();
  };
  return { win, fire, tick, intervals, listeners };
}

function follow(withNavigation: boolean) {
  const fake = fakeWindow(withNavigation);
  let runtime: string | undefined = 'cjheecimhjkgjkobijngojplcehhnajo';
  const seen: string[] = [];
  const life = followPage(
    fake.win,
    () => runtime,
    (url) => seen.push(url),
  );
  return { ...fake, life, seen, orphan: () => (runtime = undefined) };
}

describe('followPage, with the Navigation API', () => {
  it("tells each new address the browser navigates to, once, and no page script's own event", () => {
    const { fire, seen } = follow(true);
    fire('navigate', { destination: { url: START } });
    fire('navigate', { destination: { url: `${START}/2` } });
    fire('navigate', { destination: { url: `${START}/2` } });
    fire('navigate', { isTrusted: false, destination: { url: `${START}/3` } });
    fire('navigate', {});
    expect(seen).toEqual([`${START}/2`]);
  });

  it('comes back to the real address when the page cancels a navigation or turns it elsewhere', () => {
    const { win, fire, seen } = follow(true);
    fire('navigate', { destination: { url: `${START}/2` } });
    fire('navigateerror', {});
    win.location.href = `${START}/4`;
    fire('navigatesuccess', { isTrusted: false });
    fire('navigatesuccess', {});
    expect(seen).toEqual([`${START}/2`, START, `${START}/4`]);
  });

  it('ends when the extension is reloaded or updated, and tells nothing after', () => {
    const { fire, seen, life, orphan, listeners } = follow(true);
    orphan();
    fire('navigate', { destination: { url: `${START}/2` } });
    expect(life.signal.aborted).toBe(true);
    expect(seen).toEqual([]);
    expect(listeners.get('navigate')).toEqual([]);
  });
});

describe('followPage, without it', () => {
  it('compares the address on hash changes, history moves and each poll (pushState fires nothing)', () => {
    const { win, fire, tick, seen, intervals } = follow(false);
    expect([...intervals.values()].map((i) => i.ms)).toEqual([ADDRESS_POLL_MS]);
    win.location.href = `${START}/2`;
    fire('hashchange', {});
    win.location.href = `${START}/3`;
    fire('popstate', { isTrusted: false });
    tick();
    tick();
    expect(seen).toEqual([`${START}/2`, `${START}/3`]);
  });

  it('stops polling when stopped or orphaned', () => {
    const stopped = follow(false);
    stopped.life.stop();
    expect(stopped.intervals.size).toBe(0);
    const orphaned = follow(false);
    orphaned.orphan();
    orphaned.win.location.href = `${START}/2`;
    orphaned.tick();
    expect(orphaned.life.signal.aborted).toBe(true);
    expect(orphaned.intervals.size).toBe(0);
    expect(orphaned.seen).toEqual([]);
  });
});

describe('registeredDeskAddresses', () => {
  it("names the Desk address scripts among the browser's, each current only with today's files, in order", () => {
    const today = ['desk-panel-opener.js', 'desk-page.js'];
    const scripts = [
      { id: 'desk-address:https://support.zylker.example', js: ['content-scripts/desk-page.js'] },
      // The build before the panel opener had a script of its own.
      { id: 'desk-address:https://old.zylker.example', js: ['desk-page.js'] },
      { id: 'desk-address:https://turned.zylker.example', js: ['desk-page.js', 'desk-panel-opener.js'] },
      { id: 'desk-address:https://help.zylker.example', js: today },
      { id: 'someone-else', js: today },
    ];
    expect(registeredDeskAddresses(scripts, today)).toEqual([
      { origin: 'https://support.zylker.example', current: false },
      { origin: 'https://old.zylker.example', current: false },
      { origin: 'https://turned.zylker.example', current: false },
      { origin: 'https://help.zylker.example', current: true },
    ]);
  });
});
