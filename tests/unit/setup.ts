import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { speak } from '../../scripts/locale-files';
import { forgetRememberedValues } from '../../utils/platform/remembered-item';
import { forgetTrustedArea } from '../../utils/platform/trusted-storage';

// Every case starts from empty storage, and the worker's memory of stored values matches it. Storage is Chrome's:
// storage.local, closable to content scripts (Firefox's IndexedDB area has tests of its own).
beforeEach(() => {
  fakeBrowser.reset();
  const local = fakeBrowser.storage.local as unknown as { setAccessLevel?: () => Promise<void> };
  local.setAccessLevel ??= async () => {};
  forgetRememberedValues();
  forgetTrustedArea();
  // The fake browser has no i18n of its own: it reads the real English messages (a test may switch: `speak`).
  speak(fakeBrowser.i18n, 'en');
});
