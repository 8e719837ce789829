import { describe, expect, it } from 'vitest';
import { classifySender, dispatch, type Handlers } from '../../../utils/platform/dispatch';
import { requests } from '../../../utils/requests';

const RUNTIME_ID = 'cjheecimhjkgjkobijngojplcehhnajo';
const EXT_ORIGIN = `chrome-extension://${RUNTIME_ID}`;

describe('classifySender', () => {
  const cases: [string, Parameters<typeof classifySender>[0], string | null][] = [
    ['options page', { id: RUNTIME_ID, origin: EXT_ORIGIN }, 'extension-page'],
    [
      'popup opened in a tab',
      { id: RUNTIME_ID, origin: EXT_ORIGIN, url: `${EXT_ORIGIN}/popup.html`, tab: { id: 3 }, frameId: 0 },
      'extension-page',
    ],
    [
      'the removal panel framed in a Desk tab',
      { id: RUNTIME_ID, origin: EXT_ORIGIN, url: `${EXT_ORIGIN}/removal-panel.html#p-1`, tab: { id: 3 }, frameId: 4 },
      'panel',
    ],
    [
      'the removal panel in a window of its own',
      { id: RUNTIME_ID, origin: EXT_ORIGIN, url: `${EXT_ORIGIN}/removal-panel.html#p-1`, tab: { id: 8 }, frameId: 0 },
      'panel',
    ],
    [
      'the removal panel with no panel id',
      { id: RUNTIME_ID, origin: EXT_ORIGIN, url: `${EXT_ORIGIN}/removal-panel.html`, tab: { id: 3 }, frameId: 4 },
      null,
    ],
    [
      'another page of ours, framed',
      { id: RUNTIME_ID, origin: EXT_ORIGIN, url: `${EXT_ORIGIN}/options.html`, tab: { id: 3 }, frameId: 4 },
      null,
    ],
    [
      'a page of ours in a tab, with no address',
      { id: RUNTIME_ID, origin: EXT_ORIGIN, tab: { id: 3 }, frameId: 0 },
      null,
    ],
    [
      'Desk top frame',
      { id: RUNTIME_ID, origin: 'https://desk.zoho.eu', tab: { id: 1 }, frameId: 0 },
      'content-script',
    ],
    [
      'Firefox without origin',
      { id: RUNTIME_ID, url: 'https://desk.zoho.com/agent/x', tab: { id: 1 }, frameId: 0 },
      'content-script',
    ],
    [
      "a portal's zohodesk address",
      { id: RUNTIME_ID, origin: 'https://zylker.zohodesk.com', tab: { id: 1 }, frameId: 0 },
      'content-script',
    ],
    [
      'a look-alike zohodesk host',
      { id: RUNTIME_ID, origin: 'https://zylker.zohodesk.com.evil.test', tab: { id: 1 }, frameId: 0 },
      null,
    ],
    ['Desk sub-frame', { id: RUNTIME_ID, origin: 'https://desk.zoho.com', tab: { id: 1 }, frameId: 4 }, null],
    ['another extension', { id: 'abc', origin: EXT_ORIGIN }, null],
    [
      'look-alike host',
      { id: RUNTIME_ID, origin: 'https://desk.zoho.com.evil.test', tab: { id: 1 }, frameId: 0 },
      null,
    ],
    ['accounts host', { id: RUNTIME_ID, origin: 'https://accounts.zoho.com', tab: { id: 1 }, frameId: 0 }, null],
    ['plain http Desk', { id: RUNTIME_ID, origin: 'http://desk.zoho.com', tab: { id: 1 }, frameId: 0 }, null],
    ['no origin, no url', { id: RUNTIME_ID, tab: { id: 1 }, frameId: 0 }, null],
  ];
  it.each(cases)('%s', (_name, sender, expected) => {
    expect(classifySender(sender, RUNTIME_ID, EXT_ORIGIN)?.kind ?? null).toBe(expected);
  });
});

describe('dispatch', () => {
  const calls: unknown[] = [];
  const handlers = new Proxy({} as Handlers<typeof requests>, {
    get: (_t, type) => async (input: unknown) => {
      calls.push({ type, input });
      return 'done';
    },
  });
  const page = { id: RUNTIME_ID, origin: EXT_ORIGIN };
  const desk = { id: RUNTIME_ID, origin: 'https://desk.zoho.com', tab: { id: 1 }, frameId: 0 };

  it('runs a valid request from an allowed sender', async () => {
    calls.length = 0;
    const reply = await dispatch(
      requests,
      handlers,
      { type: 'removeBadges', input: { userId: '1', badgeIds: ['2', '3'] } },
      page,
      RUNTIME_ID,
      EXT_ORIGIN,
    );
    expect(reply).toEqual({ ok: true, value: 'done' });
    // The handler ran once, with the checked input and nothing else.
    expect(calls).toEqual([{ type: 'removeBadges', input: { userId: '1', badgeIds: ['2', '3'] } }]);
  });

  it("accepts a content script on the organization's own Desk address only once it is registered", () => {
    const own = { id: RUNTIME_ID, origin: 'https://support.zylker.example', tab: { id: 2 }, frameId: 0 };
    expect(classifySender(own, RUNTIME_ID, EXT_ORIGIN)).toBeNull();
    expect(classifySender(own, RUNTIME_ID, EXT_ORIGIN, ['https://support.zylker.example'])?.kind).toBe(
      'content-script',
    );
    expect(classifySender(own, RUNTIME_ID, EXT_ORIGIN, ['https://other.example'])).toBeNull();
  });

  it('the removal panel is a sender of its own, with its panel id and tab', () => {
    const frame = {
      id: RUNTIME_ID,
      origin: EXT_ORIGIN,
      url: `${EXT_ORIGIN}/removal-panel.html#p-7`,
      tab: { id: 9 },
      frameId: 3,
    };
    expect(classifySender(frame, RUNTIME_ID, EXT_ORIGIN)).toEqual({ kind: 'panel', panelId: 'p-7', tabId: 9 });
  });

  it('lets the panel read and remove (for its own target, checked by the handlers), and nothing else', () => {
    const allowed = Object.entries(requests)
      .filter(([, spec]) => (spec.from as readonly string[]).includes('panel'))
      .map(([type]) => type)
      .sort();
    expect(allowed).toEqual([
      'getContactUsers',
      'getPanelContext',
      'getStatus',
      'getUserBadges',
      'openOptions',
      'removeBadges',
    ]);
  });

  // What a Desk page's scripts could reach through the content script: nothing that changes anything.
  it.each([
    ['removeBadges', { userId: '1', badgeIds: ['2'] }],
    ['undoRemoval', { auditId: 'a-1' }],
    ['getUserBadges', { userId: '1' }],
    ['getContactUsers', { contactId: '1' }],
    ['getStatus', {}],
    ['openOptions', {}],
    ['saveSettings', { clientId: '1000.X' }],
    ['startBulk', { items: [{ userId: '1', badgeIds: ['2'] }] }],
    ['controlBulk', { action: 'resume' }],
    ['getPanelContext', { panelId: 'abcdefghijklmnopq' }],
  ])('refuses %s from a content script, without running it', async (type, input) => {
    calls.length = 0;
    const reply = await dispatch(requests, handlers, { type, input }, desk, RUNTIME_ID, EXT_ORIGIN);
    expect(reply).toMatchObject({ ok: false, error: { message: 'This request is not allowed from here.' } });
    expect(calls).toEqual([]);
  });

  it('over a port, serves extension pages and the panel, and no Desk page (its sender would be stale)', async () => {
    calls.length = 0;
    const panel = { ...page, url: `${EXT_ORIGIN}/removal-panel.html#p-1`, tab: { id: 1 }, frameId: 3 };
    const identify = { type: 'identifyUser', input: { userId: '1' } };
    const overPort = (message: object, sender: object) =>
      dispatch(requests, handlers, message, sender, RUNTIME_ID, EXT_ORIGIN, [], true);
    expect(await overPort(identify, desk)).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
    expect(await dispatch(requests, handlers, identify, desk, RUNTIME_ID, EXT_ORIGIN)).toMatchObject({ ok: true });
    expect(await overPort({ type: 'getStatus', input: {} }, panel)).toMatchObject({ ok: true });
    expect(await overPort(identify, page)).toMatchObject({ ok: true });
  });

  it('lets a content script only open the panel (or load its frame ahead), find the user it shows, read its page settings and move the control', async () => {
    const allowed = Object.entries(requests)
      .filter(([, spec]) => (spec.from as readonly string[]).includes('content-script'))
      .map(([type]) => type)
      .sort();
    expect(allowed).toEqual([
      'getPageConfig',
      'identifyByEmail',
      'identifyUser',
      'openPanel',
      'preloadPanel',
      'saveCorner',
    ]);
  });

  it.each([
    ['unknown type', { type: 'getToken', input: {} }, desk],
    ['prototype key', { type: 'constructor', input: {} }, page],
    ['not an object', 'removeBadges', desk],
    ['content script asking to connect', { type: 'connect', input: {} }, desk],
    ['unknown sender', { type: 'getStatus', input: {} }, { id: 'other', origin: EXT_ORIGIN }],
  ])('refuses %s without calling a handler', async (_name, message, sender) => {
    calls.length = 0;
    const reply = await dispatch(requests, handlers, message, sender, RUNTIME_ID, EXT_ORIGIN);
    expect(reply.ok).toBe(false);
    expect(calls).toEqual([]);
  });

  // From a sender the check allows, so that each case reaches the schema: without its rule, it would run.
  it.each([
    ['an empty badge list', { userId: '1', badgeIds: [] }],
    ['a repeated badge', { userId: '1', badgeIds: ['2', '2'] }],
    ['a non-numeric user', { userId: '../labels', badgeIds: ['2'] }],
    ['a non-numeric badge', { userId: '1', badgeIds: ['2/../x'] }],
  ])('refuses %s by its schema, without calling a handler', async (_name, input) => {
    calls.length = 0;
    const reply = await dispatch(requests, handlers, { type: 'removeBadges', input }, page, RUNTIME_ID, EXT_ORIGIN);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid-request', message: /^Invalid request: / } });
    expect(calls).toEqual([]);
  });
});
