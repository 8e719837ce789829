/**
 * Read-modify-write of one stored value, with every change queued meanwhile applied in a single
 * write: many workers finishing together cost one read and one write, not one each, and no change
 * is lost. Each caller's promise settles once its change is saved; `applied` is called before that, once the change
 * is in the value `load` gives (its write under way).
 *
 * `save` must make the value visible to `load` when called (a remembered item does: its storage
 * write follows behind), so the next batch need not wait for the write.
 */
export function createBatchedUpdater<T>(load: () => Promise<T>, save: (value: T) => Promise<void>) {
  let queue: { change: (value: T) => T; applied?: () => void; done: () => void; fail: (error: unknown) => void }[] = [];
  let flushing = false;

  const flush = async () => {
    while (queue.length) {
      const batch = queue;
      queue = [];
      try {
        const loaded: T = await load();
        let value = loaded;
        for (const { change } of batch) value = change(value);
        // Changes that return what they were given change nothing: no write.
        if (value === loaded) {
          for (const { done } of batch) done();
          continue;
        }
        const saved = save(value);
        for (const { applied } of batch) applied?.();
        saved.then(
          () => {
            for (const { done } of batch) done();
          },
          (error) => {
            for (const { fail } of batch) fail(error);
          },
        );
      } catch (error) {
        for (const { fail } of batch) fail(error);
      }
    }
    flushing = false;
  };

  return (change: (value: T) => T, applied?: () => void): Promise<void> =>
    new Promise<void>((done, fail) => {
      queue.push({ change, ...(applied ? { applied } : {}), done, fail });
      if (!flushing) {
        flushing = true;
        void flush();
      }
    });
}
