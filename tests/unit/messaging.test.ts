import { describe, expect, it } from 'vitest';
import { classifySender, dispatch, type Handlers } from '../../utils/messaging';

const RUNTIME_ID = 'cjheecimhjkgjkobijngojplcehhnajo';
const EXT_ORIGIN = `chrome-extension://${RUNTIME_ID}`;

describe('classifySender', () => {
  const cases: [string, Parameters<typeof classifySender>[0], string | null][] = [
    ['options page', { id: RUNTIME_ID, origin: EXT_ORIGIN }, 'extension-page'],
    ['popup opened in a tab', { id: RUNTIME_ID, origin: EXT_ORIGIN, tab: { id: 3 }, frameId: 0 }, 'extension-page'],
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
  const handlers = new Proxy({} as Handlers, {
    get: (_t, type) => async (input: unknown) => {
      calls.push({ type, input });
      return 'done';
    },
  });
  const page = { id: RUNTIME_ID, origin: EXT_ORIGIN };
  const desk = { id: RUNTIME_ID, origin: 'https://desk.zoho.com', tab: { id: 1 }, frameId: 0 };

  it('runs a valid request from an allowed sender', async () => {
    const reply = await dispatch(
      handlers,
      { type: 'removeBadges', input: { userId: '1', badgeIds: ['2', '3'] } },
      desk,
      RUNTIME_ID,
      EXT_ORIGIN,
    );
    expect(reply).toEqual({ ok: true, value: 'done' });
  });

  it.each([
    ['unknown type', { type: 'getToken', input: {} }, desk],
    ['prototype key', { type: 'constructor', input: {} }, page],
    ['not an object', 'removeBadges', desk],
    ['content script asking to connect', { type: 'connect', input: {} }, desk],
    ['empty badge list', { type: 'removeBadges', input: { userId: '1', badgeIds: [] } }, desk],
    ['repeated badge', { type: 'removeBadges', input: { userId: '1', badgeIds: ['2', '2'] } }, desk],
    ['non-numeric user', { type: 'removeBadges', input: { userId: '../labels', badgeIds: ['2'] } }, desk],
    ['unknown sender', { type: 'getStatus', input: {} }, { id: 'other', origin: EXT_ORIGIN }],
  ])('refuses %s without calling a handler', async (_name, message, sender) => {
    calls.length = 0;
    const reply = await dispatch(handlers, message, sender, RUNTIME_ID, EXT_ORIGIN);
    expect(reply.ok).toBe(false);
    expect(calls).toEqual([]);
  });
});
