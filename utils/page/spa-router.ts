/**
 * Follows a single-page app's in-page navigation: one mount per detected page, torn down (through
 * its AbortSignal) when the URL leads elsewhere. Navigation within the same page keeps the mount.
 */
export interface SpaRouter {
  /** Call with every new URL (initial load, hash change, pushState...). */
  navigate(url: string): void;
  /** Tears down the current mount and ignores later navigation. */
  stop(): void;
}

export function createSpaRouter<P>(options: {
  detect: (url: string) => P | null;
  /** Identity of a page: the same key means the same target, so no remount. */
  key: (page: P) => string;
  mount: (page: P, signal: AbortSignal) => void | Promise<void>;
  onError?: (error: unknown) => void;
}): SpaRouter {
  let current: { key: string; controller: AbortController } | null = null;
  let stopped = false;

  const teardown = () => {
    current?.controller.abort();
    current = null;
  };

  return {
    navigate(url) {
      if (stopped) return;
      const page = options.detect(url);
      const key = page === null ? null : options.key(page);
      if (key === (current?.key ?? null)) return;
      teardown();
      if (page === null || key === null) return;
      const controller = new AbortController();
      current = { key, controller };
      Promise.resolve()
        .then(() => options.mount(page, controller.signal))
        .catch((error) => {
          if (!controller.signal.aborted) options.onError?.(error);
        });
    },
    stop() {
      stopped = true;
      teardown();
    },
  };
}
