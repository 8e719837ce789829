/**
 * Resolves with the first value `find` returns (an element, or anything read off the page),
 * watching `root` for changes until then.
 * The observer exists only while waiting, and the signal ends it: no work is left behind.
 */
export function waitFor<T>(find: () => T | null | undefined, signal: AbortSignal, root: Node = document): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const found = find();
    if (found !== null && found !== undefined) return resolve(found);
    const observer = new MutationObserver(() => {
      const element = find();
      if (element === null || element === undefined) return;
      observer.disconnect();
      signal.removeEventListener('abort', onAbort);
      resolve(element);
    });
    const onAbort = () => {
      observer.disconnect();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    observer.observe(root, { childList: true, subtree: true });
  });
}
