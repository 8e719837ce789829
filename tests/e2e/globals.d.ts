// Code passed to serviceWorker.evaluate() runs inside the extension, where `chrome` exists.
declare const chrome: typeof import('wxt/browser').browser;
