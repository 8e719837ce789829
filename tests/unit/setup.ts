import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetRememberedValues } from '../../utils/platform/remembered-item';

// Every case starts from empty storage, and the worker's memory of stored values matches it.
beforeEach(() => {
  fakeBrowser.reset();
  forgetRememberedValues();
});
