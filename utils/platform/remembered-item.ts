/**
 * A stored item the service worker reads on every Desk call or bulk step, kept in memory: reads
 * cost no storage round trip (which queues behind large writes), writes go through to storage,
 * and changes made in other contexts are followed. Values are copied in and out, so no caller can
 * change the remembered value by mutating what it got.
 */
import { sleep } from './sleep';
import type { StoredItem } from './trusted-storage';
import { createWritePacer } from './write-pacer';

const forgetters = new Set<() => void>();

/** Tests start every case from empty storage; this makes the memory match. */
export function forgetRememberedValues(): void {
  for (const forget of forgetters) forget();
}

/** Other in-memory copies of stored values are forgotten with these. */
export function onForgetRemembered(forget: () => void): void {
  forgetters.add(forget);
}

export interface RememberOptions {
  /**
   * For large values changed many times a second: a write starts no sooner than this after the one
   * before, so storage is not kept busy rewriting them. Callers that must know a value is stored
   * wait longer; keep such marks in a small item of their own.
   */
  minGapMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export type RememberedItem<T> = StoredItem<T> & {
  /** The next write skips the gap: for a change someone is waiting to see stored. */
  hurry(): void;
};

export function remembered<T>(item: StoredItem<T>, options: RememberOptions = {}): RememberedItem<T> {
  const { minGapMs = 0, sleep: wait = sleep, now = Date.now } = options;
  let known: { value: T } | null = null;
  let reading: Promise<T> | null = null;
  let writing = false;
  let unwatch: (() => void) | null = null;
  forgetters.add(() => {
    known = null;
    reading = null;
    unwatch?.();
    unwatch = null;
  });
  const follow = () => {
    // Our own writes are known already; an event for an older one must not overwrite a newer value.
    unwatch ??= item.watch((value) => {
      if (!writing) known = { value: structuredClone(value) };
    });
  };
  // Write-behind, latest wins: memory changes at once; storage gets the newest value when the
  // write before it is done, so a burst of changes costs a few writes, not one each.
  let latest: { store: () => Promise<void>; waiters: { done: () => void; fail: (e: unknown) => void }[] } | null = null;
  let storing = false;
  const pacer = createWritePacer(minGapMs, wait, now);
  const drain = async () => {
    storing = true;
    while (latest) {
      await pacer.turn();
      const { store, waiters } = latest!;
      latest = null;
      try {
        await store();
        for (const w of waiters) w.done();
      } catch (error) {
        for (const w of waiters) w.fail(error);
      }
    }
    writing = false;
    storing = false;
  };
  /** Resolves once storage holds this value or a newer one. */
  const write = (value: T, store: () => Promise<void>) => {
    follow();
    known = { value: structuredClone(value) };
    writing = true;
    return new Promise<void>((done, fail) => {
      latest = { store, waiters: [...(latest?.waiters ?? []), { done, fail }] };
      if (!storing) void drain();
    });
  };
  return {
    key: item.key,
    fallback: item.fallback,
    watch: (onChange) => item.watch(onChange),
    hurry: pacer.hurry,
    async getValue() {
      if (known) return structuredClone(known.value);
      follow();
      reading ??= item.getValue().then((value) => {
        reading = null;
        known ??= { value };
        return value;
      });
      await reading;
      return structuredClone(known!.value);
    },
    setValue: (value) => write(value, () => item.setValue(value)),
    removeValue: () => write(item.fallback, () => item.removeValue()),
  };
}
