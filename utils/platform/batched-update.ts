/**
 * Read-modify-write of one stored value, with every change queued meanwhile applied in a single
 * write: many workers finishing together cost one read and one write, not one each, and no change
 * is lost. Each caller's promise settles once its change is saved.
 *
 * `save` must make the value visible to `load` when called (a remembered item does: its storage
 * write follows behind), so the next batch need not wait for the write.
 */
export function createBatchedUpdater<T>(load: () => Promise<T>, save: (value: T) => Promise<void>) {
  let queue: { change: (value: T) => T; done: () => void; fail: (error: unknown) => void }[] = [];
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
        save(value).then(
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

  return (change: (value: T) => T): Promise<void> =>
    new Promise<void>((done, fail) => {
      queue.push({ change, done, fail });
      if (!flushing) {
        flushing = true;
        void flush();
      }
    });
}
