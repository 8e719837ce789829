import { describe, expect, it } from 'vitest';
import { classifySender } from '../../../utils/platform/dispatch';
import {
  extensionOrigin,
  optionsLinkOf,
  optionsPageUrl,
  panelIdOf,
  panelPageUrl,
} from '../../../utils/platform/extension-pages';

const runtimeAt = (base: string) => ({ getURL: (path: string) => new URL(path, base).href });

describe.each([
  'chrome-extension://cjheecimhjkgjkobijngojplcehhnajo/',
  'moz-extension://2d1f6a9e-5c1b-4a7e-9a43-0b8f3c2e1d70/',
])('the extension at %s', (base) => {
  const runtime = runtimeAt(base);

  it('has the origin a message from its pages shows: no trailing slash, no path', () => {
    expect(extensionOrigin(runtime)).toBe(base.slice(0, -1));
  });

  it("gives the panel page an address whose panel id the page reads back, whatever the id's characters", () => {
    for (const panelId of ['b0c5e6f2-1d2a-4e8b-9c3d-5e6f7a8b9c0d', 'A_z-9']) {
      const url = panelPageUrl(runtime, panelId);
      expect(url).toBe(`${base}removal-panel.html#${panelId}`);
      expect(panelIdOf(url)).toBe(panelId);
    }
  });

  it('gives the options page an address for each link, which the page reads back exactly', () => {
    expect(optionsPageUrl(runtime)).toBe(`${base}options.html`);
    expect(optionsPageUrl(runtime, { reconnect: true })).toBe(`${base}options.html#reconnect=`);
    expect(optionsLinkOf(optionsPageUrl(runtime, { pasteCode: true }))).toEqual({ reconnect: false, pasteCode: true });
    // A pattern line carries what a hash or a query would split on.
    const addPattern = 'https://support.zylker.example/agent/{org}/users/{id}#tab=a&b c+d%20';
    expect(optionsLinkOf(optionsPageUrl(runtime, { addPattern }))).toEqual({
      reconnect: false,
      pasteCode: false,
      addPattern,
    });
    const addAddress = 'https://support.zylker.example';
    expect(optionsLinkOf(optionsPageUrl(runtime, { addAddress })).addAddress).toBe(addAddress);
    expect(optionsLinkOf(`${base}options.html`)).toEqual({ reconnect: false, pasteCode: false });
  });

  it("is the origin the worker knows its own pages by, and the panel frame's address names its panel to it", () => {
    const panelId = 'b0c5e6f2-1d2a-4e8b-9c3d-5e6f7a8b9c0d';
    const url = panelPageUrl(runtime, panelId);
    const frame = { id: 'runtime-id', url, tab: { id: 5 }, frameId: 3 };
    const expected = { kind: 'panel', panelId, tabId: 5 };
    expect(
      classifySender({ ...frame, origin: extensionOrigin(runtime) }, 'runtime-id', extensionOrigin(runtime)),
    ).toEqual(expected);
    // Firefox before 126 gives no origin: the address's stands for it.
    expect(classifySender(frame, 'runtime-id', extensionOrigin(runtime))).toEqual(expected);
  });
});
