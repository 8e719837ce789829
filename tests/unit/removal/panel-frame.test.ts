import { describe, expect, it } from 'vitest';
import { PANEL_MESSAGE, panelMessage } from '../../../utils/removal/panel-frame';

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
