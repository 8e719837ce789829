/** At most `limit` tasks at once (a number, or read at each start); the rest wait their turn in order. */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  active(): number;
}

export function createLimiter(limit: number | (() => number)): Limiter {
  const max = typeof limit === 'number' ? () => limit : limit;
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    active: () => active,
    async run(task) {
      if (active < max()) active++;
      // A finishing task hands its slot straight to the next in line, so no newcomer can slip past.
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        const next = active <= max() ? waiting.shift() : undefined;
        if (next) next();
        else active--;
      }
    },
  };
}
