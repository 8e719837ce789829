/**
 * Spaces the writes of a large stored value changed many times a second: each write starts no
 * sooner than `minGapMs` after the one before, unless hurried (someone waits to see it stored).
 */
export interface WritePacer {
  /** Resolves when the next write may start, and counts it as started. */
  turn(): Promise<void>;
  /** The waiting (or next) write goes at once. */
  hurry(): void;
}

export function createWritePacer(
  minGapMs: number,
  sleep: (ms: number) => Promise<void>,
  now: () => number,
): WritePacer {
  let lastStartAt = Number.NEGATIVE_INFINITY;
  let hurried = false;
  let cutGap: (() => void) | null = null;
  return {
    async turn() {
      const gap = lastStartAt + minGapMs - now();
      if (gap > 0 && !hurried) {
        await new Promise<void>((done) => {
          cutGap = done;
          void sleep(gap).then(done);
        });
      }
      cutGap = null;
      hurried = false;
      lastStartAt = now();
    },
    hurry() {
      hurried = true;
      cutGap?.();
    },
  };
}
