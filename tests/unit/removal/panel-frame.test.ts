import { describe, expect, it, vi } from 'vitest';
import { ZohoError } from '../../../utils/platform/errors';
import {
  askOnceClaimed,
  claimsFrom,
  coarseHeight,
  PANEL_CLAIMED,
  PANEL_MESSAGE,
  PANEL_NOT_OPENED,
  type PanelChoices,
  panelChoicesStore,
  panelMessage,
  panelPlace,
} from '../../../utils/removal/panel-frame';

const EXTENSION = 'chrome-extension://cjheecimhjkgjkobijngojplcehhnajo';
const frameWindow = {} as Window;
const frame = { contentWindow: frameWindow } as HTMLIFrameElement;
const event = (data: unknown, source: unknown = frameWindow, origin = EXTENSION) =>
  ({ data, source, origin }) as MessageEvent;

describe("the panel frame's messages to the control", () => {
  it('takes ready, close and a size from exactly its frame, on the extension origin', () => {
    expect(panelMessage(event({ [PANEL_MESSAGE]: { action: 'ready' } }), frame, EXTENSION)).toEqual({
      action: 'ready',
    });
    expect(panelMessage(event({ [PANEL_MESSAGE]: { action: 'close' } }), frame, EXTENSION)).toEqual({
      action: 'close',
    });
    expect(panelMessage(event({ [PANEL_MESSAGE]: { action: 'size', height: 300 } }), frame, EXTENSION)).toEqual({
      action: 'size',
      height: 300,
    });
  });

  it("ignores the page's own messages, other frames, other origins and other shapes", () => {
    const close = { [PANEL_MESSAGE]: { action: 'close' } };
    const pageWindow = {};
    expect(panelMessage(event(close, pageWindow), frame, EXTENSION)).toBeNull();
    expect(panelMessage(event(close, {}), frame, EXTENSION)).toBeNull();
    expect(panelMessage(event(close, frameWindow, 'https://desk.zoho.com'), frame, EXTENSION)).toBeNull();
    expect(panelMessage(event({ [PANEL_MESSAGE]: { action: 'remove' } }), frame, EXTENSION)).toBeNull();
    expect(panelMessage(event({ [PANEL_MESSAGE]: { action: 'size', height: 'big' } }), frame, EXTENSION)).toBeNull();
    expect(panelMessage(event(null), frame, EXTENSION)).toBeNull();
  });
});

describe('a frame loaded ahead of the click: it asks again only once told of the claim, and the worker decides', () => {
  const DESK = 'https://desk.zoho.com';
  const parent = {} as Window;
  /** The frame's window as the claims hear it: messages are handed to its one listener. */
  function frameWindowWithClaims() {
    let listener: (event: MessageEvent) => void = () => {};
    const target = {
      addEventListener: (_type: string, on: (event: MessageEvent) => void) => {
        listener = on;
      },
    } as unknown as Window;
    const claims = claimsFrom(target, parent, DESK);
    return {
      claims,
      post: (data: unknown, source: unknown = parent, origin = DESK) => listener(event(data, source, origin)),
    };
  }
  const notOpened = () =>
    new ZohoError({
      kind: 'invalid-request',
      errorCode: PANEL_NOT_OPENED,
      message: 'This panel has not been opened yet.',
    });
  const settle = () => new Promise((done) => setTimeout(done, 0));

  it('stays refused and asks nothing more until its parent says a click claimed it; then it has its context', async () => {
    const { claims, post } = frameWindowWithClaims();
    let opened = false;
    const ask = vi.fn(async () => {
      if (!opened) throw notOpened();
      return { kind: 'user', target: { userId: '42' } };
    });
    const context = askOnceClaimed(claims, ask);
    await settle();
    expect(ask).toHaveBeenCalledTimes(1);
    // The page's own messages, another window's, another origin's, another shape: no claim, no second ask.
    post(PANEL_CLAIMED, {} as Window);
    post(PANEL_CLAIMED, parent, 'https://evil.example');
    post({ [PANEL_MESSAGE]: { action: 'ready' } });
    post({ claimed: true });
    await settle();
    expect(ask).toHaveBeenCalledTimes(1);
    // A page script in the Desk page can post the claim too: the worker still refuses, and the frame waits on.
    post(PANEL_CLAIMED);
    await settle();
    expect(ask).toHaveBeenCalledTimes(2);
    // The click registered the frame's panel, then its control told it.
    opened = true;
    post(PANEL_CLAIMED);
    await expect(context).resolves.toEqual({ kind: 'user', target: { userId: '42' } });
    expect(ask).toHaveBeenCalledTimes(3);
  });

  it('asks again at once when the claim came while its first ask was on its way', async () => {
    const { claims, post } = frameWindowWithClaims();
    const ask = vi
      .fn<() => Promise<string>>()
      .mockImplementationOnce(async () => {
        post(PANEL_CLAIMED);
        throw notOpened();
      })
      .mockResolvedValue('context');
    await expect(askOnceClaimed(claims, ask)).resolves.toBe('context');
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it("takes any other refusal as the answer (a panel no longer valid, another page's)", async () => {
    const { claims } = frameWindowWithClaims();
    const refusal = new ZohoError({ kind: 'invalid-request', message: 'This panel is no longer valid.' });
    await expect(askOnceClaimed(claims, async () => Promise.reject(refusal))).rejects.toBe(refusal);
  });
});

describe("the frame's height, as told to the page", () => {
  it('is rounded up to coarse steps, so steps of about the same size tell the page nothing', () => {
    const heights = [0, 1, 159, 160, 161, 287, 301, 479, 481].map(coarseHeight);
    expect(heights).toEqual([160, 160, 160, 160, 320, 320, 320, 480, 640]);
  });
});

describe("a panel's choices, kept for its frame", () => {
  const memory = () => {
    const items = new Map<string, string>();
    return {
      items,
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
    };
  };
  const choices: PanelChoices = { userId: '42', helpCenterId: '7', step: 'preview', selected: ['11', '13'] };

  it('reads back what the panel wrote, per panel, until cleared', () => {
    const storage = memory();
    const store = panelChoicesStore(storage, 'abc');
    expect(store.read()).toBeNull();
    store.write(choices);
    expect(store.read()).toEqual(choices);
    expect(panelChoicesStore(storage, 'other').read()).toBeNull();
    store.clear();
    expect(store.read()).toBeNull();
  });

  it('reads anything else as nothing, and a storage the browser refuses as nothing kept', () => {
    const storage = memory();
    const store = panelChoicesStore(storage, 'abc');
    for (const stored of [
      '{',
      '42',
      JSON.stringify({ ...choices, step: 'running' }),
      JSON.stringify({ ...choices, selected: [11] }),
      JSON.stringify({ ...choices, report: { results: 'all' } }),
    ]) {
      storage.items.set('panelChoices:abc', stored);
      expect(store.read()).toBeNull();
    }
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    const none = panelChoicesStore(refusing, 'abc');
    expect(() => none.write(choices)).not.toThrow();
    expect(none.read()).toBeNull();
    expect(panelChoicesStore(null, 'abc').read()).toBeNull();
  });
});

describe('panelPlace: where the panel page may show', () => {
  const isDesk = (origin: string) => ['https://desk.zoho.com', 'https://zylker.zohodesk.com'].includes(origin);
  it.each([
    ['a window of its own', { top: true, referrer: '' }, { window: true }],
    [
      'framed by Desk, nothing above',
      { top: false, ancestorOrigins: ['https://desk.zoho.com'], referrer: '' },
      { framedBy: 'https://desk.zoho.com' },
    ],
    [
      'framed by Desk inside a Desk portal page',
      { top: false, ancestorOrigins: ['https://desk.zoho.com', 'https://zylker.zohodesk.com'], referrer: '' },
      { framedBy: 'https://desk.zoho.com' },
    ],
    [
      'framed by Desk, itself framed by another site',
      { top: false, ancestorOrigins: ['https://desk.zoho.com', 'https://evil.example'], referrer: '' },
      null,
    ],
    ['framed by another site', { top: false, ancestorOrigins: ['https://evil.example'], referrer: '' }, null],
    [
      'framed, but no ancestor listed',
      { top: false, ancestorOrigins: [], referrer: 'https://desk.zoho.com/agent/x' },
      null,
    ],
    [
      'Firefox: no ancestor list, a Desk referrer',
      { top: false, referrer: 'https://desk.zoho.com/agent/zylker/x' },
      { framedBy: 'https://desk.zoho.com' },
    ],
    ['Firefox: another site as referrer', { top: false, referrer: 'https://evil.example/' }, null],
    ['Firefox: no referrer at all', { top: false, referrer: '' }, null],
  ] as const)('%s', (_name, place, expected) => {
    expect(panelPlace(place, isDesk)).toEqual(expected);
  });
});
